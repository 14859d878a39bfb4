/**
 * Read-only queries over a resolved nginx configuration (the `nginx` fact): servers, locations,
 * listen sockets, and the effective value of directives that nginx inherits level by level
 * (`add_header`, `proxy_set_header`: a level that sets any of them replaces — not extends — what
 * the enclosing levels set).
 */
import type { NginxDirective } from './types.js';

/** One configuration level: the directives directly inside a block (the top level has no owner). */
export interface Level {
  owner?: NginxDirective;
  directives: NginxDirective[];
}

/** A block with the levels enclosing it, outermost first, the block's own level last. */
export interface Scoped {
  node: NginxDirective;
  chain: Level[];
}

export interface ConfigLike {
  context: 'main' | 'http' | 'server';
  directives: NginxDirective[];
}

export function named(level: Level | NginxDirective[], name: string): NginxDirective[] {
  const list = Array.isArray(level) ? level : level.directives;
  return list.filter((d) => d.name === name);
}

export function last(level: Level | NginxDirective[], name: string): NginxDirective | undefined {
  const all = named(level, name);
  return all[all.length - 1];
}

const levelOf = (d: NginxDirective): Level => ({ owner: d, directives: d.block ?? [] });

/** Every directive, depth first, with the levels enclosing it. */
export function walk(directives: NginxDirective[], visit: (d: NginxDirective, chain: Level[]) => void, chain: Level[] = [{ directives }]): void {
  for (const d of directives) {
    visit(d, chain);
    if (d.block) walk(d.block, visit, [...chain, levelOf(d)]);
  }
}

/** The `http` levels of a configuration (the top level itself for a conf.d / sites-enabled fragment). */
export function httpLevels(cfg: ConfigLike): Level[][] {
  const top: Level = { directives: cfg.directives };
  if (cfg.context === 'http') return [[top]];
  if (cfg.context === 'server') return [];
  return named(top, 'http').map((h) => [top, levelOf(h)]);
}

/** Every `server` block of the http context(s), with its chain (… http, server). */
export function servers(cfg: ConfigLike): Scoped[] {
  if (cfg.context === 'server') return [];
  const out: Scoped[] = [];
  for (const chain of httpLevels(cfg)) {
    for (const s of named(chain[chain.length - 1]!, 'server')) if (s.block) out.push({ node: s, chain: [...chain, levelOf(s)] });
  }
  return out;
}

/** `location` blocks (nested ones too) and `if` blocks inside a server, each with its chain. */
export function locations(server: Scoped, opts: { withIf?: boolean } = {}): Scoped[] {
  const out: Scoped[] = [];
  const visit = (chain: Level[]) => {
    for (const d of chain[chain.length - 1]!.directives) {
      if (!d.block) continue;
      if (d.name === 'location' || (opts.withIf && d.name === 'if' && chain[chain.length - 1]!.owner?.name === 'location')) {
        const c = [...chain, levelOf(d)];
        out.push({ node: d, chain: c });
        visit(c);
      } else if (d.name === 'if' || d.name === 'limit_except') {
        // Walk through, so that locations nested in these (not allowed by nginx) are not lost.
        visit([...chain, levelOf(d)]);
      }
    }
  };
  visit(server.chain);
  return out;
}

/**
 * The directives named `name` in effect at the innermost level of `chain`, for directives nginx
 * inherits only when a level sets none of its own (`add_header`, `proxy_set_header`).
 * Returns the directives and the level that set them.
 */
export function effective(chain: Level[], name: string, from = chain.length - 1): { directives: NginxDirective[]; level?: Level; index: number } {
  for (let i = from; i >= 0; i--) {
    const own = named(chain[i]!, name);
    if (own.length) return { directives: own, level: chain[i], index: i };
  }
  return { directives: [], index: -1 };
}

