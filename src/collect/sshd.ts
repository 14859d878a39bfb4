/**
 * OpenSSH server configuration (`sshd_config`, `*.sshd_config`, `sshd_config.d/*.conf`), read as
 * sshd_config(5) describes it: `Keyword arguments` or `Keyword=arguments` (keywords are
 * case-insensitive), `#` comments, double-quoted arguments, and `Match` blocks that last until the
 * next `Match` or the end of the file. `Include` is followed into repository files (relative paths
 * are relative to /etc/ssh, which maps to the directory of the including file; globs are sorted),
 * its directives taking the Include's place and scope, as sshd does.
 *
 * sshd uses the FIRST value it obtains for most keywords, so the fact keeps every directive in
 * order; `effective()` answers "what does sshd use outside any Match block".
 */
import type { Collector } from '../contracts/collector.js';
import type { SourceFile } from '../contracts/types.js';
import type { SshdConfig, SshdInclude, SshdMatch, SshdDirective } from '../facts/sshd.js';
import { dirname } from '../lib/paths.js';
import { joinPath, isGlob } from './nginx/resolve.js';
import { globMatcher } from '../lib/glob.js';

/** Splits a line into words: white space separates, "…" quotes, `#` at a word start ends the line. */
function words(line: string): { value: string; column: number }[] {
  const out: { value: string; column: number }[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i]!)) i++;
    if (i >= line.length || line[i] === '#') break;
    const column = i + 1;
    let v = '';
    if (line[i] === '"') {
      i++;
      while (i < line.length && line[i] !== '"') v += line[i++];
      i++;
    } else {
      while (i < line.length && !/\s/.test(line[i]!)) v += line[i++];
    }
    out.push({ value: v, column });
  }
  return out;
}


/** Repository files an Include pattern names (relative to /etc/ssh = the including file's directory). */
export function resolveSshInclude(pattern: string, including: string, files: readonly SourceFile[]): string[] {
  const base = dirname(including);
  const candidates: string[] = [];
  if (pattern.startsWith('/etc/ssh/')) {
    const j = joinPath(base, pattern.slice('/etc/ssh/'.length));
    if (j !== undefined) candidates.push(j);
    // …or the repository keeps its sshd_config in a directory that mirrors /etc/ssh one level up.
    const up = joinPath(dirname(base), pattern.slice('/etc/ssh/'.length));
    if (up !== undefined) candidates.push(up);
  } else if (pattern.startsWith('/')) {
    const j = joinPath('', pattern);
    if (j !== undefined) candidates.push(j);
  } else {
    const j = joinPath(base, pattern);
    if (j !== undefined) candidates.push(j);
  }
  const paths = files.map((f) => f.path);
  for (const c of candidates) {
    const hits = isGlob(c) ? paths.filter((p) => globMatcher(c, { globstar: false, braces: false }).test(p)).sort() : paths.filter((p) => p === c);
    if (hits.length) return hits;
  }
  return [];
}

export function parseSshd(file: SourceFile, files: readonly SourceFile[]): SshdConfig {
  const includes: SshdInclude[] = [];
  const byPath = new Map(files.map((f) => [f.path, f]));
  const read = (path: string, content: string, inherited: SshdMatch | undefined, stack: string[]): SshdDirective[] => {
    const out: SshdDirective[] = [];
    let match = inherited;
    content.split(/\r?\n/).forEach((raw, i) => {
      // `Keyword=value` is the same as `Keyword value`.
      const eq = /^(\s*[A-Za-z0-9]+)(\s*=\s*)/.exec(raw);
      const line = eq ? eq[1] + ' '.repeat(eq[2]!.length) + raw.slice(eq[0].length) : raw;
      const ws = words(line);
      if (!ws.length) return;
      const [kw, ...rest] = ws;
      const key = kw!.value.toLowerCase();
      const at = { file: path, line: i + 1, column: kw!.column };
      if (key === 'match') {
        const criteria = rest.map((w) => w.value).join(' ');
        match = { criteria, ...at, all: criteria.toLowerCase() === 'all' };
        return;
      }
      if (key === 'include') {
        for (const w of rest) {
          const resolved = resolveSshInclude(w.value, path, files).filter((p) => !stack.includes(p));
          includes.push({ pattern: w.value, ...at, resolved, external: resolved.length === 0 });
          for (const r of resolved) out.push(...read(r, byPath.get(r)!.content, match, [...stack, r]));
        }
        return;
      }
      out.push({
        keyword: kw!.value,
        key,
        args: rest.map((w) => w.value),
        value: rest.map((w) => w.value).join(' '),
        ...at,
        valueColumn: rest[0]?.column ?? kw!.column,
        match,
      });
    });
    return out;
  };
  const directives = read(file.path, file.content, undefined, [file.path]);
  return { file: file.path, environment: file.environment, directives, includes, dropIn: /(^|\/)sshd_config\.d\//.test(file.path) };
}

/** sshd files that some other repository sshd file includes (judged as part of it). */
const includedCache = new WeakMap<readonly SourceFile[], Set<string>>();
function includedFiles(files: readonly SourceFile[]): Set<string> {
  let s = includedCache.get(files);
  if (s) return s;
  s = new Set();
  for (const f of files) {
    if (f.kind !== 'sshd') continue;
    for (const inc of parseSshd(f, files).includes) for (const r of inc.resolved) if (r !== f.path) s.add(r);
  }
  includedCache.set(files, s);
  return s;
}

const collector: Collector<'sshd'> = {
  fact: 'sshd',
  kinds: ['sshd'],
  collect(file, ctx) {
    if (includedFiles(ctx.files).has(file.path)) return undefined;
    return parseSshd(file, ctx.files);
  },
};
export default collector;
