/** Test helper for the tf-aws rules: expectLines that also fails on parse / rule errors (a crash must not pass as "silent"). */
import assert from 'node:assert/strict';
import type { Finding, Rule } from '../contracts/types.js';
import { expectLines as baseExpectLines, text, type RunOptions, type VirtualFile } from './harness.js';

export { text };

export async function expectLines(rule: Rule<any>, files: VirtualFile[] | Record<string, string>, expected: string[], opts: RunOptions = {}): Promise<Finding[]> {
  const findings = await baseExpectLines(rule, files, expected, opts);
  const errors = (findings as Finding[] & { errors?: unknown[] }).errors;
  assert.deepEqual(errors ?? [], [], `${rule.id}: engine errors ${JSON.stringify(errors)}`);
  return findings;
}
