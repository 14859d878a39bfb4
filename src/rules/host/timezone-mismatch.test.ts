import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './timezone-mismatch.js';
import { expectHostLines } from '../../testing/host-rules.js';

const time = { hostTime: [{ file: 'etc/timezone', line: 1, timezone: 'Etc/UTC' }] };

test('a zone other than host.timezone is reported at etc/timezone', async () => {
  const [f] = await expectHostLines(rule, time, ['etc/timezone:1'], { host: { timezone: 'Asia/Tokyo' } });
  assert.match(f!.message, /Etc\/UTC.*Asia\/Tokyo/);
});

test('the expected zone, or no expectation: nothing', async () => {
  await expectHostLines(rule, { hostTime: [{ file: 'etc/timezone', line: 1, timezone: 'Asia/Tokyo' }] }, [], { host: { timezone: 'Asia/Tokyo' } });
  await expectHostLines(rule, time, []);
});
