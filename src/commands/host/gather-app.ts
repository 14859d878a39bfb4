/**
 * Gatherers for the application and its operations: local systemd units (the application's unit
 * configured or discovered), its EnvironmentFile, data and log directories, binds and gunicorn
 * workers; cron and systemd timers (health check, disk alert, certificate expiry and renewal,
 * backups and their retention); logrotate; the backup directory; certificates.
 */
import { X509Certificate } from 'node:crypto';
import { parseDotenv } from '../../collect/dotenv-parse.js';
import { optionValue } from '../../facts/commands.js';
import { parseShell, shellWords } from '../../lib/shell.js';
import { programIndex, type ShellCommand } from '../../facts/shell.js';
import { dropInNames, dropInRank, mergeDropIns, orderDropIns, parseUnit, splitWords, UNIT_DIRS, unitType } from '../../collect/systemd.js';
import { entries, setting } from '../../facts/systemd.js';
import type { HostApp, HostAppDir, HostBackup, HostBind, HostCertificate, HostEnvFile, HostLogrotate, HostNginxLog, HostOs, HostSchedule, HostTempCleanup, SchedulePurpose } from '../../facts/host.js';
import type { NginxConfig } from '../../facts/nginx/types.js';
import { walk } from '../../facts/nginx/query.js';
import type { Gathering, LocalUnit } from './gathering.js';
import { relPath } from './view.js';

/** Application servers an application's unit starts. */
const SERVERS = ['gunicorn', 'uvicorn', 'hypercorn', 'daphne', 'waitress-serve', 'uwsgi', 'puma', 'unicorn', 'passenger', 'pm2-runtime', 'node', 'bun', 'deno', 'rails', 'flask', 'php-fpm', 'java'];


const base = (w: string) => w.split('/').pop() ?? w;

/**
 * The drop-ins of `unit` in every unit directory — its own `<unit>.d/*.conf`, its template's, its
 * dash prefixes' (`app-.service.d/`) and the type-wide `service.d/` — in the order systemd applies
 * them (src/collect/systemd.ts dropInNames, dropInRank, orderDropIns). A drop-in linked to
 * /dev/null masks a same-named one of lower precedence: its content is empty.
 */
export function readDropIns(g: Gathering, unit: string): LocalUnit['dropIns'] {
  const found: { path: string; rank: number; content: string; mode?: number }[] = [];
  const names = [...dropInNames(unit), unitType(unit)];
  UNIT_DIRS.forEach((dir, dirRank) => {
    for (const name of names) {
      const d = `${dir}/${name}.d`;
      const rank = dropInRank(unit, name, dirRank);
      if (rank === undefined || !g.view.lstat(d)) continue;
      for (const e of g.list(d) ?? []) {
        if (!e.name.endsWith('.conf') || (e.type !== 'file' && e.type !== 'symlink')) continue;
        const p = `${d}/${e.name}`;
        if (e.type === 'symlink' && g.view.readlink(p) === '/dev/null') {
          found.push({ path: p, rank, content: '' });
          continue;
        }
        const r = g.read(p);
        if (r.text !== undefined) found.push({ path: p, rank, content: r.text, mode: g.view.stat(p)?.mode });
      }
    }
  });
  return orderDropIns(found).map(({ path, content, mode }) => ({ path, content, ...(mode !== undefined ? { mode } : {}) }));
}

