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

/** Extensions of source code and documents: `dockerfile.ts` and `procfile.test.js` are not a Dockerfile or a Procfile. */
export const CODE_EXTENSION = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs|map|py|pyi|rb|go|rs|java|kt|php|md|rst|txt|json|html)$/i;

/** `dockerfile.ts`, `procfile.test.js`: a file named after a deployment file that is code or a document. */
export function isCodeNamedLikeDeployFile(base: string): boolean {
  return /^(dockerfile|containerfile|procfile)[.-]/i.test(base) && CODE_EXTENSION.test(base);
}
