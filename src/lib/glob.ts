/**
 * One glob matcher for every glob honban meets: honban.yml (`environments.*.files`), nginx
 * `include`, sshd `Include`, Dockerfile `COPY` sources. Globs come from scanned files, so matching
 * must stay linear: the glob is translated to RE2 syntax and run by RE2 (see linear-regex.ts) —
 * `a*a*a*a*a*a*b` against a long name takes microseconds, not hours.
 */
import { linearRegExp, type LinearRegExp } from './linear-regex.js';

export interface GlobOptions {
  /** `**` matches across `/` (`**‌/` also matches nothing): gitignore / Docker style. Default true. */
  globstar?: boolean;
  /** `{a,b}` alternatives. Default true. */
  braces?: boolean;
}

const SPECIAL = /[\\.+*?()|[\]{}^$]/g;
const quote = (s: string) => s.replace(SPECIAL, '\\$&');

/** The glob as an anchored RE2 expression over POSIX paths. */
export function globSource(glob: string, opts: GlobOptions = {}): string {
  const globstar = opts.globstar ?? true;
  const braces = opts.braces ?? true;
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (globstar && glob[i + 1] === '*') {
        i++;
        while (glob[i + 1] === '*') i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else {
        while (glob[i + 1] === '*') i++;
        re += '[^/]*';
      }
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        let body = glob.slice(i + 1, end);
        let neg = '';
        if (body.startsWith('!') || body.startsWith('^')) {
          neg = '^';
          body = body.slice(1);
        }
        re += `[${neg}${body.replace(/[\\[\]^]/g, '\\$&')}]`;
        i = end;
      }
    } else if (c === '{' && braces) {
      const end = glob.indexOf('}', i);
      if (end < 0) re += '\\{';
      else {
        re += '(?:' + glob.slice(i + 1, end).split(',').map(quote).join('|') + ')';
        i = end;
      }
    } else if (c === '\\' && i + 1 < glob.length) {
      re += quote(glob[++i]!);
    } else re += quote(c);
  }
  return `^${re}$`;
}

/** A linear-time matcher for `glob`; a glob RE2 refuses (`[z-a]`) matches only itself. */
export function globMatcher(glob: string, opts: GlobOptions = {}): LinearRegExp {
  try {
    return linearRegExp(globSource(glob, opts), { re2Syntax: true });
  } catch {
    return { source: glob, test: (p: string) => p === glob };
  }
}

/** Does the text contain glob characters? */
export const isGlob = (p: string): boolean => /[*?[]/.test(p);