/** Local units (etc/systemd/system), not the distribution's, not snapd's generated ones, not masks. */
export function localUnits(g: Gathering, suffix: '.service' | '.timer'): LocalUnit[] {
  const dir = 'etc/systemd/system';
  const out: LocalUnit[] = [];
  for (const e of g.list(dir) ?? []) {
    if (!e.name.endsWith(suffix) || e.name.startsWith('snap.') || e.name.startsWith('snap-')) continue;
    const p = `${dir}/${e.name}`;
    if (e.type === 'symlink') {
      const target = g.view.readlink(p) ?? '';
      // Aliases of distribution units and masks are not local units.
      if (target === '/dev/null' || /^\/(usr\/)?lib\/systemd\//.test(target)) continue;
    } else if (e.type !== 'file') continue;
    const r = g.read(p);
    if (r.text === undefined) continue;
    const dropIns = readDropIns(g, e.name);
    out.push({ name: e.name, file: p, text: r.text, sections: mergeDropIns(parseUnit(r.text), dropIns), mode: g.view.stat(p)?.mode, dropIns });
  }
  return out;
}

/** Distribution units too (for timers such as certbot.timer), local ones first. */
function allUnits(g: Gathering, suffix: '.timer'): LocalUnit[] {
  const out = localUnits(g, suffix);
  for (const dir of ['lib/systemd/system', 'usr/lib/systemd/system']) {
    for (const e of g.view.list(dir) ?? []) {
      if (!e.name.endsWith(suffix) || out.some((u) => u.name === e.name)) continue;
      const p = `${dir}/${e.name}`;
      const r = g.read(p);
      if (r.text !== undefined) {
        const dropIns = readDropIns(g, e.name);
        out.push({ name: e.name, file: p, text: r.text, sections: mergeDropIns(parseUnit(r.text), dropIns), dropIns });
      }
    }
  }
  return out;
}

function execWords(u: LocalUnit): { words: string[]; line: number; file: string } | undefined {
  const e = entries(u, 'Service', 'ExecStart')[0];
  if (!e) return undefined;
  const words = splitWords(e).map((w) => w.value);
  while (words[0] && /^[-@:+!]+$/.test(words[0])) words.shift();
  if (words[0]) words[0] = words[0].replace(/^[-@:+!]+/, '');
  return { words, line: e.line, file: e.file ?? u.file };
}

/** The server a command line starts (looking into a start script the unit runs, one level deep). */
function serverOf(g: Gathering, words: string[]): string | undefined {
  const names = words.map(base);
  for (const s of SERVERS) if (names.includes(s)) return s;
  if (names.includes('bundle') && names.includes('exec')) return names[names.indexOf('exec') + 1];
  const script = words.find((w) => w.startsWith('/') && /\.(sh|bash)$|run|start/i.test(base(w)));
  if (script) {
    const r = g.read(script, 256 * 1024);
    if (r.text) {
      for (const c of safeShell(r.text)) {
        const n = c.words.map((w) => base(w.value));
        for (const s of SERVERS) if (n.includes(s)) return s;
      }
    }
  }
  return undefined;
}

function safeShell(text: string): ShellCommand[] {
  try {
    return parseShell(text);
  } catch {
    return [];
  }
}

function ownedPath(g: Gathering, p: string): Omit<HostEnvFile, 'optional' | 'line' | 'column'> {
  const rel = relPath(p);
  const r = g.view.statOrWhy(rel);
  if (!r.stat) return { path: p, rel, exists: false, ...(r.error && r.error !== 'no such file' ? { error: r.error } : {}) };
  const st = r.stat;
  return { path: p, rel, exists: true, type: st.type, mode: st.mode, uid: st.uid, gid: st.gid, ...g.names(st.uid, st.gid) };
}

function parseBind(v: string, file: string, line: number): HostBind | undefined {
  const s = v.trim();
  if (!s) return undefined;
  if (s.startsWith('unix:')) return { host: 'unix', socket: s.slice(5), file, line };
  const m = /^\[?([^\]]*?)\]?:(\d+)$/.exec(s);
  if (m) return { host: m[1] || '0.0.0.0', port: Number(m[2]), file, line };
  if (/^\d+$/.test(s)) return { host: '0.0.0.0', port: Number(s), file, line };
  return { host: s, file, line };
}

