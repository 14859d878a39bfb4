/** POSIX path pieces of repository-relative paths (`a/b/c.conf`). */

/** `a/b/c.conf` → `a/b`; `c.conf` → ``. */
export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

/** `a/b/c.conf` → `c.conf`. */
export function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}
