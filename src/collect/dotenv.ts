/**
 * Collector `dotenv`: every `.env*` / `*.env` file and `.flaskenv`, tokenized with positions (dotenv-parse.ts).
 * Templates (`.env.example`, `.env.sample`, `.env.template`, …) are collected too, with
 * environment TEMPLATE: rules of scope `target` never see them, rules of scope `all` can tell them
 * apart with `template`.
 */
import type { Collector } from '../core/collector.js';
import type { ProvidesVars } from '../core/facts-common.js';
import { isSecretName } from '../core/secrets.js';
import { TEMPLATE, type EnvName } from '../core/types.js';
import { parseDotenv, type DotenvEntry, type DotenvProblem } from './dotenv-parse.js';

export type { DotenvEntry, DotenvProblem } from './dotenv-parse.js';

export interface DotenvFile extends ProvidesVars {
  file: string;
  environment: EnvName;
  /** A template (`.env.example` …): documents variables, provides nothing to a running app. */
  template: boolean;
  /** Git would not commit the file (ignored and not tracked). */
  gitIgnored: boolean;
  /** Git tracks the file (known inside a git work tree only). */
  gitTracked?: boolean;
  /** Permission bits, when read from disk. */
  mode?: number;
  /**
   * Who loads the file, when not whatever loads `.env`: `flask-cli` for `.flaskenv`, which the Flask
   * CLI (`flask run`, every `flask` command, and `app.run()` with python-dotenv) loads wherever the
   * code is checked out — meant to be committed, and never read by gunicorn, uWSGI or a platform, so
   * it is no deployment surface.
   */
  loader?: 'flask-cli';
  /** Every assignment in order (duplicates included; the last one wins). */
  entries: DotenvEntry[];
  /** Lines dotenv ignores or reads differently than written. */
  problems: DotenvProblem[];
}

declare module '../core/types.js' {
  interface FactTypes {
    dotenv: DotenvFile;
  }
}

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

/** The password of a `scheme://user:password@host` URL, if any (decoded as written, not unescaped). */
export function urlPassword(value: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:([^@/?#\s]+)@/i.exec(value.trim());
  return m?.[1] || undefined;
}
