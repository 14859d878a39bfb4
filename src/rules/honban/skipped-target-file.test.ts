import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Skipped } from '../../contracts/types.js';
import { scan } from '../../commands/scan.js';
import rule from './skipped-target-file.js';

async function findings(skipped: Skipped[], environment = 'production') {
  const { report } = await scan({ files: [], skipped, rules: [rule], environment, config: {} });
  assert.deepEqual(report.errors, []);
  assert.deepEqual(report.skipped, skipped, 'every skipped file is listed in the report');
  return report.findings.map((f) => `${f.file} ${f.severity} ${f.message}`);
}

test('honban/skipped-target-file: a skipped file of the target environment is a high finding with the reason', async () => {
  assert.deepEqual(await findings([{ path: '.env.production', reason: 'binary', detail: 'NUL byte at offset 12' }]), [
    '.env.production high .env.production belongs to production but was not checked: it holds binary data (NUL byte at offset 12)',
  ]);
  assert.deepEqual(await findings([{ path: 'config/settings/production.py', reason: 'unreadable', detail: 'permission denied' }]), [
    'config/settings/production.py high config/settings/production.py belongs to production but was not checked: it could not be read (permission denied)',
  ]);
  assert.deepEqual(await findings([{ path: 'docker-compose.prod.yml', reason: 'special-file', detail: 'FIFO (named pipe)' }]).then((l) => l.length), 1);
});

test('honban/skipped-target-file: skipped files of other environments and shared files are listed, not findings (environment twin)', async () => {
  assert.deepEqual(await findings([{ path: '.env.development', reason: 'too-large', detail: '2.0 MiB (limit 1.0 MiB)' }]), []);
  assert.deepEqual(await findings([{ path: 'data/big.json', reason: 'too-large' }]), []);
  assert.deepEqual(await findings([{ path: '.env.production', reason: 'symlink' }], 'staging'), []);
  assert.deepEqual(await findings([{ path: '.env.staging', reason: 'symlink', detail: 'symbolic link to a path outside the scanned directory (not followed)' }], 'staging').then((l) => l.length), 1);
});
