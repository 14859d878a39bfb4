/**
 * Fact shapes of `honban host`. The gatherers (src/commands/host/gather*.ts) produce them through the fact
 * interface (src/commands/host/view.ts); the host/* rules judge them. Every fact's `file` is the file a
 * person would change, relative to the root, POSIX (`etc/ssh/sshd_config`, `proc/meminfo`), or —
 * for what only a command shows — `host:<command>` (`host:ss -ltnp`).
 *
 * No fact holds a secret value: env files are described by path, mode and owner only, and command
 * lines from crontabs are reduced to their program and purpose (see `redactCommand`).
 */
import type { BaseFact } from '../contracts/collector.js';

/** One per run: how the facts were gathered. */
export interface HostInfo extends BaseFact {
  mode: 'live' | 'root';
  /** `/` (live) or the --root directory as given. */
  root: string;
  hostname?: string;
  /** ISO 8601: rules compute ages (certificates, backups, end of life) from it. */
  gatheredAt: string;
  /** honban ran as root (live): files only root can read were read. */
  asRoot?: boolean;
}

export interface HostOs extends BaseFact {
  line: number;
  /** `ubuntu`, `debian`, `rhel`, `alpine` … (ID=). */
  id: string;
  idLike: string[];
  /** `22.04`, `12` (VERSION_ID=). */
  versionId?: string;
  codename?: string;
  prettyName?: string;
}

export interface HostCpu extends BaseFact {
  count: number;
  line?: number;
}

export interface HostMemory extends BaseFact {
  line: number;
  totalBytes: number;
}

export interface HostDisk extends BaseFact {
  /** The directory measured (`/`, the app's working directory). */
  path: string;
  freeBytes: number;
  totalBytes: number;
}

export interface HostPackage {
  name: string;
  version: string;
  line: number;
}

/** The package database (dpkg, apk) or the package manager's answer (rpm). */
export interface HostPackages extends BaseFact {
  manager: 'dpkg' | 'apk' | 'rpm';
  /** Installed packages honban looks at (python3, nginx, certbot …), by name. */
  packages: HostPackage[];
}

export interface HostUpdate {
  name: string;
  installed: string;
  candidate: string;
}

/** Pending security updates, from the package manager's cached lists (no network). */
export interface HostUpdates extends BaseFact {
  /**
   * Where they come from: apt's `*-security` lists (dpkg), `dnf -C updateinfo list --security`
   * (rpm, live), or the cached APKINDEX of an Alpine stable branch (apk: every pending upgrade —
   * the stable branches ship security and bug fixes only). Absent in older records: apt.
   */
  source?: 'apt-security' | 'dnf-security' | 'apk-index';
  security: HostUpdate[];
  /** The lists compared (root-relative). */
  lists: string[];
}

export interface HostTime extends BaseFact {
  line?: number;
  timezone?: string;
  /** The time-sync service enabled at boot (systemd-timesyncd, chrony, ntp, openntpd), if any. */
  sync?: { service: string; file: string };
}

export interface HostFirewallRule {
  /** Port number, or the first port of a range. */
  port: number;
  /** Last port of a range. */
  toPort?: number;
  proto: 'tcp' | 'udp' | 'any';
  /** `any` or the source address / network. */
  from: string;
  file: string;
  line: number;
}

export interface HostFirewall extends BaseFact {
  kind: 'ufw' | 'nftables' | 'iptables';
  line?: number;
  /** Loaded at boot / switched on. */
  enabled: boolean;
  /** Incoming traffic not matched by a rule is dropped. */
  defaultDeny: boolean;
  /** Ports the rules open to incoming traffic. */
  allows: HostFirewallRule[];
}

/** A listening socket (live). */
export interface HostListener extends BaseFact {
  proto: 'tcp' | 'tcp6';
  address: string;
  port: number;
  pid?: number;
  /** Process name (`comm`), e.g. `nginx`, `gunicorn`, `ControlCenter`. */
  process?: string;
  /** The systemd unit the process belongs to (its cgroup), e.g. `nginx.service`. */
  unit?: string;
}

export interface HostOwnedPath {
  /** The path as configured (`/etc/myapp/env`). */
  path: string;
  /** Root-relative. */
  rel: string;
  exists: boolean;
  /** Why it could not be looked at (other than absence). */
  error?: string;
  type?: string;
  mode?: number;
  uid?: number;
  gid?: number;
  owner?: string;
  group?: string;
}

