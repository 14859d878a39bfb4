/**
 * Judgement helpers shared by the nginx rules (not a rule: files starting with `_` are helpers).
 */
import type { NginxDirective } from '../../facts/nginx/types.js';
import type { NginxConfig } from '../../facts/nginx/types.js';
import {
  externalIncludes,
  isAcmeLocation,
  isCatchAllRewrite,
  isCertbotOptions,
  isHttpsRedirect,
  isStockInclude,
  locations,
  named,
  type Level,
  type Scoped,
} from '../../facts/nginx/query.js';
import type { RuleContext } from '../../contracts/types.js';

export const RFC_HSTS_YEAR = 31536000;

/** Headers that protect the browser; dropping one of them by add_header inheritance matters. */
export const SECURITY_HEADERS = new Set([
  'strict-transport-security',
  'x-frame-options',
  'x-content-type-options',
  'content-security-policy',
  'referrer-policy',
  'permissions-policy',
  'feature-policy',
  'cross-origin-opener-policy',
  'cross-origin-embedder-policy',
  'cross-origin-resource-policy',
  'x-permitted-cross-domain-policies',
]);

/** Canonical spelling of a header name for messages. */
export function headerName(lower: string): string {
  const special: Record<string, string> = {
    'x-xss-protection': 'X-XSS-Protection',
    'x-content-type-options': 'X-Content-Type-Options',
  };
  return special[lower] ?? lower.replace(/(^|-)([a-z])/g, (_, a: string, b: string) => a + b.toUpperCase());
}

/** Reports each (rule, file, line) once even when a snippet is part of several top-level configs. */
export function reporter(ctx: RuleContext): (key: string, f: () => void) => void {
  const seen = new Set<string>();
  return (key, f) => {
    if (seen.has(key)) return;
    seen.add(key);
    f();
  };
}

export const at = (d: NginxDirective) => ({ file: d.file, line: d.line, column: d.column });

/**
 * Includes in the chain that point outside the repository and may set what an absence check looks
 * for. Stock data files (mime.types, fastcgi_params) and certbot's options-ssl-nginx.conf (TLS
 * only) are known not to set headers.
 */
export function unknownIncludes(chain: Level[], what: 'headers' | 'tls' | 'proxy' | 'any'): NginxDirective[] {
  return externalIncludes(chain).filter((d) => {
    if (isStockInclude(d)) return false;
    if (what !== 'tls' && isCertbotOptions(d)) return false;
    return true;
  });
}

const SCHEME_VARS = /\$(scheme|https|http_x_forwarded_proto|ssl_protocol|server_port)\b/;

/** An `if ($scheme = http) { return 301 https://…; }` (or on X-Forwarded-Proto) in this level. */
function conditionalHttpsRedirect(level: Level): boolean {
  return named(level, 'if').some((d) => SCHEME_VARS.test(d.args.join(' ')) && (d.block ?? []).some((c) => isHttpsRedirect(c)));
}

/** Is every request to this server answered by the server level itself (redirect, or a fixed status)? */
export function serverAnswersEverything(server: Scoped): boolean {
  const level = server.chain[server.chain.length - 1]!;
  for (const d of level.directives) {
    if (d.name === 'return') return true;
    if (d.name === 'rewrite' && isCatchAllRewrite(d) && isHttpsRedirect(d)) return true;
  }
  return conditionalHttpsRedirect(level);
}

/** Does the server level send every plain-HTTP request to https:// (directly or on a scheme test)? */
export function serverRedirectsToHttps(server: Scoped): boolean {
  const level = server.chain[server.chain.length - 1]!;
  for (const d of level.directives) {
    if (d.name === 'return') return isHttpsRedirect(d) || !/^3\d\d$/.test(d.args[0] ?? '');
    if (d.name === 'rewrite' && isCatchAllRewrite(d) && isHttpsRedirect(d)) return true;
  }
  return conditionalHttpsRedirect(level);
}

/** Locations that serve content (not the ACME challenge, not a redirect or a fixed error). */
export function servingLocations(server: Scoped): Scoped[] {
  return locations(server).filter((loc) => {
    if (isAcmeLocation(loc.node)) return false;
    const level = loc.chain[loc.chain.length - 1]!;
    if (named(level, 'return').length) return false;
    if (named(level, 'rewrite').some((r) => isCatchAllRewrite(r) && (isHttpsRedirect(r) || /^(permanent|redirect)$/.test(r.args[2] ?? '')))) return false;
    if (conditionalHttpsRedirect(level)) return false;
    if (named(level, 'deny').some((d) => d.args[0] === 'all') && !named(level, 'allow').length) return false;
    if (named(level, 'internal').length) return false;
    // A location that only holds nested locations serves through them.
    const nested = named(level, 'location');
    const content = level.directives.some((d) => !['location', 'if', 'add_header', 'expires', 'access_log', 'error_log', 'log_not_found'].includes(d.name));
    if (nested.length && !content) return false;
    return true;
  });
}

/** Does this server serve content (pages, the proxied app, files) rather than only redirecting? */
export function servesContent(server: Scoped): boolean {
  if (serverAnswersEverything(server)) return false;
  const locs = locations(server);
  if (locs.length === 0) return true; // the root directory is served
  return servingLocations(server).length > 0;
}

/** The line an absence in a whole configuration points at: `http {` of a main config, else the first server. */
export function configAnchor(cfg: NginxConfig, servers: Scoped[]): NginxDirective | undefined {
  if (cfg.context === 'main') {
    const http = named(cfg.directives, 'http')[0];
    if (http) return http;
  }
  return servers[0]?.node;
}

export type { Scoped, Level };
