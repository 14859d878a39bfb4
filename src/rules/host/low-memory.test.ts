import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './low-memory.js';
import { expectHostLines } from '../../testing/host-rules.js';

const mem = (kb: number) => ({ hostMemory: [{ file: 'proc/meminfo', line: 1, totalBytes: kb * 1024 }] });

test('2 GB is below the default of 4 GB', async () => {
  const [f] = await expectHostLines(rule, mem(2039212), ['proc/meminfo:1']);
  assert.match(f!.message, /1\.9 GB/);
});

test('a 4 GB machine (MemTotal a little under 4 GiB) passes; 8 GB passes', async () => {
  await expectHostLines(rule, mem(3_880_000), []);
  await expectHostLines(rule, mem(8145636), []);
});
