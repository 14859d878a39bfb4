/**
 * Accessors over probe facts shared by the probe rules: picking responses, reading headers, TLS
 * and cookie classification, the CSP of a response.
 */
import { evaluatePolicies, type CspPolicy } from '../lib/csp.js';
import type { ProbeCookie, ProbeResponse, ProbeTarget, ProbeTls } from './probe.js';

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

const cspCache = new WeakMap<ProbeResponse, Promise<CspPolicy[]>>();

/** Every enforced CSP header of the response, evaluated by csp_evaluator (CSP3). */
export function evaluateCsp(r: ProbeResponse): Promise<CspPolicy[]> {
  let p = cspCache.get(r);
  if (!p) {
    p = evaluatePolicies(hdrAll(r, 'content-security-policy').filter((v) => v.trim()));
    cspCache.set(r, p);
  }
  return p;
}

/** The page whose headers are judged: the main page over https (headers on http mean nothing). */
export function judgedPage(responses: readonly ProbeResponse[]): ProbeResponse | undefined {
  const p = mainPage(responses);
  return p && isHttps(p.url) ? p : undefined;
}
