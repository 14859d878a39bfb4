
/** Parses `registry/name:tag@digest` (resolved text). */

export function parseImage(resolved: string): { name: string; tag?: string; digest?: string; } {
  let rest = resolved.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { name: rest, tag: tag || undefined, digest: digest || undefined };
}
