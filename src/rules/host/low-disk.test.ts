import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './low-disk.js';
import { expectHostLines } from '../../testing/host-rules.js';

const GB = 1024 ** 3;
const disk = (free: number, total = 100) => ({ hostDisk: [{ file: 'host:df /', path: '/', freeBytes: free * GB, totalBytes: total * GB }] });

test('less than 20 GB free is medium; under 5 % free is high', async () => {
  const [f] = await expectHostLines(rule, disk(12), ['host:df /:-']);
  assert.equal(f!.severity, 'medium');
  const [g] = await expectHostLines(rule, disk(3), ['host:df /:-']);
  assert.equal(g!.severity, 'high');
});

test('enough free space passes', async () => {
  await expectHostLines(rule, disk(40), []);
});
