import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import type { Finding, Readiness, Report, RunSummary } from '../contracts/types.js';
import { esc, formatHtml } from './html.js';

const EVIL = `"><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'`;

function finding(over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'docker/root-user',
    severity: 'medium',
    message: 'The container runs as root',
    file: 'Dockerfile',
    line: 1,
    status: 'open',
    fix: 'Add USER app',
    docsUrl: 'https://github.com/honban-dev/honban/blob/main/docs/rules.md#dockerroot-user',
    fingerprint: 'f1',
    source: 'scan',
    ...over,
  };
}

const run = (id: number, at: string, summary: Partial<RunSummary['summary']>, verdict: RunSummary['verdict'] = 'not-ready'): RunSummary => ({
  id,
  at,
  environment: 'production',
  verdict,
  summary: { critical: 0, high: 0, medium: 0, low: 0, info: 0, ...summary },
});

function sampleReport(over: Partial<Report> = {}, readiness: Partial<Readiness> = {}): Report {
  const findings = [
    finding(),
    finding({ ruleId: 'env/debug-enabled', file: `${EVIL}/.env.production`, line: 3, severity: 'high', message: `DEBUG is on ${EVIL}`, fix: `Set DEBUG=0 ${EVIL}`, source: 'env', fingerprint: 'f2' }),
    finding({ ruleId: 'tls/expired-certificate', file: 'https://app.example.com/', line: undefined, severity: 'critical', message: 'The certificate expired', source: 'probe', fingerprint: 'f3' }),
    finding({ ruleId: 'tf-aws/cloudtrail-missing', file: 'infra/main.tf', severity: 'info', status: 'waived', statusReason: 'deferred by PM decision', owner: 'yamada', until: '2026-12-10', fingerprint: 'f4' }),
    finding({ ruleId: 'nginx/missing-hsts', file: 'deploy/nginx.conf', severity: 'medium', status: 'waived', statusReason: 'CDN adds it', owner: 'sato', until: '2027-06-30', fingerprint: 'f5' }),
  ];
  return {
    schemaVersion: 1,
    tool: { name: 'honban', version: '9.9.9' },
    command: 'check',
    target: ['.'],
    environment: 'production',
    lang: 'en',
    failOn: 'high',
    findings,
    summary: { critical: 1, high: 1, medium: 1, low: 0, info: 0 },
    statusCounts: { open: 3, waived: 2, suppressed: 0, baseline: 0 },
    errors: [{ kind: 'parse', message: `cannot parse ${EVIL}`, file: `${EVIL}.yml`, line: 2 }],
    skipped: [{ path: `${EVIL}.bin`, reason: 'binary' }],
    rules: [
      { id: 'docker/root-user', severity: 'medium', title: 'root', description: 'A process running as root can take over the host.', fix: 'USER', docsUrl: 'https://x.invalid' },
      { id: 'env/debug-enabled', severity: 'high', title: 'debug', description: 'The debugger runs code.', fix: 'off', docsUrl: 'https://x.invalid' },
    ],
    scanned: 10,
    exitCode: 1,
    readiness: {
      verdict: 'not-ready',
      at: '2026-12-01T09:30:00.000Z',
      commit: '0123456789abcdef',
      branch: 'main',
      project: 'github.com/acme/app',
      items: [
        { id: 'rollback-plan', title: `Rollback plan ${EVIL}`, kind: 'manual', priority: 'P0', owner: `sato ${EVIL}`, due: '2026-12-18', status: 'todo', state: 'open', findings: 0 },
        { id: 'tls', title: 'TLS', kind: 'automated', priority: 'P0', status: 'failed', state: 'open', findings: 1, checks: ['tls/*'], note: '1 open finding' },
        { id: 'secrets', title: 'Secrets manager', kind: 'manual', priority: 'P1', owner: 'yamada', status: 'deferred', state: 'waived', reason: `deferred by PM decision ${EVIL}`, until: '2026-12-05', findings: 0 },
        { id: 'waf', title: 'WAF', kind: 'manual', priority: 'P2', status: 'skipped', state: 'waived', reason: 'skipped by ops decision', findings: 0 },
        { id: 'restore', title: 'Restore tested', kind: 'manual', priority: 'P0', status: 'done', state: 'met', attested: { by: 'suzuki', on: '2026-11-27' }, evidence: 'javascript:alert(1)', findings: 0 },
        { id: 'docs', title: 'Architecture doc', kind: 'manual', priority: 'P1', status: 'done', state: 'met', attested: { by: 'ito', on: '2026-11-20' }, evidence: 'https://wiki.example.com/arch', findings: 0 },
      ],
      sources: [
        { source: 'scan', ran: true, target: '.', scanned: 10 },
        { source: 'env', ran: true, target: 'production' },
        { source: 'probe', ran: true, target: 'https://app.example.com/' },
        { source: 'host', ran: false, note: 'no host facts' },
      ],
      reasons: ['2 P0 items open: rollback-plan, tls', '2 open findings at or above high'],
      runId: 3,
      store: '.honban/history.sqlite',
      history: [run(1, '2026-11-28T10:00:00.000Z', { critical: 2, high: 5, medium: 4 }), run(2, '2026-11-30T10:00:00.000Z', { critical: 1, high: 3, medium: 2, low: 1 }), run(3, '2026-12-01T09:30:00.000Z', { critical: 1, high: 1, medium: 1 })],
      ...readiness,
    },
    ...over,
  };
}

