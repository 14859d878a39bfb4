/**
 * Helpers shared by the probe rules (not a rule): picking responses, reading headers, classifying
 * cookies and debug pages, CSP evaluation. Pure functions over facts.
 */
import type { ProbeCookie, ProbeResponse, ProbeTarget, ProbeTls } from '../../facts/probe.js';

export const REF_OWASP_HEADERS = 'https://owasp.org/www-project-secure-headers/';

export function targetOf(facts: { probeTarget: ProbeTarget[] }): ProbeTarget | undefined {
  return facts.probeTarget[0];
}

/** First value of a response header (names are lower-case in facts). */
export function hdr(r: ProbeResponse | undefined, name: string): string | undefined {
  return r?.headers?.[name.toLowerCase()]?.[0];
}

export function hdrAll(r: ProbeResponse | undefined, name: string): string[] {
  return r?.headers?.[name.toLowerCase()] ?? [];
}

/** The responses of a role, in hop order. */
export function byRole(responses: readonly ProbeResponse[], role: ProbeResponse['role']): ProbeResponse[] {
  return responses.filter((r) => r.role === role).sort((a, b) => a.hop - b.hop);
}

/** The page the URL leads to: the last answered hop of the main chain. */
export function mainPage(responses: readonly ProbeResponse[]): ProbeResponse | undefined {
  const chain = byRole(responses, 'main').filter((r) => r.status !== undefined);
  return chain[chain.length - 1];
}

/** The final answered response of a role's chain (login, health). */
export function finalOf(responses: readonly ProbeResponse[], role: ProbeResponse['role']): ProbeResponse | undefined {
  const chain = byRole(responses, role);
  return chain[chain.length - 1];
}

export function isHtml(r: ProbeResponse): boolean {
  const ct = r.contentType ?? hdr(r, 'content-type');
  return ct === undefined ? /<html|<!doctype html/i.test(r.body ?? '') : /html/i.test(ct);
}

export function isHttps(url: string): boolean {
  return url.startsWith('https:');
}

/** Connection-level failures: nothing to say about TLS or HTTP when these happen. */
export const CONNECT_ERRORS = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'EADDRNOTAVAIL']);

/** Errors a certificate problem causes (reported by the tls/* rules, not as unreachable). */
export const CERT_ERROR = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|KEY_TOO_SMALL|MD_TOO_WEAK|ALTNAME/;

/** The TLS handshake itself failed on an open port (the tls/unavailable case). */
export function tlsBroken(tls: ProbeTls | undefined): boolean {
  if (!tls) return false;
  const anyAccepted = Object.values(tls.protocols).some((p) => p.accepted);
  return !anyAccepted && !tls.negotiated && !CONNECT_ERRORS.has(tls.handshakeErrorCode ?? '');
}

/** The chain failed verification only because of a weak key or signature (OpenSSL's security level). */
export function refusedAsWeak(tls: ProbeTls): boolean {
  return !tls.trusted && (tls.trustError === 'UNSPECIFIED' || /TOO_WEAK|TOO_SMALL/.test(tls.trustError ?? ''));
}

/** The TLS fact says HTTPS requests would be refused (untrusted chain or wrong name). */
export function certificateRefused(tls: ProbeTls | undefined): boolean {
  return !!tls && tls.chain.length > 0 && (!tls.trusted || !tls.hostnameMatches);
}

/** Session-like cookie names: the ones that must be Secure and HttpOnly. */
export function isSessionCookie(name: string): boolean {
  const n = name.toLowerCase();
  if (/csrf|xsrf/.test(n)) return false; // read by JavaScript on purpose (double-submit tokens)
  return /(^|[_.\-])(sess(ion)?(id)?|sid|ssid|auth|token|jwt|remember(_?me)?|login|logged_?in|user_?id|access|refresh)([_.\-]|$)/.test(n) || /^(sessionid|session|connect\.sid|jsessionid|phpsessid|laravel_session|rack\.session|asp\.net_sessionid|\.aspnetcore\.(session|cookies))$/.test(n) || /_session$/.test(n) || /session/.test(n);
}

