/** Debug and error pages of development servers in probe responses (Werkzeug, Django, Rails, stack traces). */
import type { ProbeResponse } from '../../facts/probe.js';


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
