/**
 * What every history store must do, run against SQLite (src/commands/history/sqlite.test.ts) and a real
 * PostgreSQL server (src/commands/history/postgres.test.ts) alike.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffRuns } from '../commands/history/diff.js';
import { migrate, MIGRATIONS, SqlStore, StoreError, type Db, type Migration } from '../commands/history/sql.js';
import type { HistoryStore, RunInput, StoredFinding, StoredItem } from '../commands/history/types.js';

export interface ContractTarget {
  /** A fresh, migrated store (each call: an empty database). */
  open(): Promise<HistoryStore>;
  /** A raw connection to the same database as the last `open()` (for migration tests). */
  db(): Promise<Db>;
}

const F = (key: string, over: Partial<StoredFinding> = {}): StoredFinding => ({
  key,
  ruleId: 'docker/root-user',
  file: 'Dockerfile',
  line: 1,
  severity: 'medium',
  status: 'open',
  source: 'scan',
  message: `finding ${key}`,
  ...over,
});

const I = (id: string, over: Partial<StoredItem> = {}): StoredItem => ({ id, title: `item ${id}`, kind: 'manual', priority: 'P0', status: 'todo', state: 'open', findings: 0, ...over });

export function run(project: string, at: string, findings: StoredFinding[], items: StoredItem[] = [], over: Partial<RunInput> = {}): RunInput {
  const summary = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  const statusCounts = { open: 0, suppressed: 0, waived: 0, baseline: 0 };
  for (const f of findings) {
    statusCounts[f.status]++;
    if (f.status === 'open') summary[f.severity]++;
  }
  return {
    project,
    at,
    commit: 'abc1234def',
    branch: 'main',
    environment: 'production',
    verdict: 'not-ready',
    failOn: 'high',
    summary,
    statusCounts,
    sources: ['scan', 'env'],
    toolVersion: '0.0.0-test',
    durationMs: 1234,
    findings,
    items,
    ...over,
  };
}

