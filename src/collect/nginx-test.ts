/**
 * Collector `nginxTest` (opt-in: `honban scan --nginx-test`): runs the real `nginx -t` on each
 * top-level nginx configuration of the repository, on a throw-away copy of its files, and records
 * the result as a fact; the rule nginx/config-test-failed judges it.
 *
 * The copy is rewritten in place — same lines, so nginx's `file:line` still points at the
 * repository file — so that it can be tested on a machine that is not the server:
 *
 * - `include`s point at the copies honban resolved (and, for files outside the repository, at the
 *   stock files of the local nginx install — mime.types, *_params, modules — or at an empty stub);
 * - `ssl_certificate` / `ssl_certificate_key` (and trusted / client certificates, `ssl_dhparam`,
 *   `ssl_session_ticket_key`) that do not exist here get throw-away files made with `openssl`;
 * - log, pid and temp paths go into the temporary directory; `user` becomes the current user when
 *   nginx runs as root (nginx ignores it otherwise);
 * - upstream host names (compose service names, internal DNS) become 127.0.0.1: nginx resolves
 *   them while loading, and they rarely resolve outside the deployment network.
 *
 * - no code from the repository ever runs: `load_module` is kept only for a shared object of this
 *   machine's own nginx (under its `--modules-path` or `<prefix>/modules`, after resolving links),
 *   other `load_module`s are removed; directives that run code while nginx loads (Perl, njs, Lua)
 *   are removed; stock files taken from the local install must really be under its configuration
 *   directories; the distribution's `modules-enabled/*.conf` is read here and its modules loaded by
 *   absolute path (they name them relative to nginx's own prefix, not the temporary one).
 *
 * Every substitution is listed in the result's `notes`, so the output says what was not tested.
 */
import { execFile } from 'node:child_process';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { NginxDirective } from '../facts/nginx/types.js';
import type { NginxConfig } from '../facts/nginx/types.js';
import { walk } from '../facts/nginx/query.js';
import { isGlob } from './nginx/resolve.js';
import type { NginxTestResult, NginxTestMessage } from '../facts/nginx-test.js';
import type { CollectContext, Collector } from '../contracts/collector.js';
import nginxCollector from './nginx.js';
import { parseNginx } from './nginx/parse.js';
import { globMatcher } from '../lib/glob.js';
import { readUserFileSync } from '../lib/read.js';

const execFileP = promisify(execFile);

/** The nginx binary of one run (looked up once; `undefined` after the missing binary was reported). */
const binaries = new WeakMap<CollectContext, { nginx?: string }>();

const collector: Collector<'nginxTest'> = {
  fact: 'nginxTest',
  kinds: ['nginx'],
  async collect(file, ctx) {
    const opt = ctx.tools?.nginxTest;
    if (!opt) return undefined;
    const cfg = await nginxCollector.collect(file, ctx);
    if (!cfg || Array.isArray(cfg)) return undefined;
    let found = binaries.get(ctx);
    if (!found) {
      const wanted = opt.binary;
      const nginx = wanted ? (existsSync(wanted) ? wanted : undefined) : findNginx();
      found = { nginx };
      binaries.set(ctx, found);
      if (!nginx) throw new Error(`--nginx-test: ${wanted ? `${wanted} does not exist` : 'nginx is not installed (not on PATH)'}; install it (e.g. apt-get install nginx) or run without --nginx-test`);
    }
    if (!found.nginx) return undefined;
    try {
      return await testNginxConfig(cfg, { nginx: found.nginx });
    } catch (e) {
      throw new Error(`--nginx-test: cannot test ${cfg.file}: ${(e as Error).message}`);
    }
  },
};
export default collector;

/** The nginx binary on PATH (or in the usual sbin directories), or undefined. */
export function findNginx(): string | undefined {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/sbin', '/usr/local/sbin', '/usr/local/nginx/sbin', '/sbin']);
  for (const d of dirs) {
    if (!d) continue;
    const p = path.join(d, 'nginx');
    if (existsSync(p)) return p;
  }
  return undefined;
}

