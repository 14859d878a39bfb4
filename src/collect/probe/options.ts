/**
 * Options of `honban probe` (CLI flags, honban.yml `probe:` defaults, library callers), validated
 * once: a bad value is a UserError (exit 2) with one clear line.
 */
import { linearRegExpProblem } from '../../lib/linear-regex.js';
import { readTextFileSync, readUserFileSync } from '../../lib/read.js';
import net from 'node:net';
import tls from 'node:tls';
import { UserError } from '../../contracts/errors.js';
import { L } from '../../lib/i18n.js';

/** Hard caps of the load test (never more, whatever is asked). */
export const MAX_LOAD_REQUESTS = 10_000;
export const MAX_LOAD_SECONDS = 60;
export const MAX_CONCURRENCY = 1_000;
export const DEFAULT_TIMEOUT_MS = 10_000;
export const MAX_TIMEOUT_MS = 120_000;

export interface ProbeOptions {
  url: string;
  /** Plain-HTTP URL to test the redirect from (default: the same host on port 80). */
  httpUrl?: string;
  /** PEM file of extra trusted CAs. */
  caFile?: string;
  insecure?: boolean;
  /** `Name: value` headers sent with every request. */
  headers?: string[];
  /** `name=value` cookies sent with every request. */
  cookies?: string[];
  loginPath?: string;
  healthPath?: string;
  /** Regular expression the Server header must match. */
  expectServer?: string;
  timeoutMs?: number;
  /** Load test: number of requests (≤ 10,000). */
  load?: number;
  concurrency?: number;
  /** Number of sequential requests for the latency sample (default 5). */
  latencySamples?: number;
}