/** The application's units: honban.yml host.appUnit, or every local service that starts an application server. */
export function gatherApps(g: Gathering, units: LocalUnit[]): void {
  const wanted = g.config.appUnit ? (g.config.appUnit.endsWith('.service') ? g.config.appUnit : `${g.config.appUnit}.service`) : undefined;
  let chosen: { unit: LocalUnit; server?: string; exec?: { words: string[]; line: number; file: string } }[] = [];
  if (wanted) {
    const u = units.find((x) => x.name === wanted);
    if (!u) {
      g.error(`host.appUnit ${wanted} was not found in etc/systemd/system`);
      g.ensure('hostApp');
      return;
    }
    const exec = execWords(u);
    chosen = [{ unit: u, exec, server: exec ? serverOf(g, exec.words) : undefined }];
  } else {
    for (const u of units) {
      const exec = execWords(u);
      if (!exec) continue;
      const server = serverOf(g, exec.words);
      if (server) chosen.push({ unit: u, server, exec });
    }
  }
  for (const { unit: u, server, exec } of chosen) {
    g.appUnits.push(u);
    const svc = u.sections.find((s) => s.name === 'Service');
    const get = (k: string) => setting(u, 'Service', k);
    /** The value and where it is written (a drop-in, or the unit file). */
    const pos = (k: string) => {
      const e = get(k);
      return e ? { value: e.value, line: e.line, ...(e.file ? { file: e.file } : {}) } : undefined;
    };
    const install = u.sections.filter((s) => s.name === 'Install');
    const installAt = [...install].reverse().find((s) => s.entries.some((e) => e.key === 'WantedBy' || e.key === 'RequiredBy')) ?? install[0];
    const user = get('User');
    const wd = get('WorkingDirectory')?.value.replace(/^[-!~]+/, '');
    const app: HostApp = {
      file: u.file,
      environment: g.environment,
      unit: u.name,
      configured: Boolean(wanted),
      ...(server ? { server } : {}),
      ...(exec ? { execLine: exec.line, ...(exec.file !== u.file ? { execFile: exec.file } : {}) } : {}),
      ...(user?.value ? { user: user.value } : {}),
      ...(get('Group')?.value ? { group: get('Group')!.value } : {}),
      serviceLine: svc?.line ?? 1,
      ...(pos('Type') ? { type: pos('Type')! } : {}),
      ...(pos('PIDFile')?.value ? { pidFile: pos('PIDFile')! } : {}),
      wantedBy: entries(u, 'Install', 'WantedBy').flatMap((e) => e.value.split(/\s+/)).filter(Boolean),
      ...(installAt ? { installLine: installAt.line, ...(installAt.file ? { installFile: installAt.file } : {}) } : {}),
      ...(u.dropIns.length ? { dropIns: u.dropIns.map((d) => d.path) } : {}),
      enabledBy: g.enabledLinks(u.name),
      environmentFiles: [],
      ...(wd && wd.startsWith('/') ? { workingDirectory: wd } : {}),
      dirs: [],
      binds: [],
    };
    const userName = app.user ?? g.config.serviceUser;
    // EnvironmentFile=: path, mode, owner (values never leave the host: the file is judged by env/* rules in place).
    const envValues = new Map<string, { value: string; file: string; line: number }>();
    for (const e of entries(u, 'Service', 'EnvironmentFile')) {
      const optional = e.value.startsWith('-');
      const p = (optional ? e.value.slice(1) : e.value).trim();
      const f: HostEnvFile = { ...ownedPath(g, p), optional, line: e.line, column: e.valueColumn, ...(e.file ? { unitFile: e.file } : {}) };
      app.environmentFiles.push(f);
      if (f.exists && f.type === 'file') {
        const r = g.read(f.rel);
        if (r.text !== undefined) {
          g.addSource(f.rel, 'dotenv', r.text, f.mode);
          for (const en of parseDotenv(r.text).entries) envValues.set(en.key, { value: en.value, file: f.rel, line: en.line });
        }
      }
    }
    for (const e of entries(u, 'Service', 'Environment')) {
      for (const w of splitWords(e)) {
        const eq = w.value.indexOf('=');
        if (eq > 0) envValues.set(w.value.slice(0, eq), { value: w.value.slice(eq + 1), file: e.file ?? u.file, line: w.line });
      }
    }
    // Binds and workers: command line first, then the variables the start script reads.
    if (exec) {
      const bind = optionValue(exec.words, ['-b', '--bind']);
      if (bind) {
        const b = parseBind(bind.value, exec.file, exec.line);
        if (b) app.binds.push(b);
      }
      const w = optionValue(exec.words, ['-w', '--workers']);
      if (w) app.workers = /^\d+$/.test(w.value) ? { value: Number(w.value), file: exec.file, line: exec.line } : { file: exec.file, line: exec.line, external: w.value };
      const t = optionValue(exec.words, ['--threads']);
      if (t && /^\d+$/.test(t.value)) app.threads = { value: Number(t.value), file: exec.file, line: exec.line };
      for (const [opt, purpose] of [[['--access-logfile'], 'log'], [['--error-logfile', '--log-file'], 'log']] as const) {
        const v = optionValue(exec.words, [...opt]);
        if (v && v.value.startsWith('/')) app.dirs.push({ ...ownedPath(g, v.value.replace(/\/[^/]*$/, '') || '/'), purpose, from: opt[0]!, file: exec.file, line: exec.line });
      }
    }
    for (const [k, v] of envValues) {
      if (/(^|_)BIND$/.test(k) && !app.binds.length) {
        const b = parseBind(v.value, v.file, v.line);
        if (b) app.binds.push(b);
      }
      if ((/GUNICORN_WORKERS$/.test(k) || k === 'WEB_CONCURRENCY' || k === 'WORKERS') && !app.workers && /^\d+$/.test(v.value.trim())) app.workers = { value: Number(v.value.trim()), file: v.file, line: v.line };
      if (/GUNICORN_THREADS$/.test(k) && !app.threads && /^\d+$/.test(v.value.trim())) app.threads = { value: Number(v.value.trim()), file: v.file, line: v.line };
      if (/_(LOG|DATA)_DIR$/.test(k) && v.value.startsWith('/') && !/(^|_)(TMP|TEMP|UPLOAD)/.test(k)) app.dirs.push({ ...ownedPath(g, v.value), purpose: k.endsWith('_LOG_DIR') ? 'log' : 'data', from: k, file: v.file, line: v.line });
    }
    // Temporary files and uploads (S3.13): where the application writes files it should clean up.
    const temp: HostAppDir[] = [];
    const addTemp = (p: string, from: string, file: string, line: number) => {
      const clean = p.replace(/\/+$/, '') || '/';
      if (!clean.startsWith('/') || clean.includes('$') || clean.includes('%') || clean === '/tmp' || clean === '/var/tmp' || clean.startsWith('/dev/shm') || clean.startsWith('/run/')) return;
      if (!temp.some((d) => d.path === clean)) temp.push({ ...ownedPath(g, clean), purpose: 'temp', from, file, line });
    };
    for (const [k, v] of envValues) if (/(^|_)(TMP|TEMP|TMPDIR|UPLOAD|UPLOADS)(_(DIR|FOLDER|PATH|ROOT))?$/.test(k) || k === 'UPLOAD_FOLDER' || k === 'MEDIA_TMP') addTemp(v.value.trim(), k, v.file, v.line);
    if (exec) {
      const wt = optionValue(exec.words, ['--worker-tmp-dir']);
      if (wt) addTemp(wt.value, '--worker-tmp-dir', exec.file, exec.line);
    }
    for (const p of g.config.tempDirs ?? []) addTemp(p, 'honban.yml', g.configFile, 1);
    if (temp.length) app.tempDirs = temp;
    const privateTmp = get('PrivateTmp');
    if (privateTmp && /^(yes|true|on|1|disconnected)$/i.test(privateTmp.value)) app.privateTmp = true;
    // ReadWritePaths= are where the sandboxed service writes.
    for (const e of entries(u, 'Service', 'ReadWritePaths')) {
      for (const w of splitWords(e)) {
        const p = w.value.replace(/^[-+]+/, '');
        if (p.startsWith('/')) app.dirs.push({ ...ownedPath(g, p), purpose: /\/log(s)?(\/|$)/.test(p) ? 'log' : 'data', from: 'ReadWritePaths=', file: e.file ?? u.file, line: w.line });
      }
    }
    for (const [list, purpose] of [[g.config.dataDirs, 'data'], [g.config.logDirs, 'log']] as const) {
      for (const p of list ?? []) if (!app.dirs.some((d) => d.path === p)) app.dirs.push({ ...ownedPath(g, p), purpose, from: 'honban.yml', file: g.configFile, line: 1 });
    }
    const seen = new Set<string>();
    app.dirs = app.dirs.filter((d: HostAppDir) => (seen.has(d.rel) ? false : (seen.add(d.rel), true)));
    if (!userName && !app.user) {
      /* no user: the unit runs as root (systemd/root-user says so) */
    }
    g.add('hostApp', app);
  }
  g.ensure('hostApp');
}

