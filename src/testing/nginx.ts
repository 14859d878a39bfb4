/**
 * Test helper for the infrastructure domains (nginx, systemd, sshd, provision): like
 * `expectLines`, and also asserts that no file failed to parse — a negative case that only passes
 * because its fixture is malformed would prove nothing.
 */
import assert from 'node:assert/strict';
import type { Finding, Rule } from '../contracts/types.js';
import { expectLines, runRules, type RunOptions, type VirtualFile } from './harness.js';

export async function expectClean(rule: Rule<any>, files: VirtualFile[] | Record<string, string>, expected: string[], opts: RunOptions = {}): Promise<Finding[]> {
  const all = (await runRules(rule, files, { ...opts, all: true })) as Finding[] & { errors?: { message: string; file?: string; line?: number }[] };
  assert.deepEqual(all.errors ?? [], [], `unexpected errors: ${JSON.stringify(all.errors)}`);
  return expectLines(rule, files, expected, opts);
}