/** The innermost value of a scalar directive (`server_tokens`, `client_max_body_size`, `ssl_protocols` …). */
export function inherited(chain: Level[], name: string, from = chain.length - 1): NginxDirective | undefined {
  for (let i = from; i >= 0; i--) {
    const d = last(chain[i]!, name);
    if (d) return d;
  }
  return undefined;
}

/** `include` directives of the chain that name a file outside the repository. */
export function externalIncludes(chain: Level[], from = chain.length - 1): NginxDirective[] {
  const out: NginxDirective[] = [];
  for (let i = 0; i <= from; i++) for (const d of named(chain[i]!, 'include')) if (d.external) out.push(d);
  return out;
}

/** Base names of files shipped with nginx that set no headers, TLS or proxy settings. */
const STOCK_DATA_FILES = new Set(['mime.types', 'fastcgi_params', 'fastcgi.conf', 'scgi_params', 'uwsgi_params', 'koi-utf', 'koi-win', 'win-utf']);

/** An external include of a stock data file (mime.types, fastcgi_params …) or a dynamic-module loader. */
export function isStockInclude(d: NginxDirective): boolean {
  const p = d.args[0] ?? '';
  const base = p.slice(p.lastIndexOf('/') + 1);
  return STOCK_DATA_FILES.has(base) || /modules-enabled\//.test(p);
}

/** certbot's options-ssl-nginx.conf: TLS protocols and ciphers, no headers. */
export function isCertbotOptions(d: NginxDirective): boolean {
  return /options-ssl-nginx\.conf$/.test(d.args[0] ?? '');
}

/** Debian / Ubuntu's proxy_params: Host, X-Real-IP, X-Forwarded-For, X-Forwarded-Proto. */
export function isProxyParams(d: NginxDirective): boolean {
  return /(^|\/)proxy_params$/.test(d.args[0] ?? '');
}

export interface Listen {
  directive: NginxDirective;
  port?: number;
  address?: string;
  ssl: boolean;
  quic: boolean;
  defaultServer: boolean;
  unix: boolean;
}

/** Parses `listen` directives; a server without one listens on port 80. */
export function listens(server: Scoped): Listen[] {
  const own = named(server.chain[server.chain.length - 1]!, 'listen');
  return own.map((d) => {
    const addr = d.args[0] ?? '';
    const params = new Set(d.args.slice(1).map((a) => a.toLowerCase()));
    let port: number | undefined;
    let address: string | undefined;
    const unix = addr.startsWith('unix:');
    if (!unix) {
      const m = /^(?:(\[[^\]]*\]|[^:]+):)?(\d+)$/.exec(addr);
      if (m) {
        address = m[1];
        port = Number(m[2]);
      } else if (/^\d+$/.test(addr)) port = Number(addr);
      else {
        address = addr;
        port = 80;
      }
    }
    return {
      directive: d,
      port,
      address,
      ssl: params.has('ssl'),
      quic: params.has('quic'),
      defaultServer: params.has('default_server') || params.has('default'),
      unix,
    };
  });
}

/** Does the server terminate TLS (a `listen … ssl`, or the pre-1.25 `ssl on;`)? */
export function isTls(server: Scoped): boolean {
  if (listens(server).some((l) => l.ssl || l.quic)) return true;
  const sslOn = inherited(server.chain, 'ssl');
  return sslOn?.args[0]?.toLowerCase() === 'on';
}

/** Does the server accept plain HTTP (a listen without `ssl`, or no listen at all)? */
export function isPlainHttp(server: Scoped): boolean {
  const ls = listens(server);
  const sslOn = inherited(server.chain, 'ssl')?.args[0]?.toLowerCase() === 'on';
  if (sslOn) return false;
  if (ls.length === 0) return true;
  return ls.some((l) => !l.ssl && !l.quic && !l.unix);
}

