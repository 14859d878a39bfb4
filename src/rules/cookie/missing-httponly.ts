import { defineRule } from '../define.js';
import { isSessionCookie, liveCookies } from '../../facts/probe-queries.js';

export default defineRule({
  id: 'cookie/missing-httponly',
  command: 'probe',
  severity: 'medium',
  facts: ['probeCookie'],
  title: { en: 'Session cookie readable by JavaScript (no HttpOnly)', ja: 'JavaScript から読めるセッション Cookie（HttpOnly なし）' },
  description: {
    en: 'A session-like cookie without `HttpOnly` can be read by any script on the page, so a single XSS hands the session to the attacker. CSRF double-submit cookies (csrftoken, XSRF-TOKEN) are meant to be readable and are not reported.',
    ja: '`HttpOnly` のないセッション系 Cookie はページ上のどのスクリプトからも読めるため、XSS が一つあるだけでセッションが攻撃者に渡ります。JavaScript から読む前提の CSRF 用 Cookie（csrftoken、XSRF-TOKEN）は対象外です。',
  },
  fix: {
    en: 'Flask: SESSION_COOKIE_HTTPONLY = True (default); Django: SESSION_COOKIE_HTTPONLY = True (default); Express: cookie: { httpOnly: true }; for your own cookies set the HttpOnly attribute.',
    ja: 'Flask は SESSION_COOKIE_HTTPONLY = True（既定値）、Django は SESSION_COOKIE_HTTPONLY = True（既定値）、Express は cookie: { httpOnly: true } です。独自の Cookie には HttpOnly 属性を付けてください。',
  },
  references: { cwe: ['CWE-1004'], equivalents: ['Django security.W013', 'testssl cookie_httponly', 'Mozilla Observatory cookies', 'seed S0.10'] },
  check(facts, ctx) {
    for (const c of liveCookies(facts.probeCookie)) {
      if (c.httpOnly || !isSessionCookie(c.name)) continue;
      ctx.report({
        file: c.url,
        key: c.name,
        message: { en: `Session cookie ${c.name} is set without HttpOnly: page scripts (and XSS) can read it`, ja: `セッション Cookie ${c.name} に HttpOnly 属性がありません: ページ上のスクリプト（や XSS）から読めます` },
        evidence: `Set-Cookie: ${c.name}=****${c.secure ? '; Secure' : ''}${c.sameSite ? `; SameSite=${c.sameSite}` : ''}`,
      });
    }
  },
});