function findOpenssl(): string | undefined {
  for (const d of (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/bin', '/usr/local/bin'])) {
    if (d && existsSync(path.join(d, 'openssl'))) return path.join(d, 'openssl');
  }
  return undefined;
}

async function nginxVersion(nginx: string): Promise<[number, number, number] | undefined> {
  try {
    const { stderr, stdout } = await execFileP(nginx, ['-v'], { timeout: 10_000 });
    const m = /nginx\/(\d+)\.(\d+)\.(\d+)/.exec(stderr + stdout);
    return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
  } catch {
    return undefined;
  }
}

/** Where this machine's nginx keeps its own files (`nginx -V`): prefix and modules directory. */
interface NginxBuild {
  prefix: string;
  modulesPath: string;
  confDir: string;
}

const builds = new Map<string, Promise<NginxBuild>>();

function nginxBuild(nginx: string): Promise<NginxBuild> {
  let b = builds.get(nginx);
  if (!b) {
    b = (async () => {
      let text = '';
      try {
        const { stderr, stdout } = await execFileP(nginx, ['-V'], { timeout: 10_000 });
        text = stderr + stdout;
      } catch {
        // defaults below
      }
      const opt = (name: string) => new RegExp(`--${name}=(\\S+)`).exec(text)?.[1];
      const prefix = opt('prefix') ?? '/usr/local/nginx';
      const modulesPath = opt('modules-path') ?? path.join(prefix, 'modules');
      const confPath = opt('conf-path') ?? path.join(prefix, 'conf/nginx.conf');
      return { prefix, modulesPath, confDir: path.dirname(path.resolve(prefix, confPath)) };
    })();
    builds.set(nginx, b);
  }
  return b;
}

const real = (p: string): string | undefined => {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
};
const inside = (p: string, dir: string) => p === dir || p.startsWith(dir.endsWith('/') ? dir : dir + '/');

/**
 * A module of this machine's nginx: the real path of a regular file under its modules directory
 * (or `<prefix>/modules`), with a relative name resolved against nginx's own prefix. Anything else —
 * a path into the repository, /proc/self/cwd/…, /tmp — is not loaded.
 */
export function ownModule(arg: string, build: NginxBuild): string | undefined {
  const p = real(path.isAbsolute(arg) ? arg : path.resolve(build.prefix, arg));
  if (!p || !p.endsWith('.so')) return undefined;
  try {
    if (!statSync(p).isFile()) return undefined;
  } catch {
    return undefined;
  }
  const dirs = [build.modulesPath, path.join(build.prefix, 'modules')].map(real).filter((d): d is string => !!d);
  return dirs.some((d) => inside(p, d)) ? p : undefined;
}

/** Directives that run code while nginx loads its configuration (with the module present). */
const CODE_DIRECTIVES = /^(ssl_engine|perl|perl_modules|perl_require|perl_set|js_import|js_include|js_path|js_preload_object|js_set|lua_package_path|lua_package_cpath|[a-z_]+_by_lua(_file|_block)?)$/;

/** Base names of files every nginx install ships (safe to take from the local install). */
const STOCK = new Set(['mime.types', 'fastcgi_params', 'fastcgi.conf', 'scgi_params', 'uwsgi_params', 'proxy_params', 'koi-utf', 'koi-win', 'win-utf', 'fastcgi-php.conf', 'snakeoil.conf']);
const HOST_PREFIXES = ['/etc/nginx', '/usr/local/etc/nginx', '/usr/local/nginx/conf'];
const LOG_DIRECTIVES = new Set(['access_log', 'error_log']);
const TEMP_DIRECTIVES = new Set(['client_body_temp_path', 'proxy_temp_path', 'fastcgi_temp_path', 'uwsgi_temp_path', 'scgi_temp_path']);
const PASS_DIRECTIVES = new Set(['proxy_pass', 'uwsgi_pass', 'fastcgi_pass', 'scgi_pass', 'grpc_pass', 'memcached_pass']);
const IP = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\]|localhost)$/i;

interface Edit {
  offset: number;
  length: number;
  text: string;
}

