/**
 * End-to-end test helpers: copy a fixture repository to a temporary directory and run the real CLI
 * (`node bin/honban.js …`) on it.
 */
import { execFile } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (dist/env/e2e.js → ../..). */
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(REPO, 'bin', 'honban.js');
export const FIXTURES = path.join(REPO, 'test', 'fixtures', 'env');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs honban with `args` in `cwd`; `env` replaces the variables a test controls (LANG, NO_COLOR, …). */
export function honban(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  const base: Record<string, string> = {};
  for (const k of ['PATH', 'HOME', 'SYSTEMROOT', 'TMPDIR']) if (process.env[k]) base[k] = process.env[k]!;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: opts.cwd ?? REPO, env: { ...base, LANG: 'C', NO_COLOR: '1', ...opts.env }, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof (err as NodeJS.ErrnoException & { code?: unknown }).code === 'number' ? ((err as unknown as { code: number }).code) : 99) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** Copies a fixture to a fresh temporary directory; env files get mode 600 (git keeps only 644/755). */
export function copyFixture(name: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), `honban-${name}-`));
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = path.join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n === '.env' || n.startsWith('.env.') || n.endsWith('.env')) chmodSync(p, 0o600);
    }
  };
  walk(dir);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
