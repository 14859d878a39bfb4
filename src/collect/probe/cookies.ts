/**
 * Set-Cookie parsing (RFC 6265 §5.2, the user-agent algorithm): name, value length and attributes.
 * The value itself is never kept.
 */

export interface ParsedSetCookie {
  name: string;
  /** The value (only for registering it with the masker; never stored). */
  value: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite?: string;
  domain?: string;
  path?: string;
  maxAge?: number;
  expires?: Date;
}

/** Parses one Set-Cookie header value; undefined when it has no name=value pair. */
export function parseSetCookie(header: string): ParsedSetCookie | undefined {
  const parts = header.split(';');
  const first = parts.shift() ?? '';
  const eq = first.indexOf('=');
  if (eq < 0) return undefined;
  const name = first.slice(0, eq).trim();
  let value = first.slice(eq + 1).trim();
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
  if (!name) return undefined;
  const out: ParsedSetCookie = { name, value, secure: false, httpOnly: false };
  for (const raw of parts) {
    const i = raw.indexOf('=');
    const key = (i < 0 ? raw : raw.slice(0, i)).trim().toLowerCase();
    const val = i < 0 ? '' : raw.slice(i + 1).trim();
    switch (key) {
      case 'secure':
        out.secure = true;
        break;
      case 'httponly':
        out.httpOnly = true;
        break;
      case 'samesite':
        out.sameSite = val;
        break;
      case 'domain':
        if (val) out.domain = val.replace(/^\./, '').toLowerCase();
        break;
      case 'path':
        if (val.startsWith('/')) out.path = val;
        break;
      case 'max-age': {
        if (/^-?\d+$/.test(val)) out.maxAge = Number(val);
        break;
      }
      case 'expires': {
        const d = new Date(val);
        if (!Number.isNaN(d.getTime())) out.expires = d;
        break;
      }
    }
  }
  return out;
}

/** The cookie deletes itself (Max-Age ≤ 0, or Expires in the past relative to `now`). */
export function isExpired(c: ParsedSetCookie, now: Date): boolean {
  if (c.maxAge !== undefined) return c.maxAge <= 0;
  return c.expires !== undefined && c.expires.getTime() < now.getTime();
}

/** `name=****` with the attributes kept: what a saved Set-Cookie header may show. */
export function maskSetCookie(header: string): string {
  const semi = header.indexOf(';');
  const first = semi < 0 ? header : header.slice(0, semi);
  const eq = first.indexOf('=');
  if (eq < 0) return header;
  return `${first.slice(0, eq + 1)}****${semi < 0 ? '' : header.slice(semi)}`;
}
