/** The state of one host gathering: facts, what could not be gathered, commands run, deployed files. */
import type { BaseFact } from '../../contracts/collector.js';
import type { HonbanConfig } from '../../contracts/config.js';
import type { FactTypes, FileKind, Localized, ReportError, SourceFile } from '../../contracts/types.js';
import type { HostFactName } from '../../facts/host.js';
import type { UnitSection } from '../../facts/systemd.js';
import { type HostConfig, hostConfig, HOST_DEFAULTS } from '../../config/host.js';
import { type HostView, MAX_READ, type ReadResult, relPath, type CommandResult } from './view.js';

/** A systemd unit file found on the host. */
export interface LocalUnit {
  name: string;
  /** Root-relative path of the unit file (what a person edits). */
  file: string;
  text: string;
  /** The unit file's sections followed by its drop-ins' (the effective unit). */
  sections: UnitSection[];
  mode?: number;
  /** Drop-ins merged into it, in the order systemd applies them (an empty content masks a lower one). */
  dropIns: { path: string; content: string; mode?: number }[];
}

/** The pseudo-file `sshd -T` output is judged as. */
export const SSHD_DUMP = 'host:sshd -T';

/** nginx's compiled-in paths (`nginx -V`: `--prefix=`, `--http-log-path=`, `--error-log-path=`). */
export interface NginxBuild {
  prefix?: string;
  httpLogPath?: string;
  errorLogPath?: string;
}

export class Gathering {
  readonly facts: Partial<Record<HostFactName, BaseFact[]>> = {};
  readonly missing: Partial<Record<HostFactName, Localized>> = {};
  readonly skipped: { path: string; reason: string; }[] = [];
  readonly commands: CommandLog[] = [];
  readonly errors: ReportError[] = [];
  readonly sources = new Map<string, SourceFile>();
  readonly appUnits: LocalUnit[] = [];
  /** What the live `nginx -V` says of its build (prefix, default log paths); offline: absent. */
  nginxBuild?: NginxBuild;
  readonly config: HostConfig;
  readonly configFile: string;
  private passwd?: Map<number, string>;
  private groups?: Map<number, string>;
  private wants?: { dir: string; names: string[]; }[];

  constructor(
    readonly view: HostView,
    readonly environment: string,
    honban: HonbanConfig
  ) {
    this.config = hostConfig(honban);
    this.configFile = honban.source ?? 'honban.yml';
  }

  add<N extends HostFactName>(name: N, fact: FactTypes[N]): void {
    ((this.facts[name] ??= []) as BaseFact[]).push(fact as BaseFact);
  }

  has(name: HostFactName): boolean {
    return Boolean(this.facts[name]?.length);
  }

  /** Marks a fact as gathered even when nothing was found (an empty list is a fact). */
  ensure(name: HostFactName): void {
    this.facts[name] ??= [];
  }

  unavailable(name: HostFactName, why: Localized): void {
    if (!this.missing[name]) this.missing[name] = why;
  }

  skip(path: string, reason: string): void {
    if (!this.skipped.some((s) => s.path === path)) this.skipped.push({ path, reason });
  }

  error(message: string, file?: string): void {
    this.errors.push({ kind: 'collector', message, ...(file ? { file } : {}) });
  }

  /** Reads through the view; anything but absence (too large, special file, loop, denied) is listed as skipped. */
  read(p: string, max = MAX_READ): ReadResult {
    const r = this.view.read(p, max);
    const rel = relPath(p);
    if (r.truncated) {
      this.skip(rel, `larger than ${max} bytes: not read`);
      return { error: 'too large' };
    }
    if (r.error && r.error !== 'no such file') this.skip(rel, r.error);
    return r;
  }

  readBuffer(p: string, max: number): Buffer | undefined {
    const r = this.view.readBytes(p, max);
    if (r.truncated) {
      this.skip(relPath(p), `larger than ${max} bytes: not read`);
      return undefined;
    }
    if (!r.data && r.error !== 'no such file') this.skip(relPath(p), r.error ?? 'unreadable');
    return r.data;
  }

  /**
   * Lists a directory through the view; a directory that exists but cannot be listed (permission:
   * not root) is listed as skipped, so what it holds is never silently taken as absent.
   */
  list(dir: string): ReturnType<HostView['list']> {
    const l = this.view.list(dir);
    if (l === undefined) {
      const st = this.view.statOrWhy(dir);
      if (st.stat?.type === 'dir') this.skip(relPath(dir), 'permission denied: cannot list the directory (run as root)');
      else if (st.error && st.error !== 'no such file') this.skip(relPath(dir), st.error);
    }
    return l;
  }

  async run(command: string, args: string[], timeoutMs?: number): Promise<CommandResult> {
    const r = await this.view.run(command, args, { timeoutMs: timeoutMs ?? this.config.commandTimeout ?? HOST_DEFAULTS.commandTimeout });
    this.commands.push({ command: r.command, ran: r.ran, ...(r.exitCode !== undefined ? { exitCode: r.exitCode } : {}), ms: r.ms, ...(r.error ? { error: r.error } : {}) });
    return r;
  }

  /** The `*.wants/` links (root-relative) under etc/systemd/system that enable `unit`. */
  enabledLinks(unit: string): string[] {
    if (!this.wants) {
      this.wants = [];
      for (const e of this.view.list('etc/systemd/system') ?? []) {
        if (!e.name.endsWith('.wants') || (e.type !== 'dir' && e.type !== 'symlink')) continue;
        const dir = `etc/systemd/system/${e.name}`;
        this.wants.push({ dir, names: (this.view.list(dir) ?? []).map((x) => x.name) });
      }
    }
    return this.wants.filter((w) => w.names.includes(unit)).map((w) => `${w.dir}/${unit}`);
  }

  /** Owner and group names from the root's etc/passwd and etc/group. */
  names(uid: number, gid: number): { owner?: string; group?: string; } {
    const table = (file: string) => {
      const m = new Map<number, string>();
      const r = this.view.read(file);
      for (const l of (r.text ?? '').split('\n')) {
        const f = l.split(':');
        if (f.length >= 3 && /^\d+$/.test(f[2]!)) if (!m.has(Number(f[2]))) m.set(Number(f[2]), f[0]!);
      }
      return m;
    };
    this.passwd ??= table('etc/passwd');
    this.groups ??= table('etc/group');
    const owner = this.passwd.get(uid);
    const group = this.groups.get(gid);
    return { ...(owner ? { owner } : {}), ...(group ? { group } : {}) };
  }

  /** Directories whose free space matters besides `/` (the app's working directory). */
  appDirsForDisk(): string[] {
    return ((this.facts.hostApp ?? []) as { workingDirectory?: string; }[]).map((a) => a.workingDirectory).filter((d): d is string => Boolean(d));
  }

  /** A deployed file the scan rules judge. Host files belong to the target environment and to no repository. */
  addSource(path: string, kind: FileKind, content: string, mode?: number): void {
    if (this.sources.has(path)) return;
    this.sources.set(path, { path, content, kind, environment: this.environment, gitIgnored: true, ...(mode !== undefined ? { mode } : {}) });
  }
}

export interface CommandLog {
  command: string;
  ran: boolean;
  exitCode?: number;
  ms: number;
  error?: string;
}
