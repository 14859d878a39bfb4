/** Runs the real CLI (bin/honban.js) in a child process, for end-to-end tests. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(REPO, 'bin', 'honban.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function honban(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {}): CliResult {
  const env: Record<string, string | undefined> = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '', FORCE_COLOR: '', ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? REPO, env: env as NodeJS.ProcessEnv, encoding: 'utf8', input: opts.input ?? '', timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