export function storeContract(name: string, target: ContractTarget, skip: string | false): void {
  test(`${name}: a fresh store is migrated to the newest schema version, and opening it again changes nothing`, { skip }, async () => {
    const s = await target.open();
    try {
      assert.equal(await s.version(), Math.max(...MIGRATIONS.map((m) => m.version)));
      const db = await target.db();
      try {
        assert.equal(await migrate(db), Math.max(...MIGRATIONS.map((m) => m.version)));
      } finally {
        await db.close();
      }
    } finally {
      await s.close();
    }
  });

  test(`${name}: runs are listed newest first with counts; a run keeps its findings (by fingerprint) and item states`, { skip }, async () => {
    const s = await target.open();
    try {
      const a = await s.record(run('p', '2026-11-01T10:00:00.000Z', [F('fa'), F('fb', { severity: 'high', line: 7 }), F('fb#2', { severity: 'high', line: 9 })], [I('rollback-plan'), I('tls', { kind: 'automated', status: 'failed', findings: 2 })]));
      const b = await s.record(
        run('p', '2026-11-02T10:00:00.000Z', [F('fb', { severity: 'high', status: 'waived', line: 8 }), F('fc', { severity: 'critical', message: 'new one' })], [I('rollback-plan', { status: 'done', state: 'met', owner: 'sato' }), I('tls', { kind: 'automated', status: 'failed', findings: 1 })], { verdict: 'ready-with-waivers', commit: undefined }),
      );
      assert.ok(b > a);
      await s.record(run('other-project', '2026-11-03T10:00:00.000Z', [F('zz')]));
      const runs = await s.runs('p');
      assert.deepEqual(runs.map((r) => r.id), [b, a]);
      assert.equal(runs[0]!.verdict, 'ready-with-waivers');
      assert.equal(runs[0]!.commit, undefined);
      assert.equal(runs[1]!.commit, 'abc1234def');
      assert.equal(runs[1]!.at, '2026-11-01T10:00:00.000Z');
      assert.deepEqual(runs[1]!.summary, { critical: 0, high: 2, medium: 1, low: 0, info: 0 });
      assert.deepEqual(runs[0]!.statusCounts, { open: 1, waived: 1, suppressed: 0, baseline: 0 });
      assert.deepEqual(runs[0]!.checklist, { total: 2, open: 1 });
      assert.deepEqual((await s.runs('p', { limit: 1 })).map((r) => r.id), [b]);
      assert.deepEqual(await s.runs('p', { environment: 'staging' }), []);

      const ra = (await s.run('p', a))!;
      assert.deepEqual(ra.findings.map((f) => [f.key, f.line, f.severity, f.status]), [
        ['fa', 1, 'medium', 'open'],
        ['fb', 7, 'high', 'open'],
        ['fb#2', 9, 'high', 'open'],
      ]);
      assert.deepEqual(ra.items.map((i) => [i.id, i.status, i.state]), [
        ['rollback-plan', 'todo', 'open'],
        ['tls', 'failed', 'open'],
      ]);
      assert.equal(await s.run('other-project', a), undefined, 'a run belongs to its project');

      // Both runs at once (what history diff reads), in the order asked, each with its own rows.
      const [db2, da2, none] = await s.details('p', [b, a, 999_999]);
      assert.deepEqual(da2, ra);
      assert.deepEqual(db2, await s.run('p', b));
      assert.deepEqual(db2!.findings.map((f) => [f.key, f.line, f.status]), [['fc', 1, 'open'], ['fb', 8, 'waived']]);
      assert.equal(none, undefined);
      assert.deepEqual(await s.details('other-project', [a, b]), [undefined, undefined]);

      const d = diffRuns(ra, (await s.run('p', b))!);
      assert.deepEqual(d.new.map((e) => (e.type === 'finding' ? e.key : e.id)), ['fc']);
      assert.deepEqual(d.fixed.map((e) => (e.type === 'finding' ? e.key : e.id)).sort(), ['fa', 'fb#2', 'rollback-plan']);
      // tls stays failed (2 findings → 1): the findings themselves show what changed.
      assert.deepEqual(d.changed.map((e) => (e.type === 'finding' ? `${e.key} ${e.from?.status}→${e.status}` : `${e.id} ${e.from?.status}→${e.status}`)), ['fb open→waived']);
    } finally {
      await s.close();
    }
  });

  test(`${name}: a finding the later run could not judge (part not run, file unreadable, rule failed) is unchecked, not fixed`, { skip }, async () => {
    const s = await target.open();
    try {
      const a = await s.record(run('p', '2026-11-01T10:00:00.000Z', [
        F('tls', { ruleId: 'tls/weak-protocol', file: 'https://example.com/', source: 'probe', line: undefined }),
        F('compose', { ruleId: 'compose/debug-enabled', file: 'docker-compose.yml' }),
        F('rule', { ruleId: 'docker/root-user', file: 'Dockerfile' }),
        F('other-rule', { ruleId: 'docker/latest-tag', file: 'Dockerfile' }),
        F('gone', { file: 'app.py', ruleId: 'flask/debug-enabled' }),
      ], [], { sources: ['scan', 'env', 'probe'] }));
      const b = await s.record(run('p', '2026-11-02T10:00:00.000Z', [], [], {
        sources: ['scan', 'env'],
        unjudged: [{ file: 'docker-compose.yml' }, { file: 'Dockerfile', ruleId: 'docker/root-user' }],
      }));
      const rb = (await s.run('p', b))!;
      assert.deepEqual(rb.sources, ['scan', 'env']);
      assert.deepEqual(rb.unjudged, [{ file: 'docker-compose.yml' }, { file: 'Dockerfile', ruleId: 'docker/root-user' }]);
      const d = diffRuns((await s.run('p', a))!, rb);
      assert.deepEqual(d.fixed.map((e) => (e.type === 'finding' ? e.key : e.id)).sort(), ['gone', 'other-rule']);
      assert.deepEqual(d.unchecked.map((e) => `${e.type === 'finding' ? e.key : e.id} ${e.reason}`).sort(), ['compose not-read', 'rule rule-failed', 'tls not-run']);
      assert.deepEqual(d.new, []);

      // The probe was asked for but the site did not answer: its earlier TLS finding is unchecked
      // ("failed"), never fixed; the unreachable finding itself is new. Stored and read back.
      const c = await s.record(run('p', '2026-11-03T10:00:00.000Z', [F('down', { ruleId: 'http/unreachable', file: 'https://example.com/', source: 'probe', line: undefined })], [], {
        sources: ['scan', 'env'],
        failed: ['probe'],
      }));
      const rc = (await s.run('p', c))!;
      assert.deepEqual([rc.sources, rc.failed], [['scan', 'env'], ['probe']]);
      assert.deepEqual((await s.run('p', a))!.failed, []);
      const d2 = diffRuns((await s.run('p', a))!, rc);
      assert.deepEqual(d2.unchecked.map((e) => `${e.type === 'finding' ? e.key : e.id} ${e.reason}`).sort(), ['tls failed']);
      assert.ok(!d2.fixed.some((e) => e.type === 'finding' && e.source === 'probe'), 'no probe finding is fixed by a site that did not answer');
      assert.deepEqual(d2.new.map((e) => (e.type === 'finding' ? e.key : e.id)), ['down']);
    } finally {
      await s.close();
    }
  });

  test(`${name}: retention by runs and by days deletes old runs and the findings no run refers to any more`, { skip }, async () => {
    const s = await target.open();
    try {
      for (let d = 1; d <= 5; d++) await s.record(run('p', `2026-10-0${d}T12:00:00.000Z`, [F(`only-${d}`), F('always')], [I('x')]));
      await s.record(run('q', '2026-10-01T12:00:00.000Z', [F('q1')]));
      const before = await s.stats('p');
      assert.deepEqual([before.runs, before.findings, before.runFindings, before.items], [5, 6, 10, 1]);
      assert.equal(await s.prune('p', { runs: 3 }, new Date('2026-10-06T00:00:00Z')), 2);
      const mid = await s.stats('p');
      assert.deepEqual([mid.runs, mid.findings, mid.runFindings], [3, 4, 6]);
      assert.deepEqual((await s.runs('p')).map((r) => r.at.slice(0, 10)), ['2026-10-05', '2026-10-04', '2026-10-03']);
      // 1 day before 2026-10-06T00:00Z is 10-05T00:00Z: the runs of 10-03 and 10-04 (12:00) are older.
      assert.equal(await s.prune('p', { days: 1 }, new Date('2026-10-06T00:00:00Z')), 2);
      assert.deepEqual((await s.runs('p')).map((r) => r.at.slice(0, 10)), ['2026-10-05']);
      const after = await s.stats('p');
      assert.deepEqual([after.runs, after.findings, after.runFindings, after.items], [1, 2, 2, 1]);
      assert.equal((await s.stats('q')).runs, 1, 'another project is untouched');
      assert.equal(await s.prune('p', {}, new Date()), 0);
    } finally {
      await s.close();
    }
  });

  test(`${name}: two writers at once both land, with distinct run ids`, { skip }, async () => {
    const s1 = await target.open();
    const s2 = await target.db().then((db) => new SqlStore(db, 'second'));
    try {
      const writes: Promise<number>[] = [];
      for (let k = 0; k < 8; k++) {
        const s = k % 2 ? s2 : s1;
        writes.push(s.record(run('p', `2026-10-01T12:00:0${k}.000Z`, [F('shared'), F(`w${k}`)])));
      }
      const ids = await Promise.all(writes);
      assert.equal(new Set(ids).size, 8);
      assert.equal((await s1.runs('p')).length, 8);
      assert.equal((await s1.stats('p')).findings, 9);
    } finally {
      await s1.close();
      await s2.close();
    }
  });

  test(`${name}: a further migration is applied once, in order; a store newer than honban is refused`, { skip }, async () => {
    const s = await target.open();
    await s.close();
    const db = await target.db();
    try {
      const v2: Migration = { version: 2, name: 'test step', sql: { sqlite: ['CREATE TABLE honban_test_step (x INTEGER)'], postgres: ['CREATE TABLE honban_test_step (x INTEGER)'] } };
      assert.equal(await migrate(db, [...MIGRATIONS, v2]), 2);
      assert.equal(await migrate(db, [...MIGRATIONS, v2]), 2, 'applied once');
      await db.run('INSERT INTO honban_test_step (x) VALUES (?)', [1]);
      await assert.rejects(migrate(db, MIGRATIONS), (e: Error) => e instanceof StoreError && /schema version 2, written by a newer honban/.test(e.message));
    } finally {
      await db.close();
    }
  });
}
