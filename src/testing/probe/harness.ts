/**
 * Test helpers for probe rules: build facts by hand (or take gathered ones) and run rules over
 * them exactly as `honban probe` does (the same pipeline: evaluate → post chain → report).
 */
import assert from 'node:assert/strict';
import type { HonbanConfig } from '../../contracts/config.js';
import type { FactStore } from '../../contracts/collector.js';
import { runPipeline } from '../../engine/pipeline.js';
import type { Finding, Rule } from '../../contracts/types.js';
import type { CertificateInfo, ProbeCookie, ProbeForm, ProbeLatency, ProbeLoad, ProbeRedirect, ProbeResponse, ProbeTarget, ProbeTls, TlsVersion } from '../../facts/probe.js';

const ENV = 'production';
export const URL0 = 'https://app.example.test/';
export const GATHERED = '2026-06-01T00:00:00.000Z';

export function target(over: Partial<ProbeTarget> = {}): ProbeTarget {
  const url = over.url ?? URL0;
  const u = new URL(url);
  return {
    file: url,
    environment: ENV,
    url,
    scheme: u.protocol === 'https:' ? 'https' : 'http',
    host: u.hostname,
    port: u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80,
    gatheredAt: GATHERED,
    addresses: ['192.0.2.10'],
    insecure: false,
    timeoutMs: 10000,
    sentHeaders: [],
    sentCookies: [],
    toolVersion: 'test',
    ...over,
  };
}

/** A response; header values may be given as strings. */
export function response(over: Omit<Partial<ProbeResponse>, 'headers'> & { headers?: Record<string, string | string[]> } = {}): ProbeResponse {
  const url = over.url ?? URL0;
  const headers: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(over.headers ?? {})) headers[k.toLowerCase()] = Array.isArray(v) ? v : [v];
  const { headers: _h, ...rest } = over;
  return { file: url, environment: ENV, role: 'main', hop: 0, url, method: 'GET', status: 200, timeMs: 12, contentType: 'text/html; charset=utf-8', ...rest, headers };
}

export function cert(over: Partial<CertificateInfo> = {}): CertificateInfo {
  return {
    subject: 'CN=app.example.test',
    issuer: 'CN=Example CA',
    subjectAltNames: ['DNS:app.example.test'],
    validFrom: '2026-03-01T00:00:00.000Z',
    validTo: '2026-12-01T00:00:00.000Z',
    serialNumber: '01',
    fingerprint256: 'AA:BB',
    keyType: 'ec',
    keyBits: 256,
    curve: 'prime256v1',
    signatureAlgorithm: 'ecdsa-with-SHA256',
    signatureOid: '1.2.840.10045.4.3.2',
    selfSigned: false,
    ca: false,
    ...over,
  };
}

export function tlsFact(over: Partial<ProbeTls> & { accepted?: TlsVersion[] } = {}): ProbeTls {
  const accepted = over.accepted ?? ['TLSv1.2', 'TLSv1.3'];
  const { accepted: _a, ...rest } = over;
  const protocols = Object.fromEntries((['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as TlsVersion[]).map((v) => [v, accepted.includes(v) ? { accepted: true, cipher: 'TLS_AES_128_GCM_SHA256' } : { accepted: false, errorCode: 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION' }])) as ProbeTls['protocols'];
  return {
    file: URL0,
    environment: ENV,
    host: 'app.example.test',
    port: 443,
    servername: 'app.example.test',
    protocols,
    negotiated: { protocol: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256' },
    trusted: true,
    hostnameMatches: true,
    chain: [cert(), cert({ subject: 'CN=Example CA', issuer: 'CN=Example Root', ca: true })],
    ...rest,
  };
}

export function redirect(hops: ProbeRedirect['hops'], httpUrl = 'http://app.example.test/'): ProbeRedirect {
  return { file: httpUrl, environment: ENV, httpUrl, hops };
}

export function cookie(over: Partial<ProbeCookie> & { name: string }): ProbeCookie {
  const url = over.url ?? URL0;
  return { file: url, environment: ENV, url, role: 'main', valueLength: 32, secure: true, httpOnly: true, sameSite: 'Lax', path: '/', expired: false, overHttps: url.startsWith('https:'), ...over };
}

export function form(over: Partial<ProbeForm> = {}): ProbeForm {
  const url = over.url ?? `${URL0}login`;
  return { file: url, environment: ENV, url, role: 'login', index: 0, action: '/login', actionUrl: `${URL0}login`, method: 'post', inputs: [{ name: 'username', type: 'text', valueLength: 0 }, { name: 'password', type: 'password', valueLength: 0 }], csrfMeta: [], ...over };
}

export function latency(samplesMs: number[], url = URL0): ProbeLatency {
  return { file: url, environment: ENV, samplesMs, statuses: samplesMs.map(() => 200), errors: [] };
}

export function load(over: Partial<ProbeLoad> = {}): ProbeLoad {
  return { file: URL0, environment: ENV, requested: 100, concurrency: 10, completed: 100, errors: 0, timeouts: 0, non2xx: 0, statusCodes: { '200': 100 }, latencyMs: { p50: 5, p90: 9, p99: 20, max: 30, mean: 6 }, durationMs: 900, requestsPerSecond: 111, stoppedByCap: false, ...over };
}

export type Store = Partial<{ probeTarget: ProbeTarget[]; probeTls: ProbeTls[]; probeRedirect: ProbeRedirect[]; probeResponse: ProbeResponse[]; probeCookie: ProbeCookie[]; probeForm: ProbeForm[]; probeLatency: ProbeLatency[]; probeLoad: ProbeLoad[] }>;

export interface RunOptions {
  config?: HonbanConfig;
  environment?: string;
}

/** Runs rules over facts; missing fact lists are empty. Returns open findings. */
export async function runProbe(rules: Rule<any> | Rule<any>[], store: Store, opts: RunOptions = {}): Promise<Finding[]> {
  const list = Array.isArray(rules) ? rules : [rules];
  const facts: FactStore = { probeTarget: [target()], ...store } as FactStore;
  const severities: Record<string, 'critical' | 'high' | 'medium' | 'low' | 'info'> = {};
  const options: Record<string, Record<string, unknown>> = {};
  for (const [id, s] of Object.entries(opts.config?.rules ?? {})) {
    if (typeof s === 'object' && s.options) options[id] = s.options;
    if (typeof s === 'string' && s !== 'off') severities[id] = s;
  }
  const { report } = await runPipeline({
    command: 'probe',
    target: [URL0],
    environment: opts.environment ?? ENV,
    lang: 'en',
    failOn: 'high',
    config: opts.config ?? {},
    rules: list,
    severities,
    options,
    facts,
    scanned: 1,
    now: new Date(GATHERED),
  });
  assert.deepEqual(report.errors, [], `rule errors: ${JSON.stringify(report.errors)}`);
  return report.findings.filter((f) => f.status === 'open');
}

/** Asserts the rule reports exactly these `url severity` pairs (in report order). */
export async function expectFindings(rule: Rule<any>, store: Store, expected: string[], opts: RunOptions = {}): Promise<Finding[]> {
  const findings = await runProbe(rule, store, opts);
  const got = findings.filter((f) => f.ruleId === rule.id).map((f) => `${f.file} ${f.severity}`);
  assert.deepEqual(got, expected, `findings of ${rule.id}: ${JSON.stringify(findings.map((f) => `${f.file} ${f.severity} ${f.message}`), null, 1)}`);
  return findings;
}
