/**
 * Content-Security-Policy as configured in Python code (Flask-Talisman's `content_security_policy`
 * dict or string), with the position of every source, and a matcher for whether a policy lets a
 * page load a given URL (CSP Level 3 source matching, simplified to what templates use).
 */
import type { PyCall, PyValue } from './types.js';
import { deref } from './query.js';

export interface CspSource {
  value: string;
  line: number;
  column: number;
}

export interface CspPolicy {
  /** directive (lower-case) → its sources. */
  directives: Map<string, CspSource[]>;
  /** Some directives could not be read (not literals): absent ones may exist. */
  open: boolean;
  /** Talisman's built-in policy (no content_security_policy argument). */
  isDefault: boolean;
  /** Directives Talisman adds a nonce to (`content_security_policy_nonce_in`). */
  nonceIn: string[];
  reportOnly: boolean;
  line: number;
  column: number;
}

/** flask-talisman's policy when `content_security_policy` is not given. */
const TALISMAN_DEFAULT: Record<string, string> = { 'default-src': "'self'", 'object-src': "'none'" };

function splitSources(s: string, line: number, column: number): CspSource[] {
  return s.split(/\s+/).filter(Boolean).map((value) => ({ value, line, column }));
}

function sourcesOf(v: PyValue | undefined): CspSource[] | undefined {
  const d = deref(v);
  if (!d) return undefined;
  if (d.kind === 'str') return splitSources(d.value, d.line, d.column);
  if (d.kind === 'list') {
    const out: CspSource[] = [];
    for (const it of d.items) {
      const s = sourcesOf(it);
      if (!s) return undefined;
      out.push(...s);
    }
    return out;
  }
  if (typeof d.resolved === 'string') return splitSources(d.resolved, d.line, d.column);
  return undefined;
}

/**
 * The policy a Talisman call installs: `disabled` when it passes None / False / an empty policy,
 * undefined when the argument is not readable (built at runtime).
 */
export function talismanPolicy(call: PyCall): CspPolicy | 'disabled' | undefined {
  const arg = call.kwargs.content_security_policy;
  const nonce = deref(call.kwargs.content_security_policy_nonce_in);
  const nonceIn = nonce?.kind === 'list' ? nonce.items.map((i) => (typeof i.resolved === 'string' ? i.resolved.toLowerCase() : '')).filter(Boolean) : typeof nonce?.resolved === 'string' ? [nonce.resolved.toLowerCase()] : [];
  const ro = call.kwargs.content_security_policy_report_only;
  const base = { nonceIn, reportOnly: ro?.resolved === true, line: call.line, column: call.column };
  if (!arg) {
    if (call.spread) return undefined;
    const directives = new Map<string, CspSource[]>();
    for (const [k, v] of Object.entries(TALISMAN_DEFAULT)) directives.set(k, splitSources(v, call.line, call.column));
    return { directives, open: false, isDefault: true, ...base };
  }
  const d = deref(arg);
  if (!d) return undefined;
  if (d.resolved === null || d.resolved === false || d.resolved === '' || (d.kind === 'dict' && !d.open && d.entries.length === 0)) return 'disabled';
  const directives = new Map<string, CspSource[]>();
  let open = false;
  if (d.kind === 'dict') {
    open = !!d.open;
    for (const e of d.entries) {
      const s = sourcesOf(e.value);
      if (s) directives.set(e.key.toLowerCase(), s);
      else open = true;
    }
  } else if (d.kind === 'str' || typeof d.resolved === 'string') {
    const text = d.kind === 'str' ? d.value : (d.resolved as string);
    for (const part of text.split(';')) {
      const [name, ...rest] = part.trim().split(/\s+/);
      if (name) directives.set(name.toLowerCase(), rest.map((value) => ({ value, line: d.line, column: d.column })));
    }
  } else return undefined;
  return { directives, open, isDefault: false, ...base, line: d.line, column: d.column };
}

/** The sources that govern `directive` (CSP fallback chain), or undefined when nothing restricts it. */
export function effectiveSources(policy: CspPolicy, directive: 'script' | 'style'): { name: string; sources: CspSource[] } | undefined {
  const chain = directive === 'script' ? ['script-src-elem', 'script-src', 'default-src'] : ['style-src-elem', 'style-src', 'default-src'];
  for (const name of chain) {
    const s = policy.directives.get(name);
    if (s) return { name, sources: s };
  }
  return undefined;
}

function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  if (p.startsWith('*.')) return host.endsWith(p.slice(1));
  return host === p;
}

/** Does `source` allow loading `url` (absolute)? */
export function sourceAllows(source: string, url: URL): boolean {
  const s = source.trim();
  const lower = s.toLowerCase();
  if (lower === '*') return url.protocol === 'https:' || url.protocol === 'http:';
  if (/^[a-z][a-z0-9+.-]*:$/.test(lower)) return lower === url.protocol || (lower === 'http:' && url.protocol === 'https:');
  if (lower.startsWith("'")) return false; // 'self', 'none', nonces, hashes, keywords: not a host
  const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?([^/:]+)(?::(\d+|\*))?(\/.*)?$/i.exec(s);
  if (!m) return false;
  const [, scheme, host, port, path] = m;
  if (scheme) {
    const sc = scheme.toLowerCase() + ':';
    if (!(sc === url.protocol || (sc === 'http:' && url.protocol === 'https:'))) return false;
  } else if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (!hostMatches(host!, url.hostname)) return false;
  if (port && port !== '*') {
    const urlPort = url.port || (url.protocol === 'https:' ? '443' : '80');
    if (port !== urlPort) return false;
  }
  if (path && path !== '/') {
    if (path.endsWith('/')) return url.pathname.startsWith(path);
    return url.pathname === path;
  }
  return true;
}

/** Would the policy let the page load this external script / stylesheet? */
export function policyAllowsUrl(policy: CspPolicy, directive: 'script' | 'style', rawUrl: string, hasNonce: boolean): { allowed: boolean; directive?: string } {
  const eff = effectiveSources(policy, directive);
  if (!eff) return { allowed: true };
  const values = eff.sources.map((s) => s.value.toLowerCase());
  const nonced = policy.nonceIn.includes(eff.name) || values.some((v) => v.startsWith("'nonce-"));
  if (hasNonce && nonced) return { allowed: true, directive: eff.name };
  // 'strict-dynamic' ignores host sources: only nonced / hashed scripts load.
  if (directive === 'script' && values.includes("'strict-dynamic'")) return { allowed: false, directive: eff.name };
  let url: URL;
  try {
    url = new URL(rawUrl.startsWith('//') ? 'https:' + rawUrl : rawUrl);
  } catch {
    return { allowed: true };
  }
  return { allowed: eff.sources.some((s) => sourceAllows(s.value, url)), directive: eff.name };
}

/** Would the policy run inline code (a `<script>` body, `<style>` body, or an `on…=` handler)? */
export function policyAllowsInline(policy: CspPolicy, directive: 'script' | 'style', hasNonce: boolean, handler = false): { allowed: boolean; directive?: string } {
  const eff = effectiveSources(policy, directive);
  if (!eff) return { allowed: true };
  const values = eff.sources.map((s) => s.value.toLowerCase());
  const nonceOrHash = policy.nonceIn.includes(eff.name) || values.some((v) => /^'(nonce|sha256|sha384|sha512)-/.test(v));
  if (!handler && hasNonce && nonceOrHash) return { allowed: true, directive: eff.name };
  // With a nonce or hash present, browsers ignore 'unsafe-inline' (CSP Level 2+).
  return { allowed: values.includes("'unsafe-inline'") && !nonceOrHash, directive: eff.name };
}
