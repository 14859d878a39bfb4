/**
 * Is a file without a telling name an nginx configuration? Site files are often kept without an
 * extension outside sites-available / sites-enabled (`deployment/nginx/<app>`, a sample's
 * `proxy/conf` that its Dockerfile copies to /etc/nginx/conf.d/). They are recognised by what they
 * hold, never by the name alone:
 *
 * 1. a cheap, linear pre-check: some line starts a `server`, `http`, `upstream` or `events` block;
 * 2. the file (at most SNIFF_MAX_BYTES) parses with nginx's own tokenizer (parse.ts, linear time,
 *    no recursion);
 * 3. every top-level statement is a directive name nginx could know (lower-case word), and there is
 *    a top-level `http` / `events` block, or a `server` block holding a `listen`, `server_name`,
 *    `location`, `root`, `return` or `proxy_pass` directive, or an `upstream` block with `server`s.
 *
 * A file that fails to parse is not nginx here — unless it sits in a directory whose name says
 * nginx and passes the pre-check: then it is read as nginx so its parse error is reported.
 */
import { parseNginx } from './parse.js';
import type { NginxDirective } from '../../facts/nginx/types.js';

/** Larger files are not sniffed (a site file is a few kilobytes). */
export const SNIFF_MAX_BYTES = 256 * 1024;

const BLOCK_START = /^[ \t]*((server|http|events)[ \t]*|upstream[ \t]+[^\s{;]+[ \t]*)\{/m;
const DIRECTIVE_NAME = /^[a-z_][a-z0-9_]*$/;
const SERVER_MARKERS = new Set(['listen', 'server_name', 'location', 'root', 'return', 'proxy_pass']);

function isSite(top: NginxDirective[]): boolean {
  let known = false;
  for (const d of top) {
    if (!DIRECTIVE_NAME.test(d.name)) return false;
    if (!d.block) continue;
    if (d.name === 'http' || d.name === 'events') known = true;
    else if (d.name === 'server' && d.block.some((c) => SERVER_MARKERS.has(c.name))) known = true;
    else if (d.name === 'upstream' && d.block.some((c) => c.name === 'server')) known = true;
  }
  return known;
}

/**
 * `true` when `content` is an nginx configuration (see above). `nginxDir`: the file's directory
 * path names nginx, so a file that looks like nginx but fails to parse still counts (its parse
 * error is then reported rather than the file read as plain text).
 */
export function sniffNginx(content: string, nginxDir = false): boolean {
  if (content.length > SNIFF_MAX_BYTES || !BLOCK_START.test(content)) return false;
  let top: NginxDirective[];
  try {
    top = parseNginx(content, '');
  } catch {
    return nginxDir;
  }
  return isSite(top);
}
