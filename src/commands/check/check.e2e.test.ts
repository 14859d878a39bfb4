/**
 * `honban check` and `honban history` end to end, through the real CLI: the leaky example is not
 * ready (with the checklist table first); fixing one finding in a copy shows it as fixed in
 * `honban history diff` — in the default SQLite store and in a real PostgreSQL server.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { honban, REPO } from '../../testing/cli.js';
import { skipUnlessPostgres, startPostgres, type PgServer } from '../../testing/postgres.js';
import type { Readiness, Report } from '../../contracts/types.js';

const LEAKY = path.join(REPO, 'examples', 'flask-leaky');
const work = mkdtempSync(path.join(tmpdir(), 'honban-check-'));
after(() => rmSync(work, { recursive: true, force: true }));

function copyLeaky(name: string): string {
  const dir = path.join(work, name);
  cpSync(LEAKY, dir, { recursive: true });
  rmSync(path.join(dir, '.honban'), { recursive: true, force: true });
  return dir;
}

/** The one-finding fix of the test: the container gets a user (docker/root-user goes away). */
function fixRootUser(dir: string): void {
  const file = path.join(dir, 'Dockerfile');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^EXPOSE 5000$/m, 'USER app\nEXPOSE 5000'));
}

const json = <T>(text: string): T => JSON.parse(text) as T;