test('html: hostile file names, messages and titles are escaped — no markup gets in', () => {
  const html = formatHtml(sampleReport());
  assert.ok(!html.includes('<img'), 'no img element');
  assert.ok(!/<script/i.test(html), 'no script element at all');
  assert.ok(!html.includes('onerror="'), 'no event handler attribute');
  assert.ok(html.includes(esc(EVIL)));
  assert.equal(esc(`<a href="x">&'`), '&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
  assert.equal(esc('a\u0000b\u001bc'), 'a\uFFFDb\uFFFDc');
  // A javascript: evidence stays text; only http(s) evidence becomes a link.
  assert.ok(!html.includes('href="javascript:'));
  assert.ok(html.includes('<code>javascript:alert(1)</code>'));
  assert.ok(html.includes('href="https://wiki.example.com/arch"'));
});

test('html: self-contained — a CSP that forbids every request, no external resource, print CSS', () => {
  const html = formatHtml(sampleReport());
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  assert.ok(csp, 'CSP meta');
  assert.match(csp!, /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src data:; form-action 'none'; base-uri 'none'$/);
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
  assert.equal(`'sha256-${createHash('sha256').update(style).digest('base64')}'`, /style-src ('[^']+')/.exec(csp!)![1]);
  // Attribute values are quoted and escaped: blank them, then look at the markup itself.
  const markup = html.replace(/"[^"]*"/g, '""');
  assert.ok(!/<[a-z][^>]*\ssrc=/i.test(markup), 'no src attribute');
  assert.ok(!/<link\b/.test(html) && !/@import|url\(/.test(style), 'no linked or imported resource');
  assert.ok(!/\sstyle="/.test(html), 'no inline style attribute (the CSP would block it)');
  for (const m of html.matchAll(/href="([^"]*)"/g)) assert.match(m[1]!, /^https:\/\//, 'only plain https links');
  assert.match(style, /@media print\{/);
  assert.match(style, /@page\{/);
});

test('html: verdict banner, checklist table, waivers with expiry (≤ 14 days highlighted), findings by source and file', () => {
  const html = formatHtml(sampleReport());
  assert.match(html, /<header class="banner v-not-ready" id="verdict" data-verdict="not-ready">/);
  assert.match(html, /<h1>Go-live verdict: <span class="verdict">NOT READY<\/span><\/h1>/);
  for (const id of ['rollback-plan', 'tls', 'secrets', 'waf', 'restore', 'docs']) assert.ok(html.includes(`data-item="${id}"`), id);
  assert.match(html, /<tr data-item="rollback-plan" data-state="open" class="p0-open">/);
  // Open P0 items come first, met items last.
  assert.ok(html.indexOf('data-item="rollback-plan"') < html.indexOf('data-item="secrets"'));
  assert.ok(html.indexOf('data-item="secrets"') < html.indexOf('data-item="restore"'));
  // Waivers: the deferral until 12-05 (4 days) and the waiver until 12-10 (9 days) are highlighted; 2027-06-30 is not; skipped has no expiry.
  const rows = [...html.matchAll(/<tr data-waiver="(item|finding)"( class="([a-z]+)")?><td class="nowrap">([^<]*)/g)].map((m) => `${m[1]} ${m[4]!.trim()} ${m[3] ?? '-'}`);
  assert.deepEqual(rows, ['item 2026-12-05 soon', 'finding 2026-12-10 soon', 'finding 2027-06-30 -', 'item  -']);
  assert.match(html, /in 4 days/);
  // Findings grouped by source, then file; file:line, why and fix.
  const sources = [...html.matchAll(/<h3 data-source="([a-z]+)">/g)].map((m) => m[1]);
  assert.deepEqual(sources, ['scan', 'env', 'probe']);
  assert.match(html, /<code>Dockerfile:1<\/code>/);
  assert.match(html, /<b>Why:<\/b> A process running as root can take over the host\./);
  assert.match(html, /<b>Fix:<\/b> Add USER app/);
  assert.match(html, /<code>https:\/\/app\.example\.com\/<\/code>/, 'a live finding shows its URL');
  assert.match(html, /id="problems"/);
  // Nothing skipped silently: the files not read, with the reason (the name escaped).
  assert.match(html, /<section id="not-read"><h2>Not read \(1\)<\/h2><ul>\s*<li><code>&quot;&gt;&lt;img [^<]*\.bin<\/code> — binary<\/li>/);
});

test('html: the trend chart has one stacked bar per stored run, most severe at the bottom', () => {
  const html = formatHtml(sampleReport());
  const svg = /<svg[\s\S]*?<\/svg>/.exec(html)![0];
  assert.match(svg, /data-runs="3"/);
  const runs = [...svg.matchAll(/<g data-run="(\d+)">([\s\S]*?)<\/g>/g)].map((m) => [m[1], [...m[2]!.matchAll(/data-severity="(\w+)" data-count="(\d+)"/g)].map((x) => `${x[1]}:${x[2]}`).join(',')]);
  assert.deepEqual(runs, [
    ['1', 'critical:2,high:5,medium:4'],
    ['2', 'critical:1,high:3,medium:2,low:1'],
    ['3', 'critical:1,high:1,medium:1'],
  ]);
  // The tallest bar (11) reaches at least the top grid line's value.
  const grid = [...svg.matchAll(/text-anchor="end" font-size="11" fill="#6b7280">(\d+)</g)].map((m) => Number(m[1]));
  assert.ok(Math.max(...grid) >= 11);
  const one = formatHtml(sampleReport({}, { history: [run(1, '2026-12-01T09:30:00.000Z', { high: 2 })] }));
  assert.match(one, /The trend shows from the second stored run on\./);
  assert.match(formatHtml(sampleReport({}, { history: undefined, runId: undefined })), /No stored runs \(--no-history\)\./);
});

test('html: Japanese, and a plain scan report (no readiness) renders too', () => {
  const ja = formatHtml(sampleReport({ lang: 'ja' }));
  assert.match(ja, /^<!DOCTYPE html>\n<html lang="ja">/);
  assert.match(ja, /本番移行の判定: <span class="verdict">本番不可<\/span>/);
  assert.match(ja, /免除と延期/);
  assert.match(ja, /あと 4 日/);
  const { readiness: _r, ...scanReport } = sampleReport({ command: 'scan' });
  const scan = formatHtml(scanReport);
  assert.match(scan, /<h1>honban scan report<\/h1>/);
  assert.ok(!scan.includes('id="checklist"') && !scan.includes('<svg'));
  assert.match(scan, /id="waivers"/, 'waived findings are still listed');
});

test('html: a part that could not run (the site did not answer) is said so, not "not run"', () => {
  const sources: Readiness['sources'] = [
    { source: 'scan', ran: true, target: '.' },
    { source: 'probe', ran: false, failed: true, target: 'https://app.example.com/', note: 'The site does not answer: connection refused' },
    { source: 'host', ran: false, note: 'no host facts' },
  ];
  const en = formatHtml(sampleReport({}, { sources }));
  assert.match(en, /<li data-part="probe"><b>probe<\/b>: could not run — The site does not answer: connection refused<\/li>/);
  assert.match(en, /<li data-part="host"><b>host<\/b>: not run — no host facts<\/li>/);
  assert.match(formatHtml(sampleReport({ lang: 'ja' }, { sources })), /<li data-part="probe"><b>probe<\/b>: 実行できず — /);
});
