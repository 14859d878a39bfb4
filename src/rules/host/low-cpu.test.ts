import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './low-cpu.js';
import { expectHostLines } from '../../testing/host-rules.js';

test('one core is below the default of two', async () => {
  const [f] = await expectHostLines(rule, { hostCpu: [{ file: 'proc/cpuinfo', count: 1 }] }, ['proc/cpuinfo:-']);
  assert.match(f!.message, /1 CPU core/);
});

test('two cores pass; host.minCpus raises the bar', async () => {
  await expectHostLines(rule, { hostCpu: [{ file: 'proc/cpuinfo', count: 2 }] }, []);
  await expectHostLines(rule, { hostCpu: [{ file: 'proc/cpuinfo', count: 2 }] }, ['proc/cpuinfo:-'], { host: { minCpus: 4 } });
});