export interface HostEnvFile extends HostOwnedPath {
  optional: boolean;
  /** Where the unit names it: a drop-in (root-relative), or the unit file when absent. */
  unitFile?: string;
  line: number;
  column: number;
}

export interface HostAppDir extends HostOwnedPath {
  purpose: 'data' | 'log' | 'temp';
  /** Where it was named: the unit's line, a gunicorn option, honban.yml. */
  from: string;
  file: string;
  line: number;
}

export interface HostBind {
  host: string;
  port?: number;
  /** A unix socket path instead of host:port. */
  socket?: string;
  file: string;
  line: number;
}

/** The application's systemd service (configured in honban.yml or discovered). */
export interface HostApp extends BaseFact {
  /** `myapp.service` */
  unit: string;
  /** honban.yml `host.appUnit` named it (else discovered). */
  configured: boolean;
  /** The application server the unit starts (gunicorn, uvicorn, puma, node …). */
  server?: string;
  execLine?: number;
  /** The drop-in that sets the effective ExecStart= (absent: the unit file). */
  execFile?: string;
  user?: string;
  group?: string;
  serviceLine: number;
  /** `file`: the drop-in that sets it (absent: the unit file). */
  type?: { value: string; line: number; file?: string };
  pidFile?: { value: string; line: number; file?: string };
  /** `[Install] WantedBy=` targets. */
  wantedBy: string[];
  installLine?: number;
  /** The drop-in whose [Install] section sets WantedBy= (absent: the unit file). */
  installFile?: string;
  /** Drop-ins merged into the unit (`<unit>.d/*.conf`), in the order systemd applies them. */
  dropIns?: string[];
  /** The `*.wants/` links that enable it at boot (root-relative). */
  enabledBy: string[];
  environmentFiles: HostEnvFile[];
  workingDirectory?: string;
  dirs: HostAppDir[];
  binds: HostBind[];
  /** Directories for temporary files and uploads (`*_TMP_DIR`, `UPLOAD_FOLDER`, `TMPDIR`, `--worker-tmp-dir`, host.tempDirs). */
  tempDirs?: HostAppDir[];
  /** PrivateTmp=yes: the service's /tmp and /var/tmp are its own, removed when it stops. */
  privateTmp?: boolean;
  /** gunicorn worker settings (command line or EnvironmentFile keys; values are numbers only). */
  workers?: { value?: number; file: string; line: number; external?: string };
  threads?: { value: number; file: string; line: number };
}

/** A certificate honban found (Let's Encrypt live directory) or one nginx names. */
export interface HostCertificate extends BaseFact {
  line?: number;
  /** The path as named (nginx ssl_certificate, or the live directory file). */
  path: string;
  /** Where nginx names it, if it does. */
  referencedBy?: { file: string; line: number; column: number };
  exists: boolean;
  error?: string;
  notAfter?: string;
  notBefore?: string;
  subject?: string;
  names?: string[];
  /** Let's Encrypt (etc/letsencrypt) or another issuer. */
  letsencrypt: boolean;
}

export type SchedulePurpose = 'health' | 'disk' | 'cert-expiry' | 'cert-renew' | 'backup' | 'retention' | 'cleanup';

/** A cron line or a systemd timer. */
export interface HostSchedule extends BaseFact {
  line: number;
  kind: 'cron' | 'timer';
  /** `*\/5 * * * *`, `@daily`, `OnCalendar=*-*-* 03:00`. */
  when: string;
  /** Program (base name) the entry runs, or the timer's unit. */
  program: string;
  purposes: SchedulePurpose[];
  /** Timers: enabled through a `timers.target.wants` link. Cron lines: always. */
  enabled: boolean;
  /** A script it runs that honban also read (root-relative). */
  script?: string;
  /** Days after which the script deletes old files (`find … -mtime +30 -delete`). */
  retentionDays?: number;
  retentionLine?: number;
  /** Directories the script writes backups to / deletes from. */
  dirs?: string[];
}

export interface HostLogrotate extends BaseFact {
  line: number;
  patterns: string[];
}

/** A tmpfiles.d line (systemd-tmpfiles) that ages out files under a path. */
export interface HostTmpfilesEntry {
  /** d, D, e, v, q, Q, x … */
  type: string;
  path: string;
  /** `10d`, `1h`; absent when the line has no age (`-`): nothing is aged out. */
  age?: string;
  file: string;
  line: number;
}

/**
 * Periodic cleanup of temporary files (S3.13): the tmpfiles.d lines with an age (etc/tmpfiles.d,
 * run/tmpfiles.d, usr/lib/tmpfiles.d; a same-named file in /etc masks the others) and whether
 * systemd-tmpfiles-clean.timer runs them.
 */