// ── schedules ─────────────────────────────────────────────────────────────────────────────────

const BACKUP_TOOLS = new Set(['pg_dump', 'pg_dumpall', 'pg_basebackup', 'mysqldump', 'mariadb-dump', 'mongodump', 'restic', 'borg', 'duplicity', 'rsnapshot', 'tar', 'rsync', 'rclone', 'sqlite3']);

interface Classified {
  purposes: Set<SchedulePurpose>;
  retentionDays?: number;
  retentionLine?: number;
  script?: string;
  dirs: string[];
}

/** What a command (and a script it runs, one level deep) does. */
function classify(g: Gathering, cmds: ShellCommand[], into: Classified, depth = 0): void {
  const vars = new Map<string, string>();
  for (const c of cmds) {
    for (const a of c.assignments) {
      const eq = a.value.indexOf('=');
      if (eq > 0) vars.set(a.value.slice(0, eq), a.value.slice(eq + 1));
    }
    const k = programIndex(c.words);
    const words = c.words.slice(k).map((w) => w.value);
    const prog = base(words[0] ?? '');
    const all = words.join(' ');
    if ((prog === 'curl' || prog === 'wget') && words.some((w) => /^https?:\/\//.test(w))) into.purposes.add('health');
    if (/health/i.test(prog) || words.some((w) => /health|ping|heartbeat/i.test(base(w)) && /^(\/|https?:)/.test(w))) into.purposes.add('health');
    if (prog === 'df' || /disk/i.test(prog)) into.purposes.add('disk');
    if (prog === 'certbot' || prog === 'letsencrypt') {
      if (words.includes('renew')) into.purposes.add('cert-renew');
      if (words.includes('certificates')) into.purposes.add('cert-expiry');
    }
    if (prog === 'acme.sh' && words.includes('--cron')) into.purposes.add('cert-renew');
    if ((prog === 'openssl' && words.some((w) => w === '-checkend' || w === '-enddate')) || prog === 'ssl-cert-check' || /cert.*(expir|check)/i.test(prog)) into.purposes.add('cert-expiry');
    if (BACKUP_TOOLS.has(prog) && (prog !== 'tar' || words.some((w) => /^-?[a-z]*c/.test(w))) || /backup/i.test(prog)) into.purposes.add('backup');
    if (prog === 'tmpreaper' || prog === 'tmpwatch') {
      into.purposes.add('cleanup');
      for (const w of words.slice(1)) if (w.startsWith('/')) into.dirs.push(w);
    }
    if (prog === 'find') {
      const mt = words.indexOf('-mtime');
      const n = mt >= 0 ? /^\+(\d+)$/.exec(words[mt + 1] ?? '') : null;
      if (n && (words.includes('-delete') || (words.includes('-exec') && /\brm\b/.test(all)))) {
        into.purposes.add('retention');
        into.retentionDays = Number(n[1]);
        into.retentionLine = c.line;
        const dir = words[1] ?? '';
        const resolved = dir.replace(/^\$\{?([A-Za-z_]\w*)\}?/, (_, v: string) => vars.get(v) ?? `$${v}`);
        if (resolved.startsWith('/')) into.dirs.push(resolved);
      }
    }
    // A script the line runs: read it once (bounded) and classify what it does.
    const script = words.find((w, i) => w.startsWith('/') && (i === 0 || ['sh', 'bash', 'dash'].includes(prog)));
    // Scripts of the distribution (/usr/lib, /usr/libexec, /bin …) are not the team's jobs: not read.
    if (script && depth === 0 && !into.script && !isSystemPath(script)) {
      const r = g.read(script, 256 * 1024);
      if (r.text !== undefined) {
        into.script = relPath(script);
        if (/backup/i.test(base(script))) into.purposes.add('backup');
        const inner = safeShell(r.text);
        for (const ic of inner) {
          for (const a of ic.assignments) {
            const eq = a.value.indexOf('=');
            const name = eq > 0 ? a.value.slice(0, eq) : '';
            const val = eq > 0 ? a.value.slice(eq + 1) : '';
            if (/BACKUP/i.test(name) && /DIR|PATH|DEST/i.test(name) && val.startsWith('/')) into.dirs.push(val);
          }
        }
        classify(g, inner, into, 1);
      }
    }
  }
}

/** Executables installed by packages (the team's own scripts live in /opt, /srv, /home, /usr/local, /etc …). */
function isSystemPath(p: string): boolean {
  return /^\/(usr\/(?!local\/)|bin\/|sbin\/|lib\/|lib64\/)/.test(p);
}

/** cron.daily … scripts that packages install (never the application's backup or monitoring). */
const PACKAGE_CRON = new Set(['dpkg', 'apt-compat', 'man-db', 'logrotate', 'bsdmainutils', 'passwd', 'exim4-base', 'popularity-contest', 'sysstat', 'mlocate', 'plocate', '0anacron', 'e2scrub_all', 'apport', 'update-notifier-common', 'ubuntu-advantage-tools', 'dpkg-db-backup', 'aptitude', 'locate', 'sa-update', 'spamassassin', 'chkrootkit', 'rkhunter', 'lynis']);

function schedule(g: Gathering, s: Omit<HostSchedule, 'purposes' | 'environment'>, cmdText: string): HostSchedule {
  const into: Classified = { purposes: new Set(), dirs: [] };
  classify(g, safeShell(cmdText.replace(/%/g, ' ')), into);
  return {
    ...s,
    environment: g.environment,
    purposes: [...into.purposes].sort(),
    ...(into.script ? { script: into.script } : {}),
    ...(into.retentionDays !== undefined ? { retentionDays: into.retentionDays, retentionLine: into.retentionLine } : {}),
    ...(into.dirs.length ? { dirs: [...new Set(into.dirs)] } : {}),
  };
}

function cronFile(g: Gathering, file: string, system: boolean): void {
  const r = g.read(file);
  if (r.text === undefined) return;
  r.text.split(/\r?\n/).forEach((raw, i) => {
    const t = raw.trim();
    if (!t || t.startsWith('#') || /^[A-Za-z_][A-Za-z0-9_]*\s*=/.test(t)) return;
    const w = t.split(/\s+/);
    let when: string;
    let rest: string[];
    if (w[0]!.startsWith('@')) {
      when = w[0]!;
      rest = w.slice(1);
    } else {
      if (w.length < 6) return;
      when = w.slice(0, 5).join(' ');
      rest = w.slice(5);
    }
    if (system) rest = rest.slice(1); // the user field
    const cmd = rest.join(' ');
    if (!cmd) return;
    const prog = base(shellWords(cmd).find((x) => !/^[A-Za-z_]\w*=/.test(x)) ?? '');
    g.add('hostSchedule', schedule(g, { file, line: i + 1, kind: 'cron', when, program: prog, enabled: true }, cmd));
  });
}

export function gatherSchedules(g: Gathering): void {
  cronFile(g, 'etc/crontab', true);
  for (const e of g.list('etc/cron.d') ?? []) if ((e.type === 'file' || e.type === 'symlink') && !e.name.startsWith('.') && !e.name.includes('~')) cronFile(g, `etc/cron.d/${e.name}`, true);
  for (const dir of ['var/spool/cron/crontabs', 'var/spool/cron']) {
    for (const e of g.list(dir) ?? []) if (e.type === 'file') cronFile(g, `${dir}/${e.name}`, false);
  }
  for (const period of ['hourly', 'daily', 'weekly', 'monthly']) {
    const dir = `etc/cron.${period}`;
    for (const e of g.list(dir) ?? []) {
      if (e.type !== 'file' && e.type !== 'symlink') continue;
      if (e.name.startsWith('.') || e.name.includes('.')) continue; // run-parts skips names with dots
      if (PACKAGE_CRON.has(e.name)) continue;
      const p = `${dir}/${e.name}`;
      g.add('hostSchedule', schedule(g, { file: p, line: 1, kind: 'cron', when: `@${period}`, program: e.name, enabled: true }, `/${p}`));
    }
  }
  // systemd timers: the service they start, enabled through timers.target.wants.
  const services = new Map<string, LocalUnit>();
  for (const u of [...localUnits(g, '.service')]) services.set(u.name, u);
  for (const t of allUnits(g, '.timer')) {
    // Timers of the distribution count only for certificate renewal (certbot.timer); their jobs
    // (dpkg-db-backup, apt-daily, fstrim) are not the application's backups or checks.
    const distro = !t.file.startsWith('etc/');
    if (distro && !/^(certbot|letsencrypt|snap\.certbot)/.test(t.name)) continue;
    const unitName = setting(t, 'Timer', 'Unit')?.value ?? t.name.replace(/\.timer$/, '.service');
    let svc = services.get(unitName);
    if (!svc) {
      for (const dir of ['lib/systemd/system', 'usr/lib/systemd/system']) {
        const r = g.read(`${dir}/${unitName}`);
        if (r.text !== undefined) {
          const dropIns = readDropIns(g, unitName);
          svc = { name: unitName, file: `${dir}/${unitName}`, text: r.text, sections: mergeDropIns(parseUnit(r.text), dropIns), dropIns };
          break;
        }
      }
    }
    const cal = setting(t, 'Timer', 'OnCalendar') ?? setting(t, 'Timer', 'OnUnitActiveSec') ?? setting(t, 'Timer', 'OnBootSec');
    const exec = svc ? execWords(svc) : undefined;
    const cmd = exec ? exec.words.map((w) => (/[\s'"$`\\]/.test(w) ? `'${w.replace(/'/g, '')}'` : w)).join(' ') : '';
    const s = schedule(g, { file: t.file, line: cal?.line ?? 1, kind: 'timer', when: cal ? `${cal.key}=${cal.value}` : 'unknown', program: t.name, enabled: g.enabledLinks(t.name).length > 0 }, cmd);
    if (/^certbot|letsencrypt/.test(t.name) && !s.purposes.includes('cert-renew')) s.purposes = [...s.purposes, 'cert-renew' as const].sort();
    g.add('hostSchedule', s);
  }
  g.ensure('hostSchedule');
}

// ── logrotate ─────────────────────────────────────────────────────────────────────────────────

/** logrotate.conf and logrotate.d/*: the file patterns of each block (`pattern… {`). */
export function gatherLogrotate(g: Gathering): void {
  const files = ['etc/logrotate.conf', ...(g.list('etc/logrotate.d') ?? []).filter((e) => (e.type === 'file' || e.type === 'symlink') && !e.name.startsWith('.')).map((e) => `etc/logrotate.d/${e.name}`)];
  let found = false;
  for (const f of files) {
    const r = g.read(f);
    if (r.text === undefined) continue;
    found = true;
    let pending: { patterns: string[]; line: number } | undefined;
    let depth = 0;
    r.text.split(/\r?\n/).forEach((raw, i) => {
      const t = raw.trim();
      if (!t || t.startsWith('#')) return;
      if (depth > 0) {
        if (t === '}' || t.endsWith('}')) depth--;
        if (/^(postrotate|prerotate|firstaction|lastaction|preremove)$/.test(t)) {
          /* script bodies end with endscript; braces inside are rare */
        }
        return;
      }
      const open = t.endsWith('{');
      const body = open ? t.slice(0, -1).trim() : t;
      const words = shellWords(body).filter((w) => w.startsWith('/') || w.includes('*'));
      if (words.length) pending = { patterns: [...(pending?.patterns ?? []), ...words], line: pending?.line ?? i + 1 };
      if (open) {
        if (pending) g.add('hostLogrotate', { file: f, environment: g.environment, line: pending.line, patterns: pending.patterns } satisfies HostLogrotate);
        pending = undefined;
        depth++;
      }
    });
  }
  if (!found && !g.view.stat('etc/logrotate.conf')) g.ensure('hostLogrotate');
  g.ensure('hostLogrotate');
}

// ── temporary files (S3.13) ───────────────────────────────────────────────────────────────────

/** tmpfiles.d directories, highest priority first (tmpfiles.d(5)). */
const TMPFILES_DIRS = ['etc/tmpfiles.d', 'run/tmpfiles.d', 'usr/local/lib/tmpfiles.d', 'usr/lib/tmpfiles.d', 'lib/tmpfiles.d'];

/**
 * tmpfiles.d lines with an age (`d /var/tmp/app 0750 app app 1d`): systemd-tmpfiles-clean.timer
 * deletes what is older under those paths. A file in etc/tmpfiles.d masks a same-named one in
 * run/ or usr/lib/ (a link to /dev/null disables it).
 */
export function gatherTempCleanup(g: Gathering): void {
  const chosen = new Map<string, { path: string; text: string }>();
  for (const dir of TMPFILES_DIRS) {
    for (const e of g.list(dir) ?? []) {
      if (!e.name.endsWith('.conf') || chosen.has(e.name)) continue;
      const p = `${dir}/${e.name}`;
      if (e.type === 'symlink' && g.view.readlink(p) === '/dev/null') {
        chosen.set(e.name, { path: p, text: '' });
        continue;
      }
      if (e.type !== 'file' && e.type !== 'symlink') continue;
      const r = g.read(p);
      if (r.text !== undefined) chosen.set(e.name, { path: p, text: r.text });
    }
  }
  const entries: HostTempCleanup['entries'] = [];
  for (const name of [...chosen.keys()].sort()) {
    const { path: file, text } = chosen.get(name)!;
    text.split(/\r?\n/).forEach((raw, i) => {
      const t = raw.trim();
      if (!t || t.startsWith('#')) return;
      // Type Path Mode User Group Age Argument (quoted paths are rare; specifiers like %t are skipped).
      const w = t.split(/\s+/);
      const type = w[0] ?? '';
      const p = w[1] ?? '';
      if (!/^[dDevqQxXCLrRzZtThHaAfFwpcb][!+\-=~^$?]*$/.test(type) || !p.startsWith('/') || p.includes('%')) return;
      const age = w[5];
      entries.push({ type: type.replace(/[^A-Za-z]/g, ''), path: p, ...(age && age !== '-' ? { age } : {}), file, line: i + 1 });
    });
  }
  const timerFile = ['lib/systemd/system/systemd-tmpfiles-clean.timer', 'usr/lib/systemd/system/systemd-tmpfiles-clean.timer'].find((p) => g.view.stat(p));
  const mask = ['etc/systemd/system/systemd-tmpfiles-clean.timer', 'run/systemd/system/systemd-tmpfiles-clean.timer'].find((p) => g.view.readlink(p) === '/dev/null');
  g.add('hostTempCleanup', { file: 'etc/tmpfiles.d', environment: g.environment, entries, timer: Boolean(timerFile) && !mask, ...(mask ? { maskedBy: mask } : {}) } satisfies HostTempCleanup);
}

/**
 * nginx's prefix and default log files: the live `nginx -V` (g.nginxBuild); offline, the
 * distribution's package build (`/usr/share/nginx` on Debian, Ubuntu and RHEL-family packages,
 * `/var/lib/nginx` on Alpine; logs in /var/log/nginx on all of them). Relative `access_log` /
 * `error_log` paths resolve against the prefix.
 */
export function nginxPaths(g: Gathering): { prefix: string; accessLog?: string; errorLog?: string; from: 'nginx -V' | 'package default' } {
  const os = (g.facts.hostOs as HostOs[] | undefined)?.[0];
  const alpine = os?.id === 'alpine' || os?.idLike.includes('alpine');
  const packaged = alpine ? '/var/lib/nginx' : '/usr/share/nginx';
  const b = g.nginxBuild;
  const prefix = (b?.prefix ?? packaged).replace(/\/+$/, '') || '/';
  // A built-in default of `stderr` or `syslog:…` is no file.
  const under = (p: string) => (p === 'stderr' || /^(syslog|memory):/.test(p) ? undefined : p.startsWith('/') ? p : `${prefix === '/' ? '' : prefix}/${p}`);
  return {
    prefix,
    accessLog: b?.httpLogPath ? under(b.httpLogPath) : b?.prefix ? under('logs/access.log') : '/var/log/nginx/access.log',
    errorLog: b?.errorLogPath ? under(b.errorLogPath) : b?.prefix ? under('logs/error.log') : '/var/log/nginx/error.log',
    from: b ? 'nginx -V' : 'package default',
  };
}

/**
 * The log files nginx writes, from the effective configuration nginx.conf builds: every
 * `access_log` / `error_log` path (not `off`, `syslog:`, `memory:`, `stderr` or `/dev/…`; a relative
 * one under nginx's prefix, see nginxPaths), and nginx's default files when none is named.
 */
export function gatherNginxLogs(g: Gathering, configs: NginxConfig[]): void {
  const main = configs.find((c) => c.file === 'etc/nginx/nginx.conf');
  if (!main) {
    g.ensure('hostNginxLog');
    return;
  }
  // nginx's defaults stand unless the main level sets error_log and the http level sets access_log
  // (a server's own log replaces them for that server only).
  const named = {
    error_log: main.directives.some((d) => d.name === 'error_log'),
    access_log: main.directives.some((d) => d.name === 'http' && (d.block ?? []).some((x) => x.name === 'access_log')),
  };
  const paths = nginxPaths(g);
  const seen = new Set<string>();
  walk(main.directives, (d) => {
    if (d.name !== 'access_log' && d.name !== 'error_log') return;
    const target = d.args[0];
    if (!target || target === 'off' || /^(syslog|memory):/.test(target) || target === 'stderr' || target.startsWith('/dev/')) return;
    const relative = !target.startsWith('/');
    const abs = (relative ? `${paths.prefix === '/' ? '' : paths.prefix}/${target}` : target).replace(/\$\{?\w+\}?/g, '*');
    if (seen.has(abs)) return;
    seen.add(abs);
    g.add('hostNginxLog', { file: d.file ?? main.file, environment: g.environment, line: d.line, path: abs, directive: d.name, default: false, ...(relative ? { prefix: paths.prefix, prefixFrom: paths.from } : {}) } satisfies HostNginxLog);
  });
  for (const directive of ['access_log', 'error_log'] as const) {
    const p = directive === 'access_log' ? paths.accessLog : paths.errorLog;
    if (p && !named[directive] && !seen.has(p)) g.add('hostNginxLog', { file: main.file, environment: g.environment, path: p, directive, default: true, prefixFrom: paths.from } satisfies HostNginxLog);
  }
  g.ensure('hostNginxLog');
}

// ── backups ───────────────────────────────────────────────────────────────────────────────────

export function gatherBackups(g: Gathering, schedules: HostSchedule[]): void {
  const dirs: { dir: string; configured: boolean }[] = [];
  if (g.config.backupDir) dirs.push({ dir: g.config.backupDir, configured: true });
  for (const s of schedules) if (s.purposes.includes('backup')) for (const d of s.dirs ?? []) if (!dirs.some((x) => x.dir === d)) dirs.push({ dir: d, configured: false });
  for (const { dir, configured } of dirs) {
    const rel = relPath(dir);
    const list = g.list(rel);
    // A directory that exists but cannot be listed is skipped (listed as not read), not "missing".
    if (list === undefined && g.view.stat(rel)) continue;
    const fact: HostBackup = { file: rel, environment: g.environment, dir, configured, exists: list !== undefined, files: 0 };
    if (list) {
      let newest: { name: string; t: number } | undefined;
      let oldest: { name: string; t: number } | undefined;
      for (const e of list) {
        if (e.type !== 'file') continue;
        const st = g.view.lstat(`${rel}/${e.name}`);
        if (!st) continue;
        fact.files++;
        if (!newest || st.mtimeMs > newest.t) newest = { name: e.name, t: st.mtimeMs };
        if (!oldest || st.mtimeMs < oldest.t) oldest = { name: e.name, t: st.mtimeMs };
      }
      if (newest) fact.newest = { name: newest.name, mtime: new Date(newest.t).toISOString() };
      if (oldest) fact.oldest = { name: oldest.name, mtime: new Date(oldest.t).toISOString() };
    }
    g.add('hostBackup', fact);
  }
  g.ensure('hostBackup');
}

// ── certificates ──────────────────────────────────────────────────────────────────────────────

function readCert(g: Gathering, p: string): Partial<HostCertificate> {
  const r = g.read(p, 256 * 1024);
  if (r.text === undefined) return { exists: Boolean(g.view.stat(p)), ...(r.error && r.error !== 'no such file' ? { error: r.error } : {}) };
  const m = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(r.text);
  if (!m) return { exists: true, error: 'no PEM certificate in the file' };
  try {
    const c = new X509Certificate(m[0]);
    const names = (c.subjectAltName ?? '').split(/,\s*/).filter((x) => x.startsWith('DNS:')).map((x) => x.slice(4));
    return { exists: true, notAfter: new Date(c.validTo).toISOString(), notBefore: new Date(c.validFrom).toISOString(), subject: c.subject.replace(/\n/g, ', '), names };
  } catch (e) {
    return { exists: true, error: `cannot parse the certificate: ${(e as Error).message}` };
  }
}

/** Certificates in etc/letsencrypt/live, and the ones nginx names (ssl_certificate). */
export function gatherCertificates(g: Gathering, referenced: { path: string; file: string; line: number; column: number }[]): void {
  const seen = new Set<string>();
  const live = g.list('etc/letsencrypt/live');
  if (live === undefined && g.view.stat('etc/letsencrypt/live')) {
    // /etc/letsencrypt/live is 0700: without root the certificates cannot be judged at all.
    g.unavailable('hostCertificate', { en: 'etc/letsencrypt/live cannot be read (run as root)', ja: 'etc/letsencrypt/live を読めません（root で実行してください）' });
    return;
  }
  for (const e of live ?? []) {
    if (e.type !== 'dir' && e.type !== 'symlink') continue;
    const file = `etc/letsencrypt/live/${e.name}/fullchain.pem`;
    const alt = `etc/letsencrypt/live/${e.name}/cert.pem`;
    const pick = g.view.stat(file) ? file : g.view.stat(alt) ? alt : undefined;
    if (!pick) continue;
    const ref = referenced.find((r) => relPath(r.path) === pick || relPath(r.path) === alt || relPath(r.path) === file);
    seen.add(pick);
    g.add('hostCertificate', { file: pick, environment: g.environment, path: `/${pick}`, letsencrypt: true, exists: true, ...readCert(g, pick), ...(ref ? { referencedBy: { file: ref.file, line: ref.line, column: ref.column } } : {}) } as HostCertificate);
  }
  for (const r of referenced) {
    const rel = relPath(r.path);
    if (seen.has(rel) || r.path.includes('$')) continue;
    seen.add(rel);
    const info = readCert(g, rel);
    g.add('hostCertificate', { file: info.exists ? rel : r.file, ...(info.exists ? {} : { line: r.line }), environment: g.environment, path: r.path, referencedBy: { file: r.file, line: r.line, column: r.column }, letsencrypt: rel.startsWith('etc/letsencrypt/'), exists: false, ...info } as HostCertificate);
  }
  g.ensure('hostCertificate');
}
