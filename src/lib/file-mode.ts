/**
 * File permission modes: as written for chmod (Dockerfile RUN lines, provisioning scripts) — one
 * reading of "world-writable" for every rule that judges a chmod — and as shown in a finding.
 */

/** A mode as a finding shows it: `644`, or `1777` with the special bits (setuid, setgid, sticky). */
export function octalMode(mode: number, opts: { special?: boolean } = {}): string {
  return (mode & (opts.special ? 0o7777 : 0o777)).toString(8).padStart(3, '0');
}

/**
 * Does a chmod mode give write permission to others (`777`, `0666`, `a+rwx`, `o+w`, `ugo=rwx` …)?
 * Sticky modes (`1777`, `a+rwt`: /tmp-style directories) are not reported; a symbolic clause that
 * does not parse makes the whole mode unknown (false). `+w` without who follows the umask, which
 * leaves others out by default.
 */
export function chmodGrantsOthersWrite(mode: string): boolean {
  if (/^[0-7]{3,4}$/.test(mode)) {
    const digits = mode.padStart(4, '0');
    const special = Number(digits[0]);
    const other = Number(digits[3]);
    return (other & 2) !== 0 && (special & 1) === 0;
  }
  let any = false;
  for (const clause of mode.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwxXst]*)$/.exec(clause);
    if (!m) return false;
    const [, who, op, perms] = m;
    if (op === '-' || !perms!.includes('w') || perms!.includes('t')) continue;
    if (who!.includes('o') || who!.includes('a')) any = true;
  }
  return any;
}