export interface HostTempCleanup extends BaseFact {
  entries: HostTmpfilesEntry[];
  /** systemd-tmpfiles-clean.timer is installed and not masked. */
  timer: boolean;
  /** Where the timer is masked (a link to /dev/null), if it is. */
  maskedBy?: string;
}

/** The firewall as the kernel runs it now (live, as root): `nft list ruleset`, `iptables-save`, `ufw status verbose`. */
export interface HostFirewallLive extends BaseFact {
  kind: 'nftables' | 'iptables' | 'ufw';
  /** The command whose output this is (`nft list ruleset`). */
  command: string;
  /** Any rule or non-accept policy is loaded for incoming traffic (ufw: Status: active). */
  active: boolean;
  /** Incoming traffic not matched by a rule is dropped. */
  defaultDeny: boolean;
  /** Ports accepted from anywhere or a source; `file` is the command, `line` the output line. */
  allows: HostFirewallRule[];
}

/** A log file nginx writes (access_log / error_log of the effective configuration, or nginx's default). */
export interface HostNginxLog extends BaseFact {
  /** Where the configuration names it (absent for a default). */
  line?: number;
  /** Absolute path; nginx variables (`$host`) become `*`. */
  path: string;
  directive: 'access_log' | 'error_log';
  /** Not named anywhere: nginx's built-in default (/var/log/nginx/access.log, error.log). */
  default: boolean;
  /** A relative path: the prefix it was resolved under (`/usr/share/nginx`). */
  prefix?: string;
  /** Where the prefix or the default file came from: `nginx -V` (live), or the package default (offline). */
  prefixFrom?: 'nginx -V' | 'package default';
}

export interface HostBackup extends BaseFact {
  /** The directory as configured or found (`/var/backups/myapp`). */
  dir: string;
  configured: boolean;
  exists: boolean;
  files: number;
  newest?: { name: string; mtime: string };
  oldest?: { name: string; mtime: string };
}

/** `nginx -t` on the host's own configuration (live). */
export interface HostNginxTest extends BaseFact {
  ok: boolean;
  /** nginx's messages: level, text, and the file:line it names (root-relative). */
  messages: { level: string; text: string; file?: string; line?: number }[];
}

/** `--domain`: what the name resolves to and this host's addresses (live). */
export interface HostDns extends BaseFact {
  domain: string;
  addresses: string[];
  local: string[];
  error?: string;
}

/** Thresholds and expectations (honban.yml `host:` at judging time, defaults from the checklists). */
export interface HostSettings extends BaseFact {
  minCpus: number;
  minMemoryGb: number;
  minFreeDiskGb: number;
  allowedPorts: number[];
  floors: Record<string, string>;
  serviceUser?: string;
  timezone?: string;
  backupMaxAgeHours: number;
  backupRetentionDays: number;
  certificateWarnDays: number;
  domain?: string;
  /** Public addresses that belong to this host although no interface holds them (NAT, elastic IP). */
  addresses: string[];
}

declare module '../contracts/types.js' {
  interface FactTypes {
    hostInfo: HostInfo;
    hostOs: HostOs;
    hostCpu: HostCpu;
    hostMemory: HostMemory;
    hostDisk: HostDisk;
    hostPackages: HostPackages;
    hostUpdates: HostUpdates;
    hostTime: HostTime;
    hostFirewall: HostFirewall;
    hostListener: HostListener;
    hostApp: HostApp;
    hostCertificate: HostCertificate;
    hostSchedule: HostSchedule;
    hostLogrotate: HostLogrotate;
    hostNginxLog: HostNginxLog;
    hostTempCleanup: HostTempCleanup;
    hostFirewallLive: HostFirewallLive;
    hostBackup: HostBackup;
    hostNginxTest: HostNginxTest;
    hostDns: HostDns;
    hostSettings: HostSettings;
  }
}

/** Every fact a host record may hold (hostSettings is made at judging time, never recorded). */
export const HOST_FACTS = [
  'hostInfo', 'hostOs', 'hostCpu', 'hostMemory', 'hostDisk', 'hostPackages', 'hostUpdates', 'hostTime', 'hostFirewall',
  'hostListener', 'hostApp', 'hostCertificate', 'hostSchedule', 'hostLogrotate', 'hostBackup', 'hostNginxTest', 'hostDns',
  'hostNginxLog', 'hostTempCleanup', 'hostFirewallLive',
] as const;
export type HostFactName = (typeof HOST_FACTS)[number];
