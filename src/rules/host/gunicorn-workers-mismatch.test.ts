import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './gunicorn-workers-mismatch.js';
import { app, expectHostLines } from '../../testing/host-rules.js';

const facts = (workers: number, cores: number, memGb: number) => ({
  hostApp: [app({ workers: { value: workers, file: 'etc/mirai/env', line: 4 } })],
  hostCpu: [{ file: 'proc/cpuinfo', count: cores }],
  hostMemory: [{ file: 'proc/meminfo', line: 1, totalBytes: memGb * 1024 ** 3 }],
});

test('more workers than the memory holds is medium', async () => {
  const [f] = await expectHostLines(rule, facts(16, 1, 2), ['etc/mirai/env:4']);
  assert.equal(f!.severity, 'medium');
});

test('workers far from 2 × cores + 1 is low', async () => {
  const [f] = await expectHostLines(rule, facts(1, 4, 16), ['etc/mirai/env:4']);
  assert.equal(f!.severity, 'low');
  assert.match(f!.message, /about 9/);
});

test('5 workers on 2 cores with 8 GB fits; workers from an unresolved variable are not judged', async () => {
  await expectHostLines(rule, facts(5, 2, 8), []);
  await expectHostLines(rule, { ...facts(5, 2, 8), hostApp: [app({ workers: { file: 'x.service', line: 9, external: '$WORKERS' } })] }, []);
});
