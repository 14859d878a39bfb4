/**
 * Collector `dotenv`: every `.env*` / `*.env` file and `.flaskenv`, tokenized with positions (dotenv-parse.ts).
 * Templates (`.env.example`, `.env.sample`, `.env.template`, …) are collected too, with
 * environment TEMPLATE: rules of scope `target` never see them, rules of scope `all` can tell them
 * apart with `template`.
 */
import type { Collector } from '../contracts/collector.js';
import { isSecretName } from '../lib/secrets.js';
import { TEMPLATE } from '../contracts/types.js';
import { parseDotenv } from './dotenv-parse.js';
import { urlPassword } from '../lib/url.js';

const collector: Collector<'dotenv'> = {
  fact: 'dotenv',
  kinds: ['dotenv'],
  collect(file, ctx) {
    const { entries, problems } = parseDotenv(file.content);
    for (const e of entries) {
      if (e.value && isSecretName(e.key)) ctx.registerSecret(e.value);
      // Credentials inside URLs (postgres://user:pass@host) are secrets whatever the key: the URL
      // is masked whole, and the password alone when it is long enough not to mask ordinary words.
      const pw = urlPassword(e.value);
      if (pw) {
        ctx.registerSecret(e.value);
        if (pw.length >= 8) ctx.registerSecret(pw);
      }
    }
    const template = file.environment === TEMPLATE;
    const flaskCli = /(^|\/)\.flaskenv$/i.test(file.path);
    return {
      file: file.path,
      environment: file.environment,
      template,
      ...(flaskCli ? { loader: 'flask-cli' as const } : {}),
      gitIgnored: file.gitIgnored,
      ...(file.gitTracked !== undefined ? { gitTracked: file.gitTracked } : {}),
      ...(file.mode !== undefined ? { mode: file.mode } : {}),
      entries,
      problems,
      provides: entries.map((e) => ({
        name: e.key,
        value: e.value,
        mechanism: 'env-file',
        viaSecretStore: false,
        file: file.path,
        line: e.line,
        column: e.column,
      })),
      hasSecretMechanism: false,
    };
  },
};
export default collector;
