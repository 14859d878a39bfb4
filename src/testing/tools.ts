/**
 * External tools tests need (openssl, nginx, testssl, chromium, PostgreSQL). Missing: the test is skipped with
 * a visible reason — except under CI=true, where a missing tool fails the test instead.
 */
import { spawnSync } from 'node:child_process';

const cache = new Map<string, string | undefined>();

/** The tool's path, or undefined when it is not installed. */
export function which(tool: string): string | undefined {
  if (!cache.has(tool)) {
    const r = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' });
    const p = r.status === 0 ? r.stdout.trim() : undefined;
    cache.set(tool, p || undefined);
  }
  return cache.get(tool);
}

export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

/**
 * The `skip` option for node:test: a reason string when a tool is missing (outside CI), else false.
 * In CI the test runs and `needTools` throws, so the job fails rather than skipping silently.
 */
export function skipUnless(...tools: string[]): string | false {
  const missing = tools.filter((t) => !which(t));
  if (!missing.length || IN_CI) return false;
  const reason = `${missing.join(', ')} not installed — install it (apt-get install ${missing.join(' ')}) to run this test`;
  process.stderr.write(`# SKIP: ${reason}\n`);
  return reason;
}

/** Throws when a tool is missing (used inside tests; in CI this turns a skip into a failure). */
export function needTools(...tools: string[]): void {
  const missing = tools.filter((t) => !which(t));
  if (missing.length) throw new Error(`${missing.join(', ')} required${IN_CI ? ' in CI (CI=true): .ci/run must install it' : ''}`);
}
