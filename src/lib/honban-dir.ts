import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** honban's own directory in a repository: env snapshots, their key, the check history. */
export const HONBAN_DIR = '.honban';

/**
 * Creates `<root>/.honban/` (mode 700) with a `.gitignore` of `*`, so nothing in it is committed.
 * Throws the file system error; callers turn it into a user error naming the directory.
 */
export function ensureHonbanDir(root: string): string {
  const dir = path.join(root, HONBAN_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const gi = path.join(dir, '.gitignore');
  if (!existsSync(gi)) writeFileSync(gi, '# honban: snapshots, their key and the check history stay out of git\n*\n');
  return dir;
}
