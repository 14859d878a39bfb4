import { isPlanJson } from '../lib/tfplan.js';
import { existsSync, lstatSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { gitignore, type Ignore } from '../lib/gitignore.js';
import { classifyEnvironment, type EnvironmentOverride } from '../lib/environment.js';
import type { FileKind, Skipped, SourceFile } from '../contracts/types.js';
import { UserError } from '../contracts/errors.js';
import { detailText, errnoText, fileTypeOf, MAX_FILE_BYTES, readFailure, readFileLazily, readTextFileSync, unreadFile, type LazyText } from '../lib/read.js';
import { L } from '../lib/i18n.js';
import { sniffNginx } from '../collect/nginx/sniff.js';
import { CODE_EXTENSION } from '../lib/paths.js';
import { hashContent, type FileIndex } from './cache.js';

const execFileP = promisify(execFile);

/** Directories never descended into. */
const SKIP_DIRS = new Set([
  '.git', '.hg', '.svn', 'node_modules', 'bower_components', 'vendor', 'venv', '.venv', 'virtualenv',
  '.virtualenv', '__pycache__', '.tox', '.nox', '.mypy_cache', '.pytest_cache', '.ruff_cache', '.terraform',
  '.terragrunt-cache', '.bundle', '.honban', '.next', '.nuxt', '.cache', '.idea', '.vscode', 'site-packages',
]);

const BINARY_EXT = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'ico', 'bmp', 'tiff', 'svgz', 'pdf', 'zip', 'gz', 'tgz', 'bz2', 'xz', '7z', 'rar',
  'jar', 'war', 'class', 'pyc', 'pyo', 'so', 'dylib', 'dll', 'exe', 'bin', 'o', 'a', 'wasm', 'woff', 'woff2', 'ttf',
  'otf', 'eot', 'mp3', 'mp4', 'mov', 'avi', 'webm', 'ogg', 'wav', 'flac', 'sqlite', 'sqlite3', 'db', 'psd', 'map',
  'min.js', 'lock', 'snap',
]);