const quote = (p: string) => `"${p.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Tests one configuration. `nginx` is the binary; throws only when the copy cannot be made. */
export async function testNginxConfig(cfg: NginxConfig, opts: { nginx: string; timeoutMs?: number }): Promise<NginxTestResult> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'honban-nginx-'));
  try {
    return await run(cfg, opts, tmp);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function run(cfg: NginxConfig, opts: { nginx: string; timeoutMs?: number }, tmp: string): Promise<NginxTestResult> {
  const root = path.join(tmp, 'root');
  const logs = path.join(tmp, 'logs');
  const gen = path.join(tmp, 'generated');
  await mkdir(root, { recursive: true });
  await mkdir(logs, { recursive: true });
  await mkdir(gen, { recursive: true });
  const notes: string[] = [];
  const note = (s: string) => {
    if (!notes.includes(s)) notes.push(s);
  };
  const missingCerts: string[] = [];
  const stubbed: string[] = [];
  const hosts: string[] = [];
  const edits = new Map<string, Map<number, Edit>>();
  const edit = (d: NginxDirective, argIndex: number, text: string) => {
    const w = d.words[argIndex + 1];
    if (!w) return;
    if (!edits.has(d.file)) edits.set(d.file, new Map());
    edits.get(d.file)!.set(w.offset, { offset: w.offset, length: w.raw.length, text });
  };
  // Removes a whole directive (name … ;), keeping its newlines so that line numbers stay.
  const sourceOf = new Map(cfg.sources.map((x) => [x.path, x.content]));
  const remove = (d: NginxDirective): boolean => {
    const text = sourceOf.get(d.file);
    const first = d.words[0];
    const last = d.words[d.words.length - 1];
    if (text === undefined || !first || !last || d.block) return false;
    let end = last.offset + last.raw.length;
    while (end < text.length && (text[end] === ' ' || text[end] === '\t' || text[end] === '\r' || text[end] === '\n')) end++;
    if (text[end] !== ';') return false;
    end++;
    if (!edits.has(d.file)) edits.set(d.file, new Map());
    const m = edits.get(d.file)!;
    for (const w of d.words) m.delete(w.offset);
    m.set(first.offset, { offset: first.offset, length: end - first.offset, text: text.slice(first.offset, end).replace(/[^\n]/g, '') });
    return true;
  };
  const build = await nginxBuild(opts.nginx);
  // Configuration directories of this machine's nginx: the only places stock files are taken from.
  const hostDirs = [...new Set([build.confDir, ...HOST_PREFIXES].map(real).filter((d): d is string => !!d))];
  const hostFile = (p: string) => {
    const r = real(p);
    return !!r && hostDirs.some((d) => inside(r, d));
  };
  const refused: string[] = [];
  let codeBlock: string | undefined;
  const copyPath = (repoPath: string) => path.join(root, ...repoPath.split('/'));
  let counter = 0;
  const fresh = (ext: string) => path.join(gen, `${++counter}${ext}`);

  // Upstream names defined in the configuration (proxy_pass http://backend needs no DNS).
  const upstreams = new Set<string>();
  walk(cfg.directives, (d) => {
    if (d.name === 'upstream' && d.args[0]) upstreams.add(d.args[0].toLowerCase());
  });

  // Throw-away TLS material, made on first need.
  const openssl = findOpenssl();
  let pair: { cert: string; key: string } | undefined | null;
  const certPair = async () => {
    if (pair !== undefined) return pair;
    if (!openssl) {
      note('openssl is not installed: missing certificates could not be replaced, so nginx -t reports them');
      return (pair = null);
    }
    const cert = path.join(gen, 'throwaway-cert.pem');
    const key = path.join(gen, 'throwaway-key.pem');
    try {
      await execFileP(openssl, ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=honban-nginx-test'], { timeout: 20_000 });
      return (pair = { cert, key });
    } catch (e) {
      note(`openssl could not make a throw-away certificate: ${(e as Error).message.split('\n')[0]}`);
      return (pair = null);
    }
  };
  const dhparam = async () => {
    const out = fresh('.dh.pem');
    try {
      await execFileP(openssl!, ['genpkey', '-genparam', '-algorithm', 'DH', '-pkeyopt', 'group:ffdhe2048', '-out', out], { timeout: 20_000 });
    } catch {
      await execFileP(openssl!, ['dhparam', '-dsaparam', '-out', out, '1024'], { timeout: 60_000 });
    }
    return out;
  };
  const exists = (p: string) => p.startsWith('/') && existsSync(p);

  // Collect the edits.
  const certLevels: { level: NginxDirective[] }[] = [];
  const pending: Promise<void>[] = [];
  walk(cfg.directives, (d, chain) => {
    const a0 = d.args[0];
    if (d.name === 'include' && a0) {
      if (d.included?.length) {
        // One generated file that includes the copies honban resolved, in order.
        const inc = fresh('.include.conf');
        const body = d.included.map((f) => `include ${quote(copyPath(f))};\n`).join('');
        pending.push(writeFile(inc, body));
        edit(d, 0, quote(inc));
      } else {
        const base = a0.slice(a0.lastIndexOf('/') + 1);
        const modules = /modules-enabled\//.test(a0);
        const stockish = STOCK.has(base) || modules;
        const hostPath = a0.startsWith('/') ? a0 : HOST_PREFIXES.map((p) => `${p}/${a0}`).find((p) => (isGlob(p) ? existsSync(path.dirname(p)) : existsSync(p)));
        const onHost = !!hostPath && (isGlob(hostPath) ? hostFile(path.dirname(hostPath)) : hostFile(hostPath));
        if (stockish && hostPath && onHost && modules) {
          // The distribution's enabled modules: loaded by absolute path, only if they are nginx's own.
          const inc = fresh('.modules.conf');
          pending.push(hostModules(hostPath, build).then(async (r) => {
            await writeFile(inc, r.lines.join(''));
            for (const x of r.refused) if (!refused.includes(x)) refused.push(x);
          }));
          edit(d, 0, quote(inc));
        } else if (stockish && hostPath && onHost) {
          if (hostPath !== a0) edit(d, 0, quote(hostPath));
        } else {
          const stub = fresh('.stub.conf');
          pending.push(writeFile(stub, ''));
          edit(d, 0, quote(stub));
          if (!isGlob(a0) && !stubbed.includes(a0)) stubbed.push(a0);
        }
      }
      return;
    }
    if ((d.name === 'ssl_certificate' || d.name === 'ssl_certificate_key') && a0 && !a0.includes('$')) {
      const level = chain[chain.length - 1]!.directives;
      if (!certLevels.some((l) => l.level === level)) certLevels.push({ level });
      return;
    }
    if ((d.name === 'ssl_trusted_certificate' || d.name === 'ssl_client_certificate') && a0 && !exists(a0)) {
      pending.push(
        certPair().then((p) => {
          if (p) {
            edit(d, 0, quote(p.cert));
            if (!missingCerts.includes(a0)) missingCerts.push(a0);
          }
        }),
      );
      return;
    }
    if (d.name === 'ssl_dhparam' && a0 && !exists(a0) && openssl) {
      pending.push(
        dhparam().then((p) => {
          edit(d, 0, quote(p));
          note(`ssl_dhparam ${a0} does not exist here: tested with generated ffdhe2048 parameters`);
        }),
      );
      return;
    }
    if (d.name === 'ssl_session_ticket_key' && a0 && !exists(a0)) {
      const p = fresh('.ticket.key');
      pending.push(writeFile(p, Buffer.alloc(80, 7)));
      edit(d, 0, quote(p));
      note(`ssl_session_ticket_key ${a0} does not exist here: tested with a throw-away key file`);
      return;
    }
    if (LOG_DIRECTIVES.has(d.name) && a0 && a0 !== 'off' && a0 !== 'stderr' && !a0.startsWith('syslog:') && !a0.startsWith('memory:') && !a0.includes('$')) {
      edit(d, 0, quote(path.join(logs, `${++counter}.log`)));
      return;
    }
    if (d.name === 'pid' && a0) {
      edit(d, 0, quote(path.join(tmp, 'nginx.pid')));
      return;
    }
    if (TEMP_DIRECTIVES.has(d.name) && a0) {
      edit(d, 0, quote(path.join(tmp, 'temp', `${++counter}`)));
      return;
    }
    if (d.name === 'user' && a0 && process.getuid?.() === 0) {
      edit(d, 0, 'root');
      if (d.args[1]) edit(d, 1, 'root');
      return;
    }
    if (d.name === 'load_module') {
      const own = a0 ? ownModule(a0, build) : undefined;
      if (own) edit(d, 0, quote(own));
      else {
        if (!remove(d)) codeBlock ??= `load_module ${a0 ?? ''}`;
        if (a0 && !refused.includes(a0)) refused.push(a0);
      }
      return;
    }
    if (CODE_DIRECTIVES.test(d.name)) {
      // Code the repository would run inside nginx while it loads: never run here.
      if (!remove(d)) codeBlock ??= d.name;
      else note(`${d.name} removed: honban never runs code from the repository (Perl, njs and Lua are not tested)`);
      return;
    }
    // Host names nginx would resolve while loading.
    const owner = chain[chain.length - 1]!.owner;
    if (d.name === 'server' && owner?.name === 'upstream' && a0) {
      const m = /^([^:/\s]+)(:\d+)?$/.exec(a0);
      if (m && !IP.test(m[1]!)) {
        edit(d, 0, `127.0.0.1${m[2] ?? ''}`);
        if (!hosts.includes(m[1]!)) hosts.push(m[1]!);
      }
      return;
    }
    if (PASS_DIRECTIVES.has(d.name) && a0 && !a0.includes('$')) {
      const m = /^([a-z]+:\/\/)?([^:/\s]+)(:\d+)?(\/.*)?$/i.exec(a0);
      if (m && !IP.test(m[2]!) && !upstreams.has(m[2]!.toLowerCase()) && !a0.startsWith('unix:')) {
        edit(d, 0, `${m[1] ?? ''}127.0.0.1${m[3] ?? ''}${m[4] ?? ''}`);
        if (!hosts.includes(m[2]!)) hosts.push(m[2]!);
      }
    }
  });
  // Certificates: a level whose certificate or key is missing gets a consistent throw-away pair.
  for (const { level } of certLevels) {
    const certs = level.filter((d) => d.name === 'ssl_certificate' && d.args[0] && !d.args[0].includes('$'));
    const keys = level.filter((d) => d.name === 'ssl_certificate_key' && d.args[0] && !d.args[0].includes('$'));
    const missing = [...certs, ...keys].filter((d) => !exists(d.args[0]!));
    if (!missing.length) continue;
    const p = await certPair();
    if (!p) break;
    for (const d of certs) edit(d, 0, quote(p.cert));
    for (const d of keys) edit(d, 0, quote(p.key));
    for (const d of missing) if (!missingCerts.includes(d.args[0]!)) missingCerts.push(d.args[0]!);
  }
  await Promise.all(pending);
  if (missingCerts.length) note(`generated a throw-away self-signed certificate with openssl for ${missingCerts.length === 1 ? 'the missing file' : 'the missing files'} ${missingCerts.join(', ')}`);
  if (stubbed.length) note(`included ${stubbed.length === 1 ? 'file' : 'files'} outside the repository tested as empty: ${stubbed.join(', ')}`);
  if (refused.length) note(`load_module ${refused.join(', ')} removed: not a module of this machine's nginx (honban never loads code from the repository)`);
  if (codeBlock) {
    // A code block that cannot be cut out line for line: nginx is not run at all.
    return { file: cfg.file, environment: cfg.environment, ok: true, messages: [], notes: [...notes, `not tested: ${codeBlock} would run code from the repository while nginx loads`], command: '' };
  }
  if (hosts.length) note(`upstream ${hosts.length === 1 ? 'host' : 'hosts'} ${hosts.join(', ')} replaced with 127.0.0.1 (resolvable only in the deployment network)`);

  // Write the copy.
  for (const src of cfg.sources) {
    let text = src.content;
    const es = [...(edits.get(src.path)?.values() ?? [])].sort((a, b) => b.offset - a.offset);
    for (const e of es) text = text.slice(0, e.offset) + e.text + text.slice(e.offset + e.length);
    const dest = copyPath(src.path);
    await mkdir(path.dirname(dest), { recursive: true });
    await writeFile(dest, text);
  }

  // A fragment (conf.d, sites-enabled) is tested inside a minimal main configuration.
  let main = copyPath(cfg.file);
  if (cfg.context !== 'main') {
    // In the configuration prefix, as the distribution's nginx.conf would be.
    main = path.join(root, ...(cfg.confPrefix ? cfg.confPrefix.split('/') : []), '.honban-nginx-test.conf');
    await mkdir(path.dirname(main), { recursive: true });
    const inner = cfg.context === 'server' ? `server {\n        listen 127.0.0.1:65080;\n        include ${quote(copyPath(cfg.file))};\n    }` : `include ${quote(copyPath(cfg.file))};`;
    await writeFile(main, `pid ${quote(path.join(tmp, 'nginx.pid'))};\nerror_log ${quote(path.join(logs, 'error.log'))};\nevents {}\nhttp {\n    access_log off;\n    ${inner}\n}\n`);
  }
  const args = ['-t', '-p', tmp + '/', '-c', main];
  const version = await nginxVersion(opts.nginx);
  if (version && (version[0] > 1 || (version[0] === 1 && (version[1] > 19 || (version[1] === 19 && version[2] >= 5))))) args.push('-e', path.join(logs, 'startup.log'));
  let output = '';
  let ok = false;
  try {
    const r = await execFileP(opts.nginx, args, { timeout: opts.timeoutMs ?? 30_000, maxBuffer: 4 * 1024 * 1024 });
    output = r.stderr + r.stdout;
    ok = true;
  } catch (e) {
    const err = e as { stderr?: string; stdout?: string; killed?: boolean; message: string };
    output = (err.stderr ?? '') + (err.stdout ?? '') || err.message;
    if (err.killed) output += '\nnginx -t timed out';
  }
  const toRepo = (p: string): string | undefined => {
    if (p.startsWith(root + path.sep)) return p.slice(root.length + 1).split(path.sep).join('/');
    if (p === main) return cfg.file;
    return undefined;
  };
  const messages: NginxTestMessage[] = [];
  for (const raw of output.split('\n')) {
    const m = /^nginx: \[(\w+)\] (.*)$/.exec(raw.trim());
    if (!m) continue;
    let text = m[2]!;
    let file: string | undefined;
    let line: number | undefined;
    const loc = / in (\/\S+):(\d+)$/.exec(text);
    if (loc) {
      file = toRepo(loc[1]!);
      line = file && loc[1] !== main ? Number(loc[2]) : file ? 1 : undefined;
      text = text.slice(0, loc.index);
    }
    // Never show the temporary paths.
    text = text.split(root + path.sep).join('').split(tmp + path.sep).join('<tmp>/');
    messages.push({ level: m[1]!, text, file, line });
  }
  const display = [opts.nginx, ...args].join(' ');
  return { file: cfg.file, environment: cfg.environment, ok, messages, notes, command: display };
}

