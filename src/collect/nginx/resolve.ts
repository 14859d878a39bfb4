/**
 * Include resolution for nginx configurations in a repository.
 *
 * nginx resolves a relative `include` against its configuration prefix (the directory of the main
 * nginx.conf), not against the including file. Repositories keep their nginx tree anywhere
 * (`deploy/nginx/`, `etc/nginx/`, `nginx/conf.d/`), so a path is tried, in order, against:
 * the configuration prefix of the top-level file, the directory of the including file, and that
 * file's nginx root (the nearest directory holding an nginx.conf, or the parent of a
 * `conf.d` / `sites-*` / `snippets` directory). Absolute paths under the usual install prefixes
 * (`/etc/nginx/…`, `/usr/local/nginx/conf/…`) are mapped onto the same bases; any other absolute
 * path matches a repository file at the same path (a repository that mirrors `/`), or stays
 * external — `include /etc/nginx/mime.types` that is not in the repository is fine and silent.
 * Globs (`*`, `?`, `[…]`) match repository files, sorted as glob(3) sorts them.
 */
import { globMatcher, isGlob } from '../../lib/glob.js';
import type { SourceFile } from '../../contracts/types.js';
import { ParseError } from '../../contracts/errors.js';
import { parseNginx } from './parse.js';
import type { NginxDirective } from '../../facts/nginx/types.js';
import { basename, dirname } from '../../lib/paths.js';

/** Install prefixes an absolute include path is mapped from. */
const INSTALL_PREFIXES = ['/etc/nginx/', '/usr/local/nginx/conf/', '/usr/local/etc/nginx/', '/opt/homebrew/etc/nginx/', '/usr/local/openresty/nginx/conf/', '/opt/nginx/conf/'];
/** Directory names whose parent is an nginx configuration root. */
const LAYOUT_DIRS = new Set(['conf.d', 'sites-available', 'sites-enabled', 'snippets', 'includes', 'include', 'vhosts.d', 'vhosts', 'servers', 'http.d', 'stream.d']);

/** Joins and normalizes POSIX segments (`..`, `.`); undefined when it climbs above the root. */
export function joinPath(base: string, rel: string): string | undefined {
  const out: string[] = [];
  for (const seg of [...base.split('/'), ...rel.split('/')]) {
    if (!seg || seg === '.') continue;
    if (seg === '..') {
      if (!out.length) return undefined;
      out.pop();
    } else out.push(seg);
  }
  return out.join('/');
}

export { isGlob } from '../../lib/glob.js';

export interface ParsedFile {
  file: SourceFile;
  directives?: NginxDirective[];
  error?: ParseError;
}

/** What the repository's nginx files look like: parsed files, include graph, top-level files. */
export class NginxModel {
  private readonly byPath = new Map<string, SourceFile>();
  private readonly parsed = new Map<string, ParsedFile>();
  private readonly nginxConfDirs: string[];
  private topLevel?: Set<string>;

  constructor(readonly files: readonly SourceFile[]) {
    for (const f of files) this.byPath.set(f.path, f);
    this.nginxConfDirs = files.filter((f) => basename(f.path) === 'nginx.conf').map((f) => dirname(f.path));
  }

  has(path: string): boolean {
    return this.byPath.has(path);
  }

  source(path: string): SourceFile | undefined {
    return this.byPath.get(path);
  }

  parse(path: string): ParsedFile | undefined {
    const cached = this.parsed.get(path);
    if (cached) return cached;
    const file = this.byPath.get(path);
    if (!file) return undefined;
    let out: ParsedFile;
    try {
      out = { file, directives: parseNginx(file.content, path) };
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      out = { file, error: e };
    }
    this.parsed.set(path, out);
    return out;
  }

  /** The nearest ancestor directory holding an nginx.conf, else the parent of a layout directory, else the file's directory. */
  nginxRoot(path: string): string {
    const dir = dirname(path);
    let best: string | undefined;
    for (const d of this.nginxConfDirs) {
      if (d === dir || d === '' || dir.startsWith(d + '/')) if (best === undefined || d.length > best.length) best = d;
    }
    if (best !== undefined) return best;
    const segs = dir.split('/');
    for (let k = segs.length - 1; k >= 0; k--) {
      if (LAYOUT_DIRS.has(segs[k]!.toLowerCase())) return segs.slice(0, k).join('/');
    }
    return dir;
  }