export interface ResolvedOptions {
  url: URL;
  httpUrl?: URL;
  /** Trusted roots: Node's bundled roots, NODE_EXTRA_CA_CERTS, the OS bundle and --ca. */
  ca: string[];
  caFile?: string;
  insecure: boolean;
  /** Lower-case header name → value. */
  headers: Record<string, string>;
  headerNames: string[];
  cookieNames: string[];
  /** Values that must never be printed (header values, cookie values). */
  secrets: string[];
  loginPath?: string;
  healthPath?: string;
  expectServer?: string;
  timeoutMs: number;
  load?: { requests: number; concurrency: number };
  latencySamples: number;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const OS_BUNDLES = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/ssl/cert.pem'];

export function parseUrl(value: string, what: string): URL {
  let u: URL;
  try {
    u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`);
  } catch {
    throw new UserError(L(`${what} is not a valid URL: "${value}"`, `${what} が正しい URL ではありません: "${value}"`));
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new UserError(L(`${what} must be an http:// or https:// URL, not "${u.protocol}"`, `${what} は http:// か https:// の URL にしてください ("${u.protocol}" ではなく)`));
  if (!u.hostname) throw new UserError(L(`${what} has no host: "${value}"`, `${what} にホスト名がありません: "${value}"`));
  if (u.username || u.password) throw new UserError(L(`${what} must not carry credentials; use --header 'Authorization: …' instead`, `${what} に認証情報を含めないでください。代わりに --header 'Authorization: …' を使います`));
  return u;
}

/** The PEM certificate blocks of a file, found with indexOf (a lazy regex is quadratic on 1 MiB of BEGIN lines). */
function pemCertificates(text: string): string[] {
  const BEGIN = '-----BEGIN CERTIFICATE-----';
  const END = '-----END CERTIFICATE-----';
  const out: string[] = [];
  let at = text.indexOf(BEGIN);
  while (at >= 0) {
    const end = text.indexOf(END, at + BEGIN.length);
    if (end < 0) break;
    // A BEGIN inside the block (a truncated certificate) restarts the block there.
    const inner = text.lastIndexOf(BEGIN, end);
    out.push(text.slice(inner, end + END.length));
    at = text.indexOf(BEGIN, end + END.length);
  }
  return out;
}

/** Largest --ca (or system) bundle read: the full Mozilla bundle is about 220 KiB. */
const MAX_CA_BYTES = 4 * 1024 * 1024;

/** Trusted roots for verification: Node's bundled Mozilla roots, the OS bundle, NODE_EXTRA_CA_CERTS and --ca. */
export function trustedRoots(caFile?: string): string[] {
  const roots = [...tls.rootCertificates];
  for (const f of [...OS_BUNDLES.slice(0, 1), process.env.NODE_EXTRA_CA_CERTS]) {
    if (!f) continue;
    const r = readTextFileSync(f, { maxBytes: MAX_CA_BYTES });
    if (r.ok) roots.push(...pemCertificates(r.text)); // absent or unreadable: Node's roots only
  }
  if (caFile) {
    const text = readUserFileSync(caFile, `--ca ${caFile}`, { maxBytes: MAX_CA_BYTES });
    const certs = pemCertificates(text);
    if (!certs.length) throw new UserError(L(`--ca ${caFile} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`, `--ca ${caFile} に PEM 形式の証明書 (-----BEGIN CERTIFICATE-----) がありません`));
    roots.push(...certs);
  }
  // The OS bundle repeats Node's roots in another layout: keep each certificate once.
  const seen = new Set<string>();
  return roots.filter((pem) => {
    const key = pem.replace(/-----[A-Z ]+-----|\s+/g, '');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function path(value: string | undefined, what: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^[a-z]+:\/\//i.test(value)) throw new UserError(L(`${what} must be a path on the probed site (e.g. /login), not a URL`, `${what} は URL ではなく、検査するサイト上のパス (例: /login) にしてください`));
  return value.startsWith('/') ? value : `/${value}`;
}

function intIn(value: number | undefined, what: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < min || value > max) throw new UserError(L(`${what} must be an integer from ${min} to ${max}, not "${value}"`, `${what} は ${min} から ${max} までの整数にしてください ("${value}" ではなく)`));
  return value;
}

/** Parses a CLI integer ("100", "1e3" refused). */
export function parseIntOption(value: string | undefined, what: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UserError(L(`${what} must be a whole number, not "${value}"`, `${what} は整数にしてください ("${value}" ではなく)`));
  return Number(value.trim());
}

export function resolveOptions(o: ProbeOptions): ResolvedOptions {
  const url = parseUrl(o.url, 'the URL');
  let httpUrl: URL | undefined;
  if (o.httpUrl) {
    httpUrl = parseUrl(o.httpUrl, '--http-url');
    if (httpUrl.protocol !== 'http:') throw new UserError(L(`--http-url must be an http:// URL, not "${o.httpUrl}"`, `--http-url は http:// の URL にしてください ("${o.httpUrl}" ではなく)`));
  } else if (url.protocol === 'https:') {
    httpUrl = new URL(url.href);
    httpUrl.protocol = 'http:';
    httpUrl.port = '';
  }
  const headers: Record<string, string> = {};
  const headerNames: string[] = [];
  const secrets: string[] = [];
  for (const h of o.headers ?? []) {
    const i = h.indexOf(':');
    const name = i < 0 ? '' : h.slice(0, i).trim();
    const value = i < 0 ? '' : h.slice(i + 1).trim();
    if (!name || !TOKEN.test(name)) throw new UserError(L(`--header must look like 'Name: value', not "${h.slice(0, Math.max(0, i)) || '…'}…"`, `--header は 'Name: value' の形で指定してください ("${h.slice(0, Math.max(0, i)) || '…'}…" ではなく)`));
    if (/[\r\n]/.test(value)) throw new UserError(L(`--header ${name}: the value must be on one line`, `--header ${name}: 値は 1 行で指定してください`));
    const lower = name.toLowerCase();
    if (['host', 'content-length', 'transfer-encoding', 'connection'].includes(lower)) throw new UserError(L(`--header ${name} cannot be set`, `--header ${name} は指定できません`));
    headers[lower] = headers[lower] ? `${headers[lower]}, ${value}` : value;
    headerNames.push(name);
    secrets.push(value, ...value.split(/\s+/).filter((w) => w.length >= 4));
  }
  const cookieNames: string[] = [];
  const cookiePairs: string[] = [];
  for (const c of o.cookies ?? []) {
    for (const pair of c.split(';')) {
      const p = pair.trim();
      if (!p) continue;
      const i = p.indexOf('=');
      const name = i < 0 ? '' : p.slice(0, i).trim();
      if (!name || !TOKEN.test(name)) throw new UserError(L(`--cookie must look like 'name=value'`, `--cookie は 'name=value' の形で指定してください`));
      cookieNames.push(name);
      secrets.push(p.slice(i + 1).trim());
      cookiePairs.push(`${name}=${p.slice(i + 1).trim()}`);
    }
  }
  if (cookiePairs.length) headers.cookie = [headers.cookie, ...cookiePairs].filter(Boolean).join('; ');
  if (o.expectServer !== undefined) {
    const problem = linearRegExpProblem(o.expectServer);
    if (problem) throw new UserError(L(`--expect-server is not a pattern honban can run: ${problem}`, `--expect-server は honban が実行できるパターンではありません: ${problem}`));
  }
  const timeoutMs = intIn(o.timeoutMs, '--timeout', 100, MAX_TIMEOUT_MS) ?? DEFAULT_TIMEOUT_MS;
  let load: ResolvedOptions['load'];
  if (o.load !== undefined) {
    const requests = intIn(o.load, '--load', 1, MAX_LOAD_REQUESTS)!;
    const concurrency = intIn(o.concurrency, '--concurrency', 1, Math.min(MAX_CONCURRENCY, requests)) ?? Math.min(10, requests);
    load = { requests, concurrency };
  } else if (o.concurrency !== undefined) throw new UserError(L('--concurrency needs --load N', '--concurrency には --load N が必要です'));
  if (o.insecure && o.caFile) {
    // Both are allowed: --ca still decides which findings are reported, --insecure only lets the checks go on.
  }
  return {
    url,
    ...(httpUrl ? { httpUrl } : {}),
    ca: trustedRoots(o.caFile),
    ...(o.caFile ? { caFile: o.caFile } : {}),
    insecure: o.insecure ?? false,
    headers,
    headerNames,
    cookieNames,
    secrets: secrets.filter(Boolean),
    ...(path(o.loginPath, '--login-path') ? { loginPath: path(o.loginPath, '--login-path') } : {}),
    ...(path(o.healthPath, '--health-path') ? { healthPath: path(o.healthPath, '--health-path') } : {}),
    ...(o.expectServer !== undefined ? { expectServer: o.expectServer } : {}),
    timeoutMs,
    ...(load ? { load } : {}),
    latencySamples: intIn(o.latencySamples, 'latency samples', 1, 50) ?? 5,
  };
}

/** Host without IPv6 brackets. */
export function hostOf(u: URL): string {
  return u.hostname.replace(/^\[|\]$/g, '');
}

export function portOf(u: URL): number {
  return u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80;
}

export function isIp(host: string): boolean {
  return net.isIP(host) !== 0;
}