/**
 * The `load_module` lines of the distribution's `modules-enabled/*.conf` (Debian, Ubuntu), each
 * resolved to this machine's nginx modules directory; anything else is left out and listed.
 */
async function hostModules(pattern: string, build: NginxBuild): Promise<{ lines: string[]; refused: string[] }> {
  const dir = path.dirname(pattern);
  const match = globMatcher(path.basename(pattern), { globstar: false, braces: false });
  const lines: string[] = [];
  const refusedList: string[] = [];
  let names: string[] = [];
  try {
    names = (await readdir(dir)).filter((n) => match.test(n)).sort();
  } catch {
    return { lines, refused: refusedList };
  }
  for (const n of names) {
    let text: string | undefined;
    try {
      text = readUserFileSync(path.join(dir, n), path.join(dir, n));
    } catch {
      text = undefined;
    }
    if (text === undefined) continue;
    let dirs: NginxDirective[] = [];
    try {
      dirs = parseNginx(text, n);
    } catch {
      continue;
    }
    for (const d of dirs) {
      if (d.name !== 'load_module' || !d.args[0]) continue;
      const own = ownModule(d.args[0], build);
      if (own) lines.push(`load_module ${quote(own)};\n`);
      else refusedList.push(d.args[0]);
    }
  }
  return { lines, refused: refusedList };
}