  /** nginx's configuration prefix when `top` is the file given to `nginx -c`. */
  confPrefix(top: string): string {
    return basename(top) === 'nginx.conf' ? dirname(top) : this.nginxRoot(top);
  }

  /** Repository files an include argument names, or [] (external / nothing matched). */
  resolveInclude(arg: string, including: string, top?: string): { files: string[]; external: boolean } {
    const bases: string[] = [];
    const push = (b: string) => {
      if (!bases.includes(b)) bases.push(b);
    };
    if (top !== undefined) push(this.confPrefix(top));
    push(dirname(including));
    push(this.nginxRoot(including));
    const candidates: string[] = [];
    if (arg.startsWith('/')) {
      const prefix = INSTALL_PREFIXES.find((p) => arg.startsWith(p));
      if (prefix) {
        const rel = arg.slice(prefix.length);
        for (const b of bases) {
          const j = joinPath(b, rel);
          if (j !== undefined) candidates.push(j);
        }
      }
      const mirrored = joinPath('', arg);
      if (mirrored !== undefined) candidates.push(mirrored);
    } else {
      for (const b of bases) {
        const j = joinPath(b, arg);
        if (j !== undefined) candidates.push(j);
      }
    }
    for (const c of candidates) {
      if (isGlob(c)) {
        const re = globMatcher(c, { globstar: false, braces: false });
        const matched = [...this.byPath.keys()].filter((p) => re.test(p)).sort();
        if (matched.length) return { files: matched, external: false };
      } else if (this.byPath.has(c)) {
        return { files: [c], external: false };
      }
    }
    // A glob that matches nothing in the repository is not an error for nginx either.
    return { files: [], external: true };
  }

  /** Files included (directly) by `path`, for the include graph. */
  private includesOf(path: string): string[] {
    const p = this.parse(path);
    if (!p?.directives) return [];
    const out: string[] = [];
    const walk = (ds: NginxDirective[]) => {
      for (const d of ds) {
        if (d.name === 'include' && d.args.length) out.push(...this.resolveInclude(d.args[0]!, path).files);
        if (d.block) walk(d.block);
      }
    };
    walk(p.directives);
    return out;
  }

  /**
   * Top-level files: every nginx.conf, and every nginx file no other nginx file includes. Files
   * that only include each other (a loop with no way in) get their first file as top level, so the
   * loop is still reported.
   */
  topLevelFiles(): Set<string> {
    if (this.topLevel) return this.topLevel;
    const nginxFiles = this.files.filter((f) => f.kind === 'nginx').map((f) => f.path);
    const edges = new Map<string, string[]>();
    const includedBy = new Map<string, Set<string>>();
    for (const f of nginxFiles) {
      const inc = this.includesOf(f);
      edges.set(f, inc);
      for (const t of inc) {
        if (t === f) continue;
        if (!includedBy.has(t)) includedBy.set(t, new Set());
        includedBy.get(t)!.add(f);
      }
    }
    const top = new Set(nginxFiles.filter((f) => basename(f) === 'nginx.conf' || !includedBy.has(f)));
    // Reachability from the top-level files; unreached files are inside include loops.
    const reached = new Set<string>();
    const visit = (f: string) => {
      if (reached.has(f)) return;
      reached.add(f);
      for (const t of edges.get(f) ?? []) visit(t);
    };
    for (const t of top) visit(t);
    for (const f of nginxFiles) {
      if (!reached.has(f)) {
        top.add(f);
        visit(f);
      }
    }
    this.topLevel = top;
    return top;
  }
}

const models = new WeakMap<readonly SourceFile[], NginxModel>();

/** One model per discovered file list (the collector runs once per file). */
export function modelFor(files: readonly SourceFile[]): NginxModel {
  let m = models.get(files);
  if (!m) {
    m = new NginxModel(files);
    models.set(files, m);
  }
  return m;
}
