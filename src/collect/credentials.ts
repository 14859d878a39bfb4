/**
 * Credentials in a known format (cloud keys, API tokens, private keys, database URLs with a
 * password) in any text file, found by secretlint's recommended rules. A collector, so that the
 * work runs in the workers and is cached per file like a parse; rules judge the facts.
 */
import type { Collector } from '../contracts/collector.js';
import type { CredentialsFact } from '../facts/credentials.js';
import { keyBefore, lineAt, lintCredentials } from '../lib/secretlint.js';

const collector: Collector<'credentials'> = {
  fact: 'credentials',
  kinds: [],
  async collect(file): Promise<CredentialsFact | undefined> {
    if (!file.content) return undefined;
    const hits = await lintCredentials(file.path, file.content);
    if (!hits.length) return undefined;
    return {
      file: file.path,
      environment: file.environment,
      gitIgnored: file.gitIgnored,
      ...(file.gitTracked !== undefined ? { gitTracked: file.gitTracked } : {}),
      found: hits.map((h) => {
        const key = keyBefore(lineAt(file.content, h.line), h.column);
        return key === undefined ? h : { ...h, key };
      }),
    };
  },
};
export default collector;
