import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { memoryView } from '../../collect/env/fs.js';
import { resolveEnvironment } from '../../collect/env/resolve.js';
import { computeDrift, KEEP, readSnapshots, takeSnapshot } from './snapshot.js';

const resolve = (files: Record<string, string>, processEnv?: Record<string, string>) =>
  resolveEnvironment({ view: memoryView(files), environment: 'production', config: {}, processEnv, compareOthers: false });

test('snapshot / drift round trip: added, removed and changed keys, never values', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'honban-snap-'));
  try {
    const before = resolve({ '.env.production': 'SECRET_KEY=k1-Zx8Vb3Nm6Qw9Er2Ty5Ui\nREMOVED=1\nSAME=x\nLEVEL=INFO\n' });
    const t0 = new Date('2026-01-01T00:00:00Z');
    const first = takeSnapshot(root, before, t0);
    assert.equal(first.previous, undefined);
    assert.equal(readFileSync(path.join(root, '.honban', '.gitignore'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).join(), '*');
    assert.equal(statSync(path.join(root, '.honban', 'env-key')).mode & 0o777, 0o600);
    const stored = readFileSync(path.join(root, '.honban', 'env-snapshots.json'), 'utf8') + readFileSync(path.join(root, '.honban', 'env-key'), 'utf8');
    assert.ok(!stored.includes('k1-Zx8Vb3Nm6Qw9Er2Ty5Ui') && !stored.includes('INFO'), 'no value is stored');

    const none = computeDrift(root, before, new Date('2026-01-02T00:00:00Z'));
    assert.equal(none.drift, false);
    assert.equal(none.unchanged, 4);

    const after = resolve({ '.env.production': 'SECRET_KEY=k2-Po9Iu8Yt7Re6Wq5As4Df\nSAME=x\nLEVEL=INFO\nADDED=1\n' }, { LEVEL: 'WARNING' });
    const d = computeDrift(root, after, new Date('2026-01-03T00:00:00Z'));
    assert.equal(d.since, '2026-01-01T00:00:00.000Z');
    assert.deepEqual(d.added, [{ key: 'ADDED', secret: false, source: '.env.production' }]);
    assert.deepEqual(d.removed, [{ key: 'REMOVED', secret: false, previousSource: '.env.production' }]);
    assert.deepEqual(d.changed, [
      { key: 'LEVEL', secret: false, source: 'process.env', previousSource: '.env.production' },
      { key: 'SECRET_KEY', secret: true, source: '.env.production', previousSource: '.env.production' },
    ]);
    assert.equal(d.unchanged, 1);
    assert.ok(!JSON.stringify(d).includes('k2-Po9'));

    const second = takeSnapshot(root, after, new Date('2026-01-04T00:00:00Z'));
    assert.equal(second.previous!.timestamp, '2026-01-01T00:00:00.000Z');
    assert.equal(computeDrift(root, after).drift, false, 'drift is measured from the last snapshot');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('snapshot: the last 20 of each environment are kept, other environments untouched', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'honban-snap-'));
  try {
    const stg = resolveEnvironment({ view: memoryView({ '.env.staging': 'A=1\n' }), environment: 'staging', config: {}, compareOthers: false });
    takeSnapshot(root, stg, new Date('2025-12-31T00:00:00Z'));
    for (let i = 0; i < KEEP + 5; i++) takeSnapshot(root, resolve({ '.env.production': `N=${i}\n` }), new Date(Date.UTC(2026, 0, 1 + i)));
    const file = readSnapshots(root);
    const prod = file.snapshots.filter((s) => s.environment === 'production');
    assert.equal(prod.length, KEEP);
    assert.equal(prod[0]!.timestamp, new Date(Date.UTC(2026, 0, 6)).toISOString());
    assert.equal(file.snapshots.filter((s) => s.environment === 'staging').length, 1);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('drift without a snapshot is a usage error', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'honban-snap-'));
  try {
    assert.throws(() => computeDrift(root, resolve({ '.env': 'A=1\n' })), /no snapshot of production yet/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
