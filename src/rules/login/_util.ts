import type { ProbeForm } from '../../facts/probe.js';

/** Names of hidden inputs frameworks use for CSRF tokens. */
const TOKEN_NAME = /csrf|xsrf|authenticity_token|^_token$|__requestverificationtoken|csrfmiddlewaretoken|^_csrf|nonce|token/i;

export function hasPassword(f: ProbeForm): boolean {
  return f.inputs.some((i) => i.type === 'password');
}

/** The form carries a non-empty hidden token, or the page has a csrf meta tag (Rails / Laravel / SPA). */
export function hasCsrfToken(f: ProbeForm): boolean {
  if (f.csrfMeta.length) return true;
  return f.inputs.some((i) => i.type === 'hidden' && i.name !== undefined && TOKEN_NAME.test(i.name) && i.valueLength >= 8);
}

/** Login forms: forms with a password field on the login page (or the page the URL leads to). */
export function loginForms(forms: readonly ProbeForm[]): ProbeForm[] {
  const seen = new Set<string>();
  return forms.filter((f) => {
    if (!hasPassword(f)) return false;
    const k = `${f.url}#${f.index}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