/** Each cookie name once (first response that set it, skipping deletions). */
export function liveCookies(cookies: readonly ProbeCookie[]): ProbeCookie[] {
  const seen = new Set<string>();
  const out: ProbeCookie[] = [];
  for (const c of cookies) {
    if (c.expired) continue;
    const k = `${c.name}\0${c.domain ?? ''}\0${c.path ?? ''}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(c);
  }
  return out;
}

/** Whole days from `from` to `to` (negative when `to` is past). */
export function daysBetween(from: string, to: string): number {
  return Math.floor((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export function ms(v: number): string {
  return v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`;
}

/** The numeric option `name` of a rule, or `fallback`. */
export function numOption(options: Record<string, unknown>, name: string, fallback: number): number {
  const v = options[name];
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback;
}

// ---------------------------------------------------------------------------------------------
// Debug pages

export type DebugKind = 'werkzeug' | 'django' | 'rails' | 'stack';

export interface DebugMatch {
  kind: DebugKind;
  /** What was recognised (a short, fixed description; never page content beyond a marker). */
  what: string;
  evidence: string;
}

const WERKZEUG: [RegExp, string][] = [
  [/The debugger caught an exception in your WSGI application/, 'Werkzeug debugger traceback page'],
  [/<title>[^<]*Werkzeug Debugger<\/title>/i, 'Werkzeug debugger page'],
  [/<h1>Interactive Console<\/h1>[\s\S]*?(Werkzeug|__debugger__)/, 'Werkzeug interactive console'],
  [/\?__debugger__=yes&(amp;)?cmd=resource/, 'Werkzeug debugger resources'],
];
const DJANGO: [RegExp, string][] = [
  [/because you have <code>DEBUG = True<\/code> in your Django settings file/, 'Django technical page (DEBUG = True)'],
  [/Using the URLconf defined in <code>/, 'Django technical 404 page'],
  [/<th[^>]*>Django Version:<\/th>/, 'Django technical 500 page'],
];
const RAILS: [RegExp, string][] = [
  [/<title>Action Controller: Exception caught<\/title>/, 'Rails development error page'],
  [/Routes match in priority from top to bottom/, 'Rails routing error page with the route table'],
  [/Rails\.root: /, 'Rails development error page'],
  [/<td class="name">Rails version<\/td>/, 'Rails /rails/info/properties page'],
];
const STACKS: [RegExp, string][] = [
  // `    at fn (/srv/app/x.js:1:2)` — as text, or as Express's HTML (<br> &nbsp; &nbsp;at …).
  [/(?:^|<br\s*\/?>)(?:\s|&nbsp;)*at [^<\n]*\((?:\/|[A-Za-z]:\\|node:|file:)[^)<\n]*:\d+:\d+\)/m, 'Node.js stack trace'],
  [/(?:^|<br\s*\/?>)(?:\s|&nbsp;)*at (?:\/|[A-Za-z]:\\)[^<\n]*\.(?:c|m)?js:\d+:\d+\s*$/m, 'Node.js stack trace'],
  [/Traceback \(most recent call last\):/, 'Python traceback'],
  [/^\s+at (?:java|javax|org\.springframework|org\.apache)\.[\w.$]+\([\w.]+\.java:\d+\)/m, 'Java stack trace'],
  [/(?:Fatal error|Parse error|Warning)<\/b>?:[^\n]* in <b>?\/[^\n]*<\/b> on line <b>\d+/, 'PHP error with file path'],
  [/^Stack trace:\s*\n#0 \//m, 'PHP stack trace'],
  [/\.rb:\d+:in [`'][^`'\n]+'/, 'Ruby backtrace'],
  [/Server Error in '\/[^']*' Application\./, 'ASP.NET error page'],
  [/^goroutine \d+ \[running\]:/m, 'Go panic trace'],
  [/Whoops, looks like something went wrong|class="exception_title"|ignition-/, 'Laravel / Symfony debug page'],
];

function firstMatch(body: string, table: [RegExp, string][]): { what: string; evidence: string } | undefined {
  for (const [re, what] of table) {
    const m = re.exec(body);
    if (m) return { what, evidence: m[0].trim().slice(0, 120) };
  }
  return undefined;
}

/** What debug page (if any) this response is. The most specific kind wins. */
export function debugPage(r: ProbeResponse): DebugMatch | undefined {
  const body = r.body;
  if (!body || r.status === undefined) return undefined;
  const w = firstMatch(body, WERKZEUG);
  if (w) return { kind: 'werkzeug', ...w };
  // The resource endpoint serves the debugger's JavaScript only when the debugger is on.
  if (r.role === 'werkzeug-resource' && r.status === 200 && /javascript/i.test(r.contentType ?? '') && /__debugger__|EVALEX|CONSOLE_MODE/.test(body)) {
    return { kind: 'werkzeug', what: 'Werkzeug debugger resources served', evidence: '?__debugger__=yes&cmd=resource → 200' };
  }
  const d = firstMatch(body, DJANGO);
  if (d) return { kind: 'django', ...d };
  const ra = firstMatch(body, RAILS);
  if (ra) return { kind: 'rails', ...ra };
  const s = firstMatch(body, STACKS);
  if (s) return { kind: 'stack', ...s };
  return undefined;
}

const ROLE_ORDER: ProbeResponse['role'][] = ['main', 'not-found', 'malformed', 'login', 'health', 'werkzeug-console', 'werkzeug-resource', 'rails-info', 'cors-foreign', 'cors-null'];

/**
 * Responses that are debug pages of `kind`: one per kind of page (every 404 of a DEBUG site shows
 * the same technical page — one finding says it), found first by the most telling request.
 */
export function debugResponses(responses: readonly ProbeResponse[], kind: DebugKind): { r: ProbeResponse; m: DebugMatch }[] {
  const out: { r: ProbeResponse; m: DebugMatch }[] = [];
  const seen = new Set<string>();
  const ordered = [...responses].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.hop - b.hop);
  for (const r of ordered) {
    const m = debugPage(r);
    if (!m || m.kind !== kind || seen.has(m.what)) continue;
    seen.add(m.what);
    out.push({ r, m });
  }
  return out;
}

/** Which request found it, for messages. */
export function roleText(role: ProbeResponse['role']): { en: string; ja: string } {
  switch (role) {
    case 'main':
      return { en: 'the page itself', ja: 'ページそのもの' };
    case 'not-found':
      return { en: 'a path that does not exist', ja: '存在しないパス' };
    case 'malformed':
      return { en: 'a request with broken URL encoding', ja: '不正な URL エンコードのリクエスト' };
    case 'werkzeug-console':
      return { en: '/console', ja: '/console' };
    case 'werkzeug-resource':
      return { en: 'the debugger resource URL', ja: 'デバッガのリソース URL' };
    case 'rails-info':
      return { en: '/rails/info/properties', ja: '/rails/info/properties' };
    case 'login':
      return { en: 'the login page', ja: 'ログインページ' };
    case 'health':
      return { en: 'the health endpoint', ja: 'ヘルスチェック' };
    default:
      return { en: 'a CORS request', ja: 'CORS リクエスト' };
  }
}

// ---------------------------------------------------------------------------------------------
// CSP (csp_evaluator, loaded lazily)

export interface CspIssue {
  type: number;
  directive: string;
  value?: string;
  /** csp_evaluator's severity (10 high … 60 info). */
  severity: number;
  description: string;
}

export interface CspPolicy {
  policy: string;
  issues: CspIssue[];
}

const cspCache = new WeakMap<ProbeResponse, Promise<CspPolicy[]>>();

/** Every enforced CSP header of the response, evaluated by csp_evaluator (CSP3). */
export function evaluateCsp(r: ProbeResponse): Promise<CspPolicy[]> {
  let p = cspCache.get(r);
  if (!p) {
    p = (async () => {
      const policies = hdrAll(r, 'content-security-policy').filter((v) => v.trim());
      if (!policies.length) return [];
      const [{ CspEvaluator }, { CspParser }] = await Promise.all([import('csp_evaluator/dist/evaluator.js'), import('csp_evaluator/dist/parser.js')]);
      return policies.map((policy) => {
        const parsed = new CspParser(policy).csp;
        const issues = new CspEvaluator(parsed).evaluate().map((f) => ({ type: f.type, directive: f.directive, ...(f.value !== undefined ? { value: f.value } : {}), severity: f.severity, description: f.description }));
        return { policy, issues };
      });
    })();
    cspCache.set(r, p);
  }
  return p;
}

/** csp_evaluator's finding types (finding.ts `Type`). */
export const CSP = {
  MISSING_SEMICOLON: 100,
  UNKNOWN_DIRECTIVE: 101,
  INVALID_KEYWORD: 102,
  NONCE_CHARSET: 106,
  MISSING_DIRECTIVES: 300,
  SCRIPT_UNSAFE_INLINE: 301,
  SCRIPT_UNSAFE_EVAL: 302,
  PLAIN_URL_SCHEMES: 303,
  PLAIN_WILDCARD: 304,
  SCRIPT_ALLOWLIST_BYPASS: 305,
  OBJECT_ALLOWLIST_BYPASS: 306,
  NONCE_LENGTH: 307,
  IP_SOURCE: 308,
  DEPRECATED_DIRECTIVE: 309,
  SRC_HTTP: 310,
  WILDCARD_URL: 313,
} as const;
/** csp_evaluator's severities. */
export const CSP_SEVERITY = { HIGH: 10, SYNTAX: 20, MEDIUM: 30, HIGH_MAYBE: 40, MEDIUM_MAYBE: 50, INFO: 60 } as const;

/** The page whose headers are judged: the main page over https (headers on http mean nothing). */
export function judgedPage(responses: readonly ProbeResponse[]): ProbeResponse | undefined {
  const p = mainPage(responses);
  return p && isHttps(p.url) ? p : undefined;
}

/** Runs csp_evaluator on the judged page and reports each issue `pick` selects, once per (policy, directive, value). */
export async function reportCsp(
  responses: readonly ProbeResponse[],
  report: (input: { file: string; message: { en: string; ja: string }; evidence?: string; severity?: 'critical' | 'high' | 'medium' | 'low' | 'info' }) => void,
  pick: (i: CspIssue) => boolean,
  message: (i: CspIssue) => { en: string; ja: string; severity?: 'critical' | 'high' | 'medium' | 'low' | 'info' } | undefined,
): Promise<void> {
  const p = judgedPage(responses) ?? mainPage(responses);
  if (!p) return;
  const seen = new Set<string>();
  for (const { policy, issues } of await evaluateCsp(p)) {
    for (const i of issues.filter(pick)) {
      const key = `${i.type}\0${i.directive}\0${i.value ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const m = message(i);
      if (!m) continue;
      report({ file: p.url, message: { en: m.en, ja: m.ja }, ...(m.severity ? { severity: m.severity } : {}), evidence: `Content-Security-Policy: ${policy}`.slice(0, 200) });
    }
  }
}
