import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './os-end-of-life.js';
import { expectHostLines } from '../../testing/host-rules.js';

const os = (id: string, versionId: string, idLike: string[] = []) => ({ hostOs: [{ file: 'etc/os-release', line: 6, id, idLike, versionId, prettyName: `${id} ${versionId}` }] });

test('a release past its end of life is high', async () => {
  const [f] = await expectHostLines(rule, os('ubuntu', '20.04'), ['etc/os-release:6']);
  assert.equal(f!.severity, 'high');
  assert.match(f!.message, /2025-05-31/);
});

test('a release within 180 days of its end of life is medium; derivatives use ID_LIKE', async () => {
  const [f] = await expectHostLines(rule, os('debian', '11'), ['etc/os-release:6']);
  assert.equal(f!.severity, 'medium');
  await expectHostLines(rule, os('linuxmint', '22.04', ['ubuntu']), []);
});

test('a supported release is fine; an unknown one is info, never silently supported', async () => {
  await expectHostLines(rule, os('debian', '12'), []);
  await expectHostLines(rule, os('ubuntu', '24.04'), []);
  const [f] = await expectHostLines(rule, os('gentoo', '2.15'), ['etc/os-release:6']);
  assert.equal(f!.severity, 'info');
});