/** Lock files: hashes everywhere, nothing configurable. */
const SKIP_FILES = new Set(['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'Gemfile.lock', 'poetry.lock', 'Pipfile.lock', 'composer.lock', 'Cargo.lock', 'go.sum', 'uv.lock']);

export { MAX_FILE_BYTES };

/** Extensions of files whose content may show them to be nginx configuration (none; templates of the official image). */
const SNIFFED_EXT = new Set(['', 'template', 'tmpl', 'nginx', 'vhost', 'site']);

export interface DiscoverOptions {
  /** Extra environment names recognized in paths. */
  customEnvs?: string[];
  /** gitignore-style patterns from honban.yml `ignore:`. */
  ignore?: string[];
  /** honban.yml `environments:` classification globs. */
  environments?: EnvironmentOverride[];
  /**
   * The file index of the cache: a file whose stat signature it knows is not read (its content is
   * read lazily, on first use); files read are recorded in it with their content hash.
   */
  index?: FileIndex;
}

export interface Discovered {
  /** Directory findings are relative to. */
  root: string;
  files: SourceFile[];
  /** Files and directories not read, with why (unreadable, too large, binary, encoding, symlink, special file). */
  skipped: Skipped[];
}

/**
 * Classifies a file by its name (and, for YAML, JSON, conf and unnamed files, by its text — a string,
 * or a LazyText decoded only if one of those asks; a shebang needs only the first line).
 */
export function classifyKind(relPath: string, text?: string | LazyText): FileKind | undefined {
  // The text is asked for only by the few kinds that depend on it (discovery decodes it then).
  const has = text !== undefined;
  const content = (): string => (typeof text === 'string' ? text : text!.all());
  const firstLine = (): string => (typeof text === 'string' ? text : text!.firstLine());
  const base = relPath.split('/').pop() ?? relPath;
  const lower = base.toLowerCase();
  const dirs = relPath.toLowerCase().split('/').slice(0, -1);
  if (lower === '.env' || lower.startsWith('.env.') || lower.endsWith('.env') || lower === '.flaskenv') return 'dotenv';
  // `Dockerfile.prod` is a Dockerfile; `dockerfile.ts` (a module about Dockerfiles) is code.
  const code = CODE_EXTENSION.test(lower);
  if (lower === 'dockerfile' || (lower.startsWith('dockerfile.') && !code) || lower.endsWith('.dockerfile') || lower === 'containerfile' || (lower.startsWith('containerfile.') && !code)) return 'dockerfile';
  if (lower === '.dockerignore' || lower.endsWith('.dockerignore')) return 'dockerignore';
  if (lower === '.gitignore') return 'gitignore';
  if (lower === 'procfile' || (lower.startsWith('procfile.') && !code)) return 'procfile';
  if (lower === 'sshd_config' || lower.endsWith('.sshd_config') || (dirs.includes('sshd_config.d') && lower.endsWith('.conf'))) return 'sshd';
  if (/^(docker-)?compose([.-].*)?\.ya?ml$/.test(lower)) return 'compose';
  const ext = lower.includes('.') ? lower.slice(lower.lastIndexOf('.') + 1) : '';
  switch (ext) {
    case 'yml':
    case 'yaml':
      if (has) {
        if (/^services\s*:/m.test(content())) return 'compose';
        if (/^apiVersion\s*:/m.test(content()) && /^kind\s*:/m.test(content())) return 'kubernetes';
      }
      return 'yaml';
    case 'json':
      if (lower.endsWith('.tfvars.json')) return 'tfvars';
      if (has && isPlanJson(content())) return 'tfplan';
      return 'json';
    case 'py':
      return 'python';
    case 'rb':
    case 'rake':
    case 'ru':
      return 'ruby';
    case 'js':
    case 'mjs':
    case 'cjs':
    case 'jsx':
      return lower.endsWith('.min.js') ? undefined : 'javascript';
    case 'ts':
    case 'tsx':
    case 'mts':
    case 'cts':
      return lower.endsWith('.d.ts') ? undefined : 'typescript';
    case 'html':
    case 'htm':
    case 'jinja':
    case 'jinja2':
    case 'j2':
    case 'erb':
    case 'ejs':
    case 'hbs':
    case 'njk':
    case 'liquid':
      return 'html';
    case 'tf':
      return 'terraform';
    case 'tfvars':
      return 'tfvars';
    case 'service':
      return 'systemd';
    case 'sh':
    case 'bash':
      return 'shell';
    case 'conf':
      // systemd drop-ins (`app.service.d/override.conf`, `app-.service.d/`, `app@.service.d/`): merged into
      // their unit by the systemd collector; a type-wide `service.d/` only under a `systemd` directory.
      if (/\.(service|socket|timer|mount|automount|swap|path|target|slice|scope)\.d$/.test(dirs[dirs.length - 1] ?? '')) return 'systemd';
      if (/^(service|socket|timer|mount|automount|swap|path|target|slice|scope)\.d$/.test(dirs[dirs.length - 1] ?? '') && dirs.includes('systemd')) return 'systemd';
      if (lower === 'nginx.conf' || dirs.some((d) => d.includes('nginx') || d === 'sites-available' || d === 'sites-enabled' || d === 'conf.d')) return 'nginx';
      if (has && /^\s*(server|http|upstream|events)\s*\{/m.test(content())) return 'nginx';
      return 'text';
  }
  if (lower === 'gemfile' || lower === 'rakefile') return 'ruby';
  if (lower === 'nginx.conf' || dirs.includes('sites-available') || dirs.includes('sites-enabled')) return 'nginx';
  if (lower === 'user-data' || lower === 'user_data' || (has && /^#!.*\b(ba|da|z)?sh\b/.test(firstLine()))) return 'shell';
  // A site file without a telling name (`deployment/nginx/<app>`, a sample's `proxy/conf`): by content, parsed.
  if (has && SNIFFED_EXT.has(ext) && sniffNginx(content(), dirs.some((d) => d.includes('nginx')))) return 'nginx';
  return 'text';
}

function isBinaryExt(lower: string): boolean {
  const parts = lower.split('.');
  if (parts.length < 2) return false;
  const ext = parts[parts.length - 1]!;
  const ext2 = parts.slice(-2).join('.');
  return BINARY_EXT.has(ext) || BINARY_EXT.has(ext2);
}

interface IgnoreLayer {
  /** Directory (absolute) the .gitignore lives in. */
  dir: string;
  ig: Ignore;
}

async function loadIgnore(dir: string): Promise<IgnoreLayer | undefined> {
  // Through the safe reader: a `.gitignore` that is a FIFO or a link to /dev/zero is not a list of patterns.
  const r = readTextFileSync(path.join(dir, '.gitignore'));
  return r.ok ? { dir, ig: gitignore().add(r.text) } : undefined;
}

/** `abs` relative to `dir` in POSIX form, '' when it is not below it (a slice for the usual case). */
function below(dir: string, abs: string): string {
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  if (path.sep === '/' && abs.startsWith(prefix) && !abs.includes('/../') && !abs.includes('/./')) return abs.slice(prefix.length);
  const rel = path.relative(dir, abs).split(path.sep).join('/');
  return rel.startsWith('..') ? '' : rel;
}

function isIgnored(layers: IgnoreLayer[], abs: string, isDir: boolean): boolean {
  for (const layer of layers) {
    let rel = below(layer.dir, abs);
    if (!rel) continue;
    if (isDir) rel += '/';
    if (layer.ig.ignores(rel)) return true;
  }
  return false;
}

/** The .gitignore files of the ancestors of `dir` up to the git work tree's top (exclusive of dir). */
async function ancestorLayers(dir: string): Promise<IgnoreLayer[]> {
  const chain: string[] = [];
  let cur = path.dirname(dir);
  let probe = dir;
  // Only when `dir` is inside a git work tree: walk up to the directory holding `.git`.
  while (!existsSync(path.join(probe, '.git'))) {
    const parent = path.dirname(probe);
    if (parent === probe) return [];
    probe = parent;
  }
  if (probe === dir) return [];
  while (true) {
    chain.unshift(cur);
    if (cur === probe) break;
    cur = path.dirname(cur);
  }
  const layers: IgnoreLayer[] = [];
  for (const d of chain) {
    const l = await loadIgnore(d);
    if (l) layers.push(l);
  }
  return layers;
}

/**
 * git with the scanned repository's own configuration disarmed: `.git/config` travels with an
 * archive of a repository, and `core.fsmonitor` there is a command git runs on `ls-files`. Command-line
 * `-c` settings win over it; no system config, no prompts, no optional index writes.
 */
const GIT_SAFE = ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '-c', 'core.untrackedCache=false', '-c', 'protocol.allow=never'];
const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_NO_LAZY_FETCH: '1' };

async function gitTrackedFiles(dir: string): Promise<Set<string> | undefined> {
  try {
    const opts = { maxBuffer: 256 * 1024 * 1024, timeout: 60_000, env: GIT_ENV };
    const [{ stdout }, { stdout: top }] = await Promise.all([
      execFileP('git', [...GIT_SAFE, '-C', dir, 'ls-files', '-z', '--full-name'], opts),
      execFileP('git', [...GIT_SAFE, '-C', dir, 'rev-parse', '--show-toplevel'], opts),
    ]);
    const topDir = top.trim();
    const set = new Set<string>();
    for (const p of stdout.split('\0')) if (p) set.add(path.join(topDir, p));
    return set;
  } catch {
    return undefined;
  }
}

function isEnvFileName(lowerBase: string): boolean {
  return lowerBase === '.env' || lowerBase.startsWith('.env.') || lowerBase.endsWith('.env') || lowerBase === '.flaskenv';
}

/** What the last discovery in this process read (tests and benchmarks: a warm scan reads nothing). */
export interface DiscoveryStats {
  /** Files whose content was read. */
  read: number;
  /** Files the file index knew unchanged (not read). */
  unchanged: number;
}

let lastStats: DiscoveryStats = { read: 0, unchanged: 0 };

export function lastDiscoveryStats(): DiscoveryStats {
  return { ...lastStats };
}

/**
 * Walks the given paths (files or directories) and reads every text file honban knows.
 * Honours .gitignore (plus `.env*` files, which are read even when ignored: they are what a server
 * or an image build picks up), skips VCS / dependency / virtualenv directories and binary file types.
 * Everything else it could not read is listed in `skipped` with the reason — unreadable, larger than
 * 1 MiB, binary (NUL bytes in a file of no known kind), undecodable, a symbolic link that leaves the
 * scanned tree, a special file (FIFO, device, socket) — never dropped silently. An explicitly named
 * file that cannot be read is a user error (exit 2).
 */
export async function discover(paths: string[], opts: DiscoverOptions = {}): Promise<Discovered> {
  const stats: DiscoveryStats = (lastStats = { read: 0, unchanged: 0 });
  const absPaths = paths.map((p) => path.resolve(p));
  for (const abs of absPaths) {
    if (!existsSync(abs)) throw new UserError(L(`cannot read ${path.relative(process.cwd(), abs) || abs}: no such file or directory`, `${path.relative(process.cwd(), abs) || abs} を読めません: ファイルもディレクトリもありません`));
  }
  let root: string;
  if (absPaths.length === 1 && statSync(absPaths[0]!).isDirectory()) root = absPaths[0]!;
  else root = process.cwd();

  const userIgnore = gitignore().add(opts.ignore ?? []);
  const files: SourceFile[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  const trackedCache = new Map<string, Set<string> | undefined>();
  // Real paths of the scanned directories: a symbolic link is followed only when it stays inside one.
  const realRoots: string[] = [];

  const tracked = async (dir: string) => {
    if (!trackedCache.has(dir)) trackedCache.set(dir, await gitTrackedFiles(dir));
    return trackedCache.get(dir);
  };

  // Inside the root (nearly every file): a slice, not path.relative (a tenth of a warm scan).
  const relOf = (abs: string) => {
    const inside = below(root, abs);
    if (inside) return inside;
    const r = path.relative(root, abs).split(path.sep).join('/');
    return r === '' ? path.basename(abs) : r;
  };
  // An explicit target is named as the user wrote it; anything else relative to the working directory.
  const given = new Map(absPaths.map((a, i) => [a, paths[i]!]));
  const display = (abs: string) => {
    const g = given.get(abs);
    if (g !== undefined) return g;
    const rel = path.relative(process.cwd(), abs);
    return rel && !rel.startsWith('..') ? rel : abs;
  };

  const insideRoots = (real: string) => realRoots.some((r) => real === r || real.startsWith(r.endsWith(path.sep) ? r : r + path.sep));

  /** Is this path (not) to be looked at at all: ignored by honban.yml, .gitignore, a lock or binary type. */
  const excluded = (abs: string, layers: IgnoreLayer[], trackedSet: Set<string> | undefined, explicit: boolean, rel = relOf(abs)): { gitIgnored: boolean; isTracked?: boolean } | undefined => {
    const base = path.basename(abs);
    const lower = base.toLowerCase();
    if (!explicit && SKIP_FILES.has(base)) return undefined;
    if (!explicit && rel && !rel.startsWith('..') && userIgnore.ignores(rel)) return undefined;
    const matched = isIgnored(layers, abs, false);
    const isTracked = trackedSet ? trackedSet.has(abs) : undefined;
    const gitIgnored = matched && !isTracked;
    if (gitIgnored && !explicit && !isEnvFileName(lower)) return undefined;
    if (isBinaryExt(lower)) return undefined;
    return { gitIgnored, isTracked };
  };

  const addFile = async (abs: string, layers: IgnoreLayer[], trackedSet: Set<string> | undefined, explicit: boolean) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    const rel = relOf(abs);
    const ok = excluded(abs, layers, trackedSet, explicit, rel);
    if (!ok) {
      if (explicit) skipped.push({ path: rel, reason: 'binary', detail: 'a binary file type' });
      return;
    }
    if (opts.index) {
      let st: Stats | undefined;
      try {
        st = statSync(abs);
      } catch {
        // read below, which says why
      }
      const hit = st && st.isFile() && st.size <= MAX_FILE_BYTES ? opts.index.lookup(abs, st) : undefined;
      if (hit) {
        stats.unchanged++;
        files.push(
          unreadFile(abs, {
            path: rel,
            absPath: abs,
            kind: hit.kind as FileKind,
            environment: classifyEnvironment(rel, opts.customEnvs, opts.environments),
            gitIgnored: ok.gitIgnored,
            gitTracked: ok.isTracked,
            mode: st!.mode & 0o777,
            hash: hit.hash,
            size: st!.size,
          }, { keep: false }),
        );
        return;
      }
    }
    const readAt = Date.now();
    stats.read++;
    // Synchronous: the walk reads one file at a time anyway, and a cached file costs four thread-pool
    // round trips asynchronously (open, fstat, read, close) — 0.4 s of waiting on 2,000 files.
    // The text is decoded only when the kind or the cache needs it.
    const r = readFileLazily(abs, { maxBytes: MAX_FILE_BYTES });
    if (!r.ok) {
      if (explicit) throw new UserError(readFailure(display(abs), r));
      skipped.push({ path: rel, reason: r.reason, detail: r.detail });
      return;
    }
    // NUL bytes: binary, unless the name says it is a kind honban parses (then one stray NUL must
    // not hide `DEBUG=True`: the file is read as text).
    const byName = classifyKind(rel);
    if (r.nul && (!byName || byName === 'text') && r.encoding === 'utf-8') {
      const text = r.text.all();
      const at = text.indexOf('\u0000');
      skipped.push({ path: rel, reason: 'binary', detail: `NUL byte at offset ${Buffer.byteLength(text.slice(0, at))}` });
      return;
    }
    const kind = classifyKind(rel, r.text);
    if (!kind) return;
    // Not kept: whoever needs the text reads it again (a worker, a finding's line). With a cache, the
    // hash keys its entries and says whether a worker still reads what discovery saw.
    const hash = opts.index ? hashContent(r.text.all()) : undefined;
    files.push(
      unreadFile(abs, {
        path: rel,
        absPath: abs,
        kind,
        environment: classifyEnvironment(rel, opts.customEnvs, opts.environments),
        gitIgnored: ok.gitIgnored,
        gitTracked: ok.isTracked,
        mode: r.mode,
        ...(hash ? { hash } : {}),
        size: r.size,
      }, { keep: false }),
    );
    if (hash) opts.index!.record(abs, { size: r.size, mtimeMs: r.mtimeMs, ctimeMs: r.ctimeMs, ino: r.ino, hash, kind, at: readAt });
  };

  /** A symbolic link met while walking: followed when it stays inside the scanned tree and is a file. */
  const addLink = async (abs: string, layers: IgnoreLayer[], trackedSet: Set<string> | undefined) => {
    if (!excluded(abs, layers, trackedSet, false)) return;
    let real: string;
    try {
      real = realpathSync(abs);
    } catch (e) {
      skipped.push({ path: relOf(abs), reason: 'symlink', detail: `broken symbolic link (${errnoText(e)})` });
      return;
    }
    if (!insideRoots(real)) {
      skipped.push({ path: relOf(abs), reason: 'symlink', detail: 'symbolic link to a path outside the scanned directory (not followed)' });
      return;
    }
    let st;
    try {
      st = statSync(real);
    } catch (e) {
      skipped.push({ path: relOf(abs), reason: 'unreadable', detail: errnoText(e) });
      return;
    }
    if (st.isDirectory()) return; // its target is walked where it is (no loops through links)
    if (!st.isFile()) {
      skipped.push({ path: relOf(abs), reason: 'special-file', detail: `symbolic link to a ${fileTypeOf(st)}` });
      return;
    }
    await addFile(abs, layers, trackedSet, false);
  };

  const walk = async (dir: string, layers: IgnoreLayer[], trackedSet: Set<string> | undefined) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      skipped.push({ path: relOf(dir) + '/', reason: 'unreadable', detail: `directory: ${errnoText(e)}` });
      return;
    }
    // Only a directory that lists a .gitignore has one to read.
    const own = entries.some((e) => e.name === '.gitignore') ? await loadIgnore(dir) : undefined;
    const here = own ? [...layers, own] : layers;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const ent of entries) {
      const abs = path.join(dir, ent.name);
      if (ent.isDirectory()) {
        if (SKIP_DIRS.has(ent.name)) continue;
        if (existsSync(path.join(abs, 'pyvenv.cfg'))) continue; // a virtualenv under any name
        const rel = relOf(abs);
        if (userIgnore.ignores(rel + '/')) continue;
        if (isIgnored(here, abs, true)) continue;
        await walk(abs, here, trackedSet);
      } else if (ent.isFile()) {
        await addFile(abs, here, trackedSet, false);
      } else if (ent.isSymbolicLink()) {
        await addLink(abs, here, trackedSet);
      } else if (excluded(abs, here, trackedSet, false)) {
        let type = 'special file';
        try {
          type = fileTypeOf(lstatSync(abs));
        } catch {
          // listed all the same
        }
        skipped.push({ path: relOf(abs), reason: 'special-file', detail: type });
      }
    }
  };

  for (const abs of absPaths) {
    let st;
    try {
      st = statSync(abs);
    } catch {
      throw new UserError(L(`cannot read ${display(abs)}: no such file or directory`, `${display(abs)} を読めません: ファイルもディレクトリもありません`));
    }
    if (st.isDirectory()) {
      try {
        realRoots.push(realpathSync(abs));
      } catch (e) {
        throw new UserError(L(`cannot read ${display(abs)}: ${errnoText(e)}`, `${display(abs)} を読めません: ${detailText(errnoText(e), 'ja')}`));
      }
    }
  }
  for (const abs of absPaths) {
    const st = statSync(abs);
    const trackedSet = await tracked(st.isDirectory() ? abs : path.dirname(abs));
    if (st.isDirectory()) {
      // An explicitly named directory is scanned even when an enclosing .gitignore ignores it; one
      // that cannot be listed is an unreadable target (exit 2).
      try {
        readdirSync(abs);
      } catch (e) {
        throw new UserError(L(`cannot read ${display(abs)}: ${errnoText(e)}`, `${display(abs)} を読めません: ${detailText(errnoText(e), 'ja')}`));
      }
      const layers = await ancestorLayers(abs);
      await walk(abs, isIgnored(layers, abs, true) ? [] : layers, trackedSet);
    } else {
      const layers = await ancestorLayers(path.dirname(abs));
      const own = await loadIgnore(path.dirname(abs));
      await addFile(abs, own ? [...layers, own] : layers, trackedSet, true);
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { root, files, skipped };
}
