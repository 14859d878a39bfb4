/** Test helpers for host/* rules: judge hand-made host facts exactly as `honban host --facts` would. */
import assert from 'node:assert/strict';
import type { HonbanConfig } from '../contracts/config.js';
import type { Finding, Rule } from '../contracts/types.js';
import type { HostFactName } from '../facts/host.js';
import { judgeHostFacts } from '../commands/host/index.js';
import { HOST_FACTS_FORMAT, HOST_FACTS_VERSION, type HostRecord } from '../commands/host/record.js';

export const GATHERED = '2026-06-01T00:00:00.000Z';

/** A record holding `facts` (hostInfo added), nothing unavailable. */
export function record(facts: Partial<Record<HostFactName, object[]>>, unavailable: HostRecord['unavailable'] = {}): HostRecord {
  const withEnv = Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, v.map((f) => ({ environment: 'production', ...f }))]));
  return {
    format: HOST_FACTS_FORMAT,
    version: HOST_FACTS_VERSION,
    tool: { name: 'honban', version: 'test' },
    mode: 'root',
    root: '/srv/image',
    gatheredAt: GATHERED,
    environment: 'production',
    facts: { hostInfo: [{ file: 'host', environment: 'production', mode: 'root', root: '/srv/image', gatheredAt: GATHERED }], ...withEnv } as HostRecord['facts'],
    unavailable,
    deployed: { files: [], rules: [], findings: [], errors: [] },
    commands: [],
    skipped: [],
    errors: [],
    timing: { gatherMs: 1 },
  };
}

export async function judge(rule: Rule<any>, facts: Partial<Record<HostFactName, object[]>>, config: HonbanConfig = {}): Promise<Finding[]> {
  const { report, notChecked } = await judgeHostFacts(record(facts), { rules: [rule], config, now: new Date(GATHERED) });
  assert.deepEqual(report.errors, [], `errors: ${JSON.stringify(report.errors)}`);
  assert.deepEqual(notChecked, [], `${rule.id} was not checked: ${JSON.stringify(notChecked)}`);
  return report.findings.filter((f) => f.status === 'open');
}

/** Asserts the rule reports exactly these `file:line` places (line `-` when none). */
export async function expectHostLines(rule: Rule<any>, facts: Partial<Record<HostFactName, object[]>>, expected: string[], config: HonbanConfig = {}): Promise<Finding[]> {
  const findings = await judge(rule, facts, config);
  assert.deepEqual(findings.map((f) => `${f.file}:${f.line ?? '-'}`), expected, JSON.stringify(findings.map((f) => `${f.file}:${f.line} ${f.message}`), null, 1));
  for (const f of findings) assert.equal(f.ruleId, rule.id);
  return findings;
}

/** A minimal application fact. */
export function app(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    file: 'etc/systemd/system/app.service',
    unit: 'app.service',
    configured: false,
    server: 'gunicorn',
    execLine: 9,
    user: 'app',
    group: 'app',
    serviceLine: 5,
    wantedBy: ['multi-user.target'],
    installLine: 14,
    enabledBy: ['etc/systemd/system/multi-user.target.wants/app.service'],
    environmentFiles: [],
    dirs: [],
    binds: [{ host: '127.0.0.1', port: 8000, file: 'etc/systemd/system/app.service', line: 9 }],
    ...over,
  };
}

export const SETTINGS_FILE = 'honban.yml';

/** A cron line (or timer) with purposes. */
export function cron(purposes: string[], over: Record<string, unknown> = {}): Record<string, unknown> {
  return { file: 'etc/cron.d/app', line: 2, kind: 'cron', when: '0 3 * * *', program: 'x', purposes, enabled: true, ...over };
}
