/** Helpers shared by the host/* rules (not a rule). */
import type { HostApp, HostInfo, HostSchedule, SchedulePurpose } from '../../facts/host.js';
import { globMatcher, isGlob } from '../../lib/glob.js';

export const GB = 1024 ** 3;
export const gb = (bytes: number) => Math.round((bytes / GB) * 10) / 10;

/** Ports of databases and caches: open to the world they are high. */
export const DATA_PORTS = new Set([3306, 5432, 6379, 11211, 27017, 9200, 5984, 2379]);

export function isLoopback(address: string): boolean {
  return address === 'localhost' || address.startsWith('127.') || address === '::1' || address === '::ffff:127.0.0.1';
}

/** Days from the gathering date to `iso` (negative: in the past). */
export function daysUntil(info: HostInfo | undefined, iso: string): number {
  const now = info ? Date.parse(info.gatheredAt) : Date.now();
  return Math.floor((Date.parse(iso) - now) / 86_400_000);
}

export function hoursSince(info: HostInfo | undefined, iso: string): number {
  const now = info ? Date.parse(info.gatheredAt) : Date.now();
  return (now - Date.parse(iso)) / 3_600_000;
}

/** Enabled schedules with this purpose. */
export function scheduled(list: HostSchedule[], purpose: SchedulePurpose): HostSchedule[] {
  return list.filter((s) => s.enabled && s.purposes.includes(purpose));
}

/** Where a finding about the application's unit points: its [Service] section. */
export function serviceAt(app: HostApp): { file: string; line: number } {
  return { file: app.file, line: app.serviceLine };
}

/**
 * A logrotate pattern as logrotate expands it (glob(3): `*`, `?`, `[…]`, no `**`, no braces), by
 * the project's linear glob matcher (src/lib/glob.ts).
 */
function logrotateGlob(glob: string): { test(path: string): boolean } {
  return globMatcher(glob, { globstar: false, braces: false });
}

/** Does a logrotate pattern (glob) cover files in directory `dir`? */
export function patternCovers(pattern: string, dir: string): boolean {
  const d = dir.replace(/\/+$/, '');
  const pdir = pattern.slice(0, pattern.lastIndexOf('/'));
  return isGlob(pdir) ? logrotateGlob(pdir).test(d) : pdir === d;
}

/**
 * Does a logrotate pattern (glob) cover the file `file`? `file` may itself hold `*` where nginx
 * writes a variable (`/var/log/nginx/$host.log` → `/var/log/nginx/*.log`): then the pattern must
 * cover every name it stands for (the same glob, or `*` over the whole name).
 */
export function patternCoversFile(pattern: string, file: string): boolean {
  if (pattern === file) return true;
  const slash = pattern.lastIndexOf('/');
  const fslash = file.lastIndexOf('/');
  if (!logrotateGlob(pattern.slice(0, slash) || '/').test(file.slice(0, fslash) || '/')) return false;
  const pname = pattern.slice(slash + 1);
  const fname = file.slice(fslash + 1);
  const name = logrotateGlob(pname);
  if (!fname.includes('*')) return name.test(fname);
  // A variable part: only a pattern that matches any text in its place covers it.
  return pname === '*' || (name.test(fname.replace(/\*/g, '')) && name.test(fname.replace(/\*/g, 'x-y.z')));
}