/** Header name → the `add_header` directives setting it (names lower-cased). */
export function headerMap(directives: NginxDirective[]): Map<string, NginxDirective> {
  const m = new Map<string, NginxDirective>();
  for (const d of directives) {
    if (d.name === 'add_header' && d.args[0]) m.set(d.args[0].toLowerCase(), d);
    if (d.name === 'more_set_headers') {
      for (const a of d.args) {
        if (a.startsWith('-')) continue;
        const i = a.indexOf(':');
        if (i > 0) m.set(a.slice(0, i).trim().toLowerCase(), d);
      }
    }
  }
  return m;
}

/** Headers in effect at the innermost level of the chain (add_header and headers-more). */
export function effectiveHeaders(chain: Level[], from = chain.length - 1): { headers: Map<string, NginxDirective>; index: number } {
  for (let i = from; i >= 0; i--) {
    const own = chain[i]!.directives.filter((d) => d.name === 'add_header' || d.name === 'more_set_headers');
    if (own.length) {
      const merged = new Map<string, NginxDirective>();
      // `add_header_inherit merge` (nginx 1.29.3+) keeps the enclosing levels' headers.
      if (mergesHeaders(chain, i) && i > 0) for (const [k, v] of effectiveHeaders(chain, i - 1).headers) merged.set(k, v);
      for (const [k, v] of headerMap(own)) merged.set(k, v);
      return { headers: merged, index: i };
    }
  }
  return { headers: new Map(), index: -1 };
}

/** Is `add_header_inherit merge` in effect at level `i`? */
export function mergesHeaders(chain: Level[], i: number): boolean {
  const d = inherited(chain, 'add_header_inherit', i);
  return d?.args[0]?.toLowerCase() === 'merge';
}

/** The header value of an `add_header` (second argument). */
export function headerValue(d: NginxDirective, name: string): string | undefined {
  if (d.name === 'add_header') return d.args[1];
  for (const a of d.args) {
    const i = a.indexOf(':');
    if (i > 0 && a.slice(0, i).trim().toLowerCase() === name) return a.slice(i + 1).trim();
  }
  return undefined;
}

/** A `return` / `rewrite` that sends the client to an https:// URL. */
export function isHttpsRedirect(d: NginxDirective): boolean {
  if (d.name === 'return') {
    const code = Number(d.args[0]);
    const url = d.args.length > 1 ? d.args[1]! : d.args[0]!;
    if (d.args.length > 1 && ![301, 302, 303, 307, 308].includes(code)) return false;
    return /^https:\/\//i.test(url ?? '');
  }
  if (d.name === 'rewrite') {
    const target = d.args[1] ?? '';
    return /^https:\/\//i.test(target);
  }
  return false;
}

/** `rewrite` patterns that match every URI. */
export function isCatchAllRewrite(d: NginxDirective): boolean {
  if (d.name !== 'rewrite') return false;
  const re = d.args[0] ?? '';
  return ['^', '^/', '^(.*)$', '^/(.*)$', '^(.*)', '^/(.*)', '.*', '^.*$', '^/.*$', '(.*)', '/(.*)', '^(/.*)$'].includes(re);
}

/** The modifier and path of a `location` (`location ~* \.php$` → {modifier: '~*', path: '\.php$'}). */
export function locationMatch(d: NginxDirective): { modifier?: string; path: string } {
  const a = d.args;
  if (a.length >= 2 && ['=', '~', '~*', '^~'].includes(a[0]!)) return { modifier: a[0], path: a[1]! };
  // `location =/x` and `location ~^/x` are written without a space too.
  const m = /^(=|~\*|~|\^~)(.+)$/.exec(a[0] ?? '');
  if (m && a.length === 1) return { modifier: m[1], path: m[2]! };
  if (a[0]?.startsWith('@')) return { modifier: '@', path: a[0] };
  return { path: a[0] ?? '' };
}

/** Is this location the ACME http-01 challenge path? */
export function isAcmeLocation(d: NginxDirective): boolean {
  const { path } = locationMatch(d);
  return /\.well-known\/acme-challenge/.test(path) || /^\/?\.well-known\/?$/.test(path) || /^\^?\/?\\?\.well-known/.test(path);
}
