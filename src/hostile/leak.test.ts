/**
 * Hostile input against secrecy (issue 11, problems 1, 3, 9, 10; issue 10, class 11): no output,
 * error or crash report shows a secret, and masking never corrupts the report's own text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cpuMs, describeMeasured, measureCli } from '../testing/measure.js';
import { honban } from '../testing/cli.js';
import { repoWith } from '../testing/hostile.js';
import { SecretMasker } from '../engine/post/mask.js';
import { looksLikeCredential } from '../lib/secrets.js';

const LIMIT_MS = 60_000;

/** A base64 keystore block: ~33k characters of one repeated pattern. */
const KEYSTORE = 'MIIKQgIBAzCCCfwGCSqGSIb3DQEHAaCCCe0Egg'.repeat(870);
const STRONG = 'q8Vd3kZ2pL9xR4tW7mN1bC6hJ5gF0sYa';

function assertNoSecret(out: string, secrets: string[], what: string): void {
  for (const s of secrets) {
    // Any 24-character piece of a secret (a cut value leaks too).
    const piece = s.length > 24 ? s.slice(s.length >> 1, (s.length >> 1) + 24) : s;
    assert.ok(!out.includes(piece), `${what} shows a secret (${piece.slice(0, 4)}…)`);
  }
}

test('masking: a 33k-character repetitive secret never crashes scan, env or diff, and no output shows it', async () => {
  assert.ok(KEYSTORE.length > 33_000);
  const env = `KEYSTORE_PASSWORD=${KEYSTORE}\nSECRET_KEY=${STRONG}\nDEBUG=True\n`;
  const dir = repoWith({ '.env.production': env, '.env.staging': `KEYSTORE_PASSWORD=${KEYSTORE}x\nSECRET_KEY=${STRONG}y\n`, 'app.py': `import os\nKEY = os.environ["SECRET_KEY"]\nPW = "${KEYSTORE}"\n` });
  try {
    for (const args of [
      ['scan', dir, '--format', 'json', '--fail-on', 'none'],
      ['scan', dir, '--fail-on', 'none'],
      ['env', dir, '--format', 'json', '--fail-on', 'none'],
      ['env', dir, '--explain', '--fail-on', 'none'],
      ['diff', dir, '--from', 'staging', '--to', 'production', '--format', 'json'],
      ['diff', dir, '--from', 'staging', '--to', 'production'],
    ]) {
      const m = await measureCli(args, { timeoutMs: LIMIT_MS });
      console.log(describeMeasured(`33k secret: ${args[0]} ${args.slice(2).join(' ')}`, m));
      assert.equal(m.timedOut, false);
      assert.notEqual(m.code, 2, `${args.join(' ')}: ${m.stderr.slice(0, 300)}`);
      assertNoSecret(m.stdout + m.stderr, [KEYSTORE, STRONG], args.join(' '));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('crash reports carry no data: a crash whose message holds every secret prints version and stack only (scan, env, diff)', async () => {
  const dir = repoWith({ '.env.production': `KEYSTORE_PASSWORD=${KEYSTORE}\nSECRET_KEY=${STRONG}\n`, '.env.staging': `SECRET_KEY=${STRONG}z\n` });
  try {
    for (const args of [
      ['scan', dir],
      ['env', dir],
      ['diff', dir, '--from', 'staging', '--to', 'production'],
    ]) {
      const m = await measureCli(args, { env: { HONBAN_CRASH_TEST: 'secrets' }, timeoutMs: LIMIT_MS });
      assert.equal(m.code, 2, `${args[0]}: ${m.stderr.slice(0, 300)}`);
      assert.match(m.stderr, /^honban \d+\.\d+\.\d+ crashed \(node v/);
      assert.match(m.stderr, /Error: message withheld/);
      assert.match(m.stderr, /\n\s+at .*(pipeline|diff)\.js/, 'the stack names honban frames');
      assertNoSecret(m.stdout + m.stderr, [KEYSTORE, STRONG], `crash of ${args[0]}`);
      assert.doesNotMatch(m.stderr, /with data/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('masking is literal, bounded and builds no regular expression from secrets', () => {
  const m = new SecretMasker();
  const many = Array.from({ length: 2000 }, (_, i) => `Zx${i}-${KEYSTORE.slice(i, i + 40)}`);
  m.add([KEYSTORE, ...many, 'a(b)*c+[d]?{2}$^|\\x', '.*.*.*.*.*.*.*.*x']);
  const text = `k=${KEYSTORE} and a(b)*c+[d]?{2}$^|\\x and .*.*.*.*.*.*.*.*x and ${many[1999]}`;
  let out = '';
  const ms = cpuMs(() => (out = m.mask(Array(5).fill(text).join('\n'))));
  assert.ok(ms < 5_000, `${Math.round(ms)} ms of CPU`);
  assert.ok(out === Array(5).fill('k=**** and **** and **** and ****').join('\n'), out.slice(0, 200));
  // A 1 MiB text with one short secret repeated: linear.
  const m2 = new SecretMasker();
  m2.add(['Ab3$xY', 'Ab3$xYAb3$xY']);
  const big = 'Ab3$xY '.repeat(150_000);
  let masked = '';
  const ms2 = cpuMs(() => (masked = m2.mask(big)));
  assert.ok(masked === '**** '.repeat(150_000), 'every occurrence masked');
  assert.ok(ms2 < 5_000, `${Math.round(ms2)} ms of CPU`);
});

test('masking where a value stands: never inside identifiers or image names; short words and service names are not secrets', () => {
  const m = new SecretMasker();
  m.exempt(['wordpress', 'wordpress', 'gitea', 'gitea/gitea', 'gitea']);
  m.add(['gitea', 'value', 'status', 'wordpress', 'postgres', 'Kq7#pW2z']);
  // issue 10, class 11: `image: ****/gitea:<version>`
  assert.equal(m.mask('Pin a version: `image: gitea/gitea:<version>`.'), 'Pin a version: `image: gitea/gitea:<version>`.');
  assert.equal(m.mask('Service "wordpress" uses wordpress without a tag'), 'Service "wordpress" uses wordpress without a tag');
  assert.equal(m.mask('{ "value": "x", "status": "same" }'), '{ "value": "x", "status": "same" }');
  // A weak value still masked where it stands as a value, not where it continues an identifier.
  assert.equal(m.mask('POSTGRES_PASSWORD=postgres'), 'POSTGRES_PASSWORD=****');
  assert.equal(m.mask('image: postgres/postgres-exporter'), 'image: postgres/postgres-exporter');
  assert.equal(m.mask('postgres_data:/var/lib/postgresql'), 'postgres_data:/var/lib/postgresql');
  // A random-looking value everywhere it stands, but not inside a longer token.
  assert.equal(m.mask('pw Kq7#pW2z, url x:Kq7#pW2z@db'), 'pw ****, url x:****@db');
  assert.equal(m.mask('aKq7#pW2z'), 'aKq7#pW2z');
  // The whole string equal to a registered secret is masked whatever it is.
  assert.equal(m.mask('postgres'), '****');
});

test('issue 10 class 11: a compose password equal to the service or image name does not corrupt the report', () => {
  const dir = repoWith({
    'docker-compose.yml': [
      'services:',
      '  server:',
      '    image: gitea/gitea:latest',
      '    environment:',
      '      - GITEA__database__PASSWD=gitea',
      '  wordpress:',
      '    image: wordpress',
      '    environment:',
      '      WORDPRESS_DB_PASSWORD: wordpress',
      '',
    ].join('\n'),
  });
  try {
    const r = honban(['scan', dir, '--format', 'json', '--fail-on', 'none']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { findings: { ruleId: string; message: string; fix: string }[] };
    const all = report.findings.map((f) => `${f.message}\n${f.fix}`).join('\n');
    assert.doesNotMatch(all, /\*\*\*\*\/gitea|Service "\*\*\*\*"/, all);
    assert.match(all, /image: gitea\/gitea:<version>/);
    assert.match(all, /Service "wordpress"/);
    assert.ok(report.findings.some((f) => f.ruleId === 'compose/secret-in-environment'), 'the weak passwords are still findings');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('parse errors never quote source text: a malformed .tf / .tfvars in every format, --output and diff', () => {
  const PW = 'Tz9-hunter2-Pq4-sekrit';
  const dir = repoWith({
    'main.tf': `resource "aws_db_instance" "db" {\n  password = "${PW}" "${PW}"\n}\n`,
    'prod.tfvars': `db_password = ${PW} {{\n`,
    'staging.tfvars': `db_password = "${PW}" [\n`,
    'honban.yml': 'environments:\n  staging:\n    files: ["staging.tfvars"]\n  production:\n    files: ["prod.tfvars"]\n',
  });
  const out = mkdtempSync(path.join(tmpdir(), 'honban-leak-out-'));
  try {
    let sawError = false;
    for (const format of ['pretty', 'json', 'sarif', 'junit', 'markdown']) {
      for (const lang of format === 'pretty' || format === 'json' ? ['en', 'ja'] : ['en']) {
        const file = path.join(out, `${format}-${lang}.txt`);
        const r = honban(['scan', dir, '--format', format, '--lang', lang, '--fail-on', 'none', '--output', file]);
        assert.notEqual(r.code, 2, r.stderr);
        const text = readFileSync(file, 'utf8') + r.stdout + r.stderr;
        if (/HCL syntax error/.test(text)) sawError = true;
        for (const piece of [PW, PW.slice(0, 10), 'hunter2', 'sekrit']) assert.ok(!text.includes(piece), `${format}/${lang} quotes the source: ${text.slice(0, 400)}`);
      }
    }
    assert.ok(sawError, 'the parse errors are reported');
    for (const format of ['json', 'pretty', 'markdown']) {
      const d = honban(['diff', dir, '--from', 'staging', '--to', 'production', '--format', format]);
      assert.notEqual(d.code, 2, d.stderr);
      for (const piece of [PW, 'hunter2', 'sekrit']) assert.ok(!(d.stdout + d.stderr).includes(piece), `diff ${format}: ${d.stdout.slice(0, 400)}`);
      if (format === 'json') assert.ok((JSON.parse(d.stdout) as { errors: unknown[] }).errors.length > 0, 'diff lists the parse errors');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
});

test('diff: weak passwords equal to JSON keys (value, status, sources) keep the JSON valid and are not shown', () => {
  const dir = repoWith({
    '.env.staging': 'DB_PASSWORD=value\nAPI_TOKEN=status\nADMIN_PASSWORD=schemaVersion\nMODE=same\n',
    '.env.production': 'DB_PASSWORD=sources\nAPI_TOKEN=summary\nADMIN_PASSWORD=changed\nMODE=same\n',
  });
  try {
    const d = honban(['diff', dir, '--from', 'staging', '--to', 'production', '--format', 'json']);
    assert.equal(d.code, 0, d.stderr);
    const j = JSON.parse(d.stdout) as { schemaVersion: number; sources: unknown; summary: unknown; rows: { key: string; status: string; secret: boolean; from?: { value?: string }; to?: { value?: string } }[] };
    assert.equal(j.schemaVersion, 1);
    assert.ok(j.sources && j.summary);
    const row = (k: string) => j.rows.find((r) => r.key === k)!;
    for (const k of ['DB_PASSWORD', 'API_TOKEN', 'ADMIN_PASSWORD']) {
      assert.equal(row(k).secret, true);
      assert.equal(row(k).from?.value, undefined);
      assert.equal(row(k).to?.value, undefined);
    }
    assert.equal(row('MODE').to?.value, 'same');
    assert.equal(row('MODE').status, 'same');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('credentials under ordinary names (Slack webhook, Bearer JWT, AKIA key) are never shown by env --explain or diff', () => {
  const SLACK = 'https://hooks.slack.com/services/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';
  const JWT = 'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
  const AKIA = 'AKIAZ7Q3XK9P2M4T6W8Y';
  const dir = repoWith({
    '.env.staging': `NOTIFY_URL=https://example.com/hook\nAUTH_HEADER=none\nBUCKET_ID=abc\n`,
    '.env.production': `NOTIFY_URL=${SLACK}\nAUTH_HEADER=${JWT}\nBUCKET_ID=${AKIA}\n`,
  });
  try {
    for (const v of [SLACK, JWT, AKIA]) assert.equal(looksLikeCredential(v), true);
    for (const v of ['https://example.com/hook', 'Bearer token', 'AKIA', 'release-2024-01-01-abcdef']) assert.equal(looksLikeCredential(v), false);
    const outs = [
      honban(['env', dir, '--explain', '--fail-on', 'none']),
      honban(['env', dir, '--format', 'json', '--fail-on', 'none']),
      ...['json', 'pretty', 'markdown'].map((f) => honban(['diff', dir, '--from', 'staging', '--to', 'production', '--format', f])),
    ];
    for (const r of outs) {
      assert.notEqual(r.code, 2, r.stderr);
      for (const v of [SLACK.slice(30), JWT.slice(20, 60), AKIA]) assert.ok(!(r.stdout + r.stderr).includes(v), `shown: ${v.slice(0, 12)}…\n${r.stdout.slice(0, 600)}`);
    }
    const j = JSON.parse(outs[2]!.stdout) as { rows: { key: string; secret: boolean }[] };
    for (const k of ['NOTIFY_URL', 'AUTH_HEADER', 'BUCKET_ID']) assert.equal(j.rows.find((r) => r.key === k)?.secret, true, k);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