test('check examples/flask-leaky: not-ready, the checklist table first, every finding tagged with its source', () => {
  // The README's quick start (`honban check examples/flask-leaky`) stores its run there: --no-history
  // must leave that store as it was, present or not.
  const store = path.join(LEAKY, '.honban', 'history.sqlite');
  const storeState = () => (existsSync(store) ? `${statSync(store).size}:${statSync(store).mtimeMs}` : 'absent');
  const storeBefore = storeState();
  const r = honban(['check', 'examples/flask-leaky', '--no-history', '--format', 'json']);
  assert.equal(r.code, 1, r.stderr);
  const report = json<Report>(r.stdout);
  assert.equal(report.command, 'check');
  const rd = report.readiness!;
  assert.equal(rd.verdict, 'not-ready');
  assert.ok(rd.at && !Number.isNaN(Date.parse(rd.at)));
  assert.deepEqual(
    rd.items.map((i) => [i.id, i.kind, i.priority, i.status]),
    [
      ['no-committed-secrets', 'automated', 'P0', 'failed'],
      ['debug-off', 'automated', 'P0', 'failed'],
      ['https-only', 'automated', 'P0', 'failed'],
      ['ssh-hardened', 'automated', 'P0', 'not-run'],
      ['monitoring-alerts', 'automated', 'P1', 'not-run'],
      ['non-root', 'automated', 'P1', 'failed'],
      ['rollback-plan', 'manual', 'P0', 'todo'],
      ['restore-tested', 'manual', 'P0', rd.items.find((i) => i.id === 'restore-tested')!.status === 'stale' ? 'stale' : 'done'],
      ['secrets-manager', 'manual', 'P1', rd.items.find((i) => i.id === 'secrets-manager')!.status === 'expired' ? 'expired' : 'deferred'],
      ['waf-rate-limit', 'manual', 'P2', 'skipped'],
      ['emergency-contacts', 'manual', 'P1', 'todo'],
    ],
  );
  assert.match(rd.items.find((i) => i.id === 'ssh-hardened')!.note!, /none of its rules ran \(host: give --host-facts FILE\)/);
  const nonRoot = rd.items.find((i) => i.id === 'non-root')!;
  assert.equal(nonRoot.owner, 'suzuki');
  assert.deepEqual(nonRoot.checks, ['docker/root-user', 'compose/root-user', 'systemd/root-user']);
  assert.equal(nonRoot.findings, report.findings.filter((f) => ['docker/root-user', 'compose/root-user', 'systemd/root-user'].includes(f.ruleId) && f.status === 'open').length);
  assert.ok(rd.reasons.some((x) => /P0 items? open: .*rollback-plan/.test(x)));
  assert.deepEqual(rd.sources.map((s) => [s.source, s.ran]), [['scan', true], ['env', true], ['probe', false], ['host', false]]);
  assert.ok(report.findings.length > 40);
  for (const f of report.findings) assert.ok(f.source === 'scan' || f.source === 'env', `${f.ruleId} has source ${f.source}`);
  assert.ok(report.findings.some((f) => f.source === 'env'), 'env findings are part of the verdict');
  assert.ok(report.findings.some((f) => f.ruleId === 'tf-aws/cloudtrail-missing' && f.status === 'waived' && f.owner === 'yamada'));
  assert.equal(rd.runId, undefined, '--no-history stores nothing');
  assert.equal(storeState(), storeBefore, '--no-history writes no store');

  const pretty = honban(['check', 'examples/flask-leaky', '--no-history']);
  assert.equal(pretty.code, 1);
  const lines = pretty.stdout.split('\n');
  assert.match(lines[0]!, /^Go-live verdict: +NOT READY/);
  const header = lines.findIndex((l) => /^Priority +Item +Status +Owner +Date$/.test(l));
  const firstFile = lines.findIndex((l) => /^\.env\.production \(scan\)$/.test(l));
  assert.ok(header > 0 && firstFile > header, 'the table comes before the findings');
  assert.match(pretty.stdout, /^P0 +Rollback plan written and rehearsed.* +todo +sato +due 2026-12-18/m);
  assert.match(pretty.stdout, /^P1 +Services run as an unprivileged user +failed \(\d+\) +suzuki/m);
  assert.match(pretty.stdout, /^Exit 1: not ready\.$/m);

  const ja = honban(['check', 'examples/flask-leaky', '--no-history', '--lang', 'ja', '--format', 'markdown']);
  assert.match(ja.stdout, /## 🚨 本番移行の判定: \*\*本番不可\*\*/);
  assert.match(ja.stdout, /\| 優先度 \| 項目 \| 状況 \| 担当 \| 日付 \|/);
  assert.match(ja.stdout, /\| 🚨 P0 \| \*\*ロールバック計画の作成と予行演習/);
  assert.match(ja.stdout, /\| ✅ P2 \| WAF のレート制限|\| ⚠️ P2 \| WAF のレート制限/);
});

test('check --host-facts: the facts recorded by honban host --record are judged with this run; host items pass or fail on them', async () => {
  const { materialize } = await import('../../testing/host.js');
  const { root, cleanup } = materialize('neglected', new Date());
  try {
    const facts = path.join(work, 'host.facts.json');
    const rec = honban(['host', '--root', root, '--record', facts, '--quiet']);
    assert.equal(rec.code, 1, rec.stderr);
    const r = honban(['check', 'examples/flask-leaky', '--no-history', '--host-facts', facts, '--format', 'json']);
    assert.equal(r.code, 1, r.stderr);
    const report = json<Report>(r.stdout);
    const rd = report.readiness!;
    const part = rd.sources.find((x) => x.source === 'host')!;
    assert.equal(part.ran, true);
    assert.match(part.target!, /host\.facts\.json \(--root .*honban-host-neglected-/);
    const hostFindings = report.findings.filter((f) => f.source === 'host');
    assert.ok(hostFindings.some((f) => f.ruleId === 'sshd/root-login' && f.file === 'etc/ssh/sshd_config'), 'the server\'s sshd_config, by its path on the server');
    const ssh = rd.items.find((i) => i.id === 'ssh-hardened')!;
    assert.equal(ssh.status, 'failed');
    assert.equal(ssh.findings, hostFindings.filter((f) => f.status === 'open' && (f.ruleId.startsWith('sshd/') || f.ruleId.startsWith('host/firewall-'))).length);
    assert.ok(ssh.findings > 0);
    assert.equal(honban(['check', 'examples/flask-leaky', '--no-history', '--host-facts', path.join(work, 'missing.json')]).code, 2);
  } finally {
    cleanup();
  }
});

test('check examples/flask-hardened without a checklist: ready, exit 0', () => {
  const r = honban(['check', 'examples/flask-hardened', '--no-history', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const rd = json<Report>(r.stdout).readiness!;
  assert.equal(rd.verdict, 'ready');
  assert.deepEqual(rd.items, []);
});

test('history in the default SQLite store: after fixing one finding, history diff shows it fixed', () => {
  const dir = copyLeaky('sqlite');
  const first = honban(['check', dir, '--format', 'json']);
  assert.equal(first.code, 1, first.stderr);
  const r1 = json<Report>(first.stdout).readiness!;
  assert.equal(r1.runId, 1);
  assert.ok(existsSync(path.join(dir, '.honban', 'history.sqlite')));
  assert.equal(readFileSync(path.join(dir, '.honban', '.gitignore'), 'utf8').trim().split('\n').pop(), '*');
  fixRootUser(dir);
  const second = honban(['check', dir, '--format', 'json']);
  const r2 = json<Report>(second.stdout).readiness!;
  assert.equal(r2.runId, 2);
  assert.deepEqual(r2.history!.map((h) => h.id), [1, 2], 'the trend holds both runs');

  const list = honban(['history', dir, '--format', 'json']);
  assert.equal(list.code, 0, list.stderr);
  const runs = json<{ runs: { id: number; verdict: string; summary: Record<string, number>; at: string }[] }>(list.stdout).runs;
  assert.deepEqual(runs.map((x) => [x.id, x.verdict]), [[2, 'not-ready'], [1, 'not-ready']]);
  assert.equal(runs[0]!.summary.medium, runs[1]!.summary.medium - 1, 'docker/root-user (medium) is gone');

  const diff = honban(['history', 'diff', '--dir', dir, '--format', 'json']);
  assert.equal(diff.code, 0, diff.stderr);
  const d = json<{ from: { id: number }; to: { id: number }; new: unknown[]; fixed: { type: string; ruleId?: string; file?: string; line?: number }[]; changed: unknown[] }>(diff.stdout);
  assert.deepEqual([d.from.id, d.to.id], [1, 2]);
  assert.deepEqual(d.fixed.filter((e) => e.type === 'finding').map((e) => `${e.ruleId} ${e.file}:${e.line}`), ['docker/root-user Dockerfile:1']);
  assert.deepEqual(d.new, []);
  // The same with explicit run ids, and as text.
  const pretty = honban(['history', 'diff', '1', '2', '--dir', dir]);
  assert.match(pretty.stdout, /^Fixed \(1\):\n {2}- medium +docker\/root-user {2}Dockerfile:1 /m);
  const none = honban(['history', 'diff', '2', '2', '--dir', dir]);
  assert.match(none.stdout, /Nothing changed\./);
  assert.equal(honban(['history', 'diff', '7', '--dir', dir]).code, 2);

  // A compose file that no longer parses: its findings are not judged, so not "fixed".
  const compose = path.join(dir, 'docker-compose.yml');
  writeFileSync(compose, readFileSync(compose, 'utf8') + '\n  : [unclosed\n');
  const third = honban(['check', dir, '--format', 'json']);
  assert.ok(json<Report>(third.stdout).errors.some((e) => e.kind === 'parse' && e.file === 'docker-compose.yml'), third.stdout.slice(0, 500));
  const broken = json<{ fixed: { type: string; file?: string }[]; unchecked: { type: string; file?: string; reason: string }[] }>(honban(['history', 'diff', '--dir', dir, '--format', 'json']).stdout);
  assert.deepEqual(broken.fixed.filter((e) => e.file === 'docker-compose.yml'), []);
  assert.ok(broken.unchecked.length >= 5, `compose findings unchecked: ${broken.unchecked.length}`);
  assert.ok(broken.unchecked.every((e) => e.file === 'docker-compose.yml' && e.reason === 'not-read'));
  assert.match(honban(['history', 'diff', '--dir', dir]).stdout, /^Not checked in run #3 \(neither fixed nor open\) \(\d+\):\n {2}\? /m);
});

test('a probe that cannot reach the site: its earlier findings are unchecked in history diff, never fixed; the verdict is not ready', () => {
  const dir = copyLeaky('probe-down');
  const facts = path.join(REPO, 'test', 'fixtures', 'probe', 'dev-site.facts.json');
  const first = honban(['check', dir, '--probe-facts', facts, '--format', 'json']);
  const r1 = json<Report>(first.stdout);
  assert.equal(r1.readiness!.sources.find((p) => p.source === 'probe')!.ran, true, first.stderr);
  const probeFindings = r1.findings.filter((f) => f.source === 'probe');
  assert.ok(probeFindings.length >= 3, `the saved dev site has probe findings: ${probeFindings.length}`);
  // Port 1 on loopback: nothing listens, the connection is refused at once.
  const second = honban(['check', dir, '--url', 'https://127.0.0.1:1', '--format', 'json']);
  assert.equal(second.code, 1, second.stderr);
  const r2 = json<Report>(second.stdout).readiness!;
  assert.equal(r2.verdict, 'not-ready');
  assert.match(r2.reasons[0]!, /^probe could not run: .*127\.0\.0\.1:1.*connection refused/);
  assert.deepEqual(r2.sources.find((p) => p.source === 'probe'), { source: 'probe', ran: false, failed: true, target: 'https://127.0.0.1:1/', note: r2.reasons[0]!.replace('probe could not run: ', '') });
  const https = r2.items.find((i) => i.id === 'https-only')!;
  assert.notEqual(https.state, 'met');

  const diff = json<{ fixed: { type: string; source?: string }[]; unchecked: { type: string; source?: string; ruleId?: string; reason: string }[]; new: { ruleId?: string }[] }>(honban(['history', 'diff', '--dir', dir, '--format', 'json']).stdout);
  assert.deepEqual(diff.fixed.filter((e) => e.type === 'finding' && e.source === 'probe'), [], 'a site that did not answer fixes nothing');
  assert.equal(diff.unchecked.filter((e) => e.source === 'probe' && e.reason === 'failed').length, new Set(probeFindings.map((f) => f.fingerprint)).size);
  assert.ok(diff.new.some((e) => e.ruleId === 'http/unreachable'));
  assert.match(honban(['history', 'diff', '--dir', dir]).stdout, /its part could not run \(the site did not answer\)/);
  assert.match(honban(['history', 'diff', '--dir', dir, '--lang', 'ja']).stdout, /その検査を実行できなかった/);

  // A site that is ready on every other count is still not ready when its probe could not run.
  const hardened = honban(['check', 'examples/flask-hardened', '--no-history', '--url', 'https://127.0.0.1:1', '--format', 'json']);
  const rh = json<Report>(hardened.stdout).readiness!;
  assert.equal(rh.verdict, 'not-ready', hardened.stderr);
  assert.equal(hardened.code, 1);
  assert.match(rh.reasons.join('\n'), /probe could not run/);
  const ja = honban(['check', 'examples/flask-hardened', '--no-history', '--url', 'https://127.0.0.1:1', '--lang', 'ja']);
  assert.match(ja.stdout, /probe を実行できませんでした/);
  assert.match(ja.stdout, /probe: 実行できず/);
});

test('check --init writes a starter checklist with en and ja titles, keeping what is there', () => {
  const dir = path.join(work, 'init');
  cpSync(path.join(REPO, 'examples', 'flask-hardened'), dir, { recursive: true });
  writeFileSync(path.join(dir, 'honban.yml'), '# our settings\nfailOn: medium # strict\nchecklist:\n  - id: rollback-plan\n    title: Our own rollback item\n    priority: P1\n    status: todo\n');
  const r = honban(['check', '--init', dir]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /added 5 checklist items \(1 already there, kept\): restore-tested, monitoring-alerts, emergency-contacts, architecture-doc, config-backup/);
  const text = readFileSync(path.join(dir, 'honban.yml'), 'utf8');
  assert.match(text, /^# our settings\nfailOn: medium # strict\n/);
  assert.match(text, /title: Our own rollback item/);
  assert.match(text, /ja: 緊急連絡先リストを作成し、当番と共有済み/);
  const again = honban(['check', '--init', dir]);
  assert.match(again.stdout, /added 0 checklist items \(6 already there, kept\)/);
  const checked = honban(['check', dir, '--no-history', '--format', 'json', '--lang', 'ja']);
  const rd = json<Report>(checked.stdout).readiness!;
  assert.equal(rd.verdict, 'not-ready', 'starter items are todo; three are P0');
  assert.equal(rd.items.find((i) => i.id === 'config-backup')!.title, '設定と環境変数一覧をバックアップし、安全に保管 (値は git に置かない)');

  const fresh = path.join(work, 'init-fresh');
  cpSync(path.join(REPO, 'examples', 'flask-hardened'), fresh, { recursive: true });
  assert.equal(honban(['check', '--init', fresh]).code, 0);
  assert.match(readFileSync(path.join(fresh, 'honban.yml'), 'utf8'), /^# The go-live checklist of `honban check`/);
});

test('usage errors and a bad checklist exit 2 with every problem listed', () => {
  const dir = path.join(work, 'bad');
  cpSync(path.join(REPO, 'examples', 'flask-hardened'), dir, { recursive: true });
  writeFileSync(path.join(dir, 'honban.yml'), 'checklist:\n  - id: a\n    title: A\n    priority: P9\n    status: deferred\n  - id: b\n    title: B\n    priority: P0\n    checks: [tls/nope]\n');
  const r = honban(['check', dir, '--no-history']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /: 3 problems\n/);
  assert.match(r.stderr, /checklist\.0\.priority/);
  assert.match(r.stderr, /checklist\.0\.reason: a deferred item needs a reason/);
  assert.match(r.stderr, /checklist\.1\.checks\.0: no rule matches "tls\/nope"/);
  assert.equal(honban(['check', 'examples/flask-leaky', '--no-history', '--store', 'sqlite:/tmp/x']).code, 2);
  const badStore = honban(['check', 'examples/flask-hardened', '--store', 'mysql://x']);
  assert.equal(badStore.code, 2);
  assert.match(badStore.stderr, /history store: a store is sqlite:PATH or postgres/);
  const empty = mkdtempSync(path.join(work, 'empty-'));
  const noHistory = honban(['history', '--dir', empty]);
  assert.equal(noHistory.code, 2);
  assert.match(noHistory.stderr, /no history at .* yet/);
});

// ── PostgreSQL ────────────────────────────────────────────────────────────────────────────────
const pgSkip = skipUnlessPostgres();
let pg: PgServer | undefined;
before(async () => {
  if (!pgSkip) pg = await startPostgres();
});
after(async () => {
  await pg?.stop();
});

test('history in PostgreSQL (--store postgres://… and HONBAN_STORE): fixed in history diff; the password is never printed', { skip: pgSkip }, async () => {
  const dir = copyLeaky('postgres');
  const url = pg!.url();
  const first = honban(['check', dir, '--store', url, '--format', 'json']);
  assert.equal(first.code, 1, first.stderr);
  const r1 = json<Report>(first.stdout).readiness! as Readiness;
  assert.ok(r1.runId! >= 1);
  assert.match(r1.store!, /^postgres:\/\/honban:\*\*\*\*@127\.0\.0\.1:\d+\//);
  assert.ok(!existsSync(path.join(dir, '.honban', 'history.sqlite')), 'no local history store');
  fixRootUser(dir);
  const second = honban(['check', dir, '--format', 'html', '--output', path.join(dir, 'report.html')], { env: { HONBAN_STORE: url } });
  assert.equal(second.code, 1, second.stderr);
  const html = readFileSync(path.join(dir, 'report.html'), 'utf8');
  assert.match(html, /data-runs="2"/, 'the trend chart shows both stored runs');

  const diff = honban(['history', 'diff', '--dir', dir, '--format', 'json'], { env: { HONBAN_STORE: url } });
  assert.equal(diff.code, 0, diff.stderr);
  const d = json<{ fixed: { type: string; ruleId?: string; file?: string }[]; new: unknown[] }>(diff.stdout);
  assert.deepEqual(d.fixed.filter((e) => e.type === 'finding').map((e) => `${e.ruleId} ${e.file}`), ['docker/root-user Dockerfile']);
  assert.deepEqual(d.new, []);
  const list = honban(['history', '--dir', dir, '--store', url]);
  assert.match(list.stdout, /^Runs of local:.* in postgres:\/\/honban:\*\*\*\*@127\.0\.0\.1:\d+\/\w+ \(newest first\)$/m);
  for (const out of [first.stdout, first.stderr, second.stdout, second.stderr, html, diff.stdout, list.stdout]) {
    assert.ok(!out.includes(pg!.password), 'the store password never appears');
  }
  // Everything the server holds: no secret value of the example (the Dockerfile's SECRET_KEY, the AWS key).
  const { PostgresDb } = await import('../history/postgres.js');
  const db = await PostgresDb.connect(url, 'test');
  try {
    let dump = '';
    for (const t of ['honban_runs', 'honban_findings', 'honban_run_findings', 'honban_items', 'honban_run_items']) dump += JSON.stringify(await db.all(`SELECT * FROM ${t}`));
    assert.ok(dump.includes('docker/secret-in-env'));
    for (const secret of ['9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddcc', 'q8Vd2LrX0tYbN5mKc7WfJ3sHa9PzE1uGi4oRl6Te', 'Zx81kQpL0vR7tY2uW9sN4mB6cV3bH5jG']) {
      assert.ok(!dump.includes(secret.slice(0, 10)), 'no secret value in the store');
    }
  } finally {
    await db.close();
  }
});
