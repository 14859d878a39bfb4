import { defineRule } from '../define.js';
import { isSessionCookie, liveCookies } from '../../facts/probe-queries.js';

export default defineRule({
  id: 'cookie/missing-samesite',
  command: 'probe',
  severity: 'low',
  facts: ['probeCookie'],
  title: { en: 'Cookie without a valid SameSite attribute', ja: '有効な SameSite 属性のない Cookie' },
  description: {
    en: 'SameSite decides whether the cookie goes along with requests started by other sites; `Lax` or `Strict` blocks most CSRF. Without it (or with an unknown value) the outcome depends on the browser — some still send it everywhere.',
    ja: 'SameSite は、他サイトから始まったリクエストに Cookie を付けるかどうかを決めます。`Lax` か `Strict` なら CSRF の大半を防げます。指定がない（または不明な値の）場合の挙動はブラウザ次第で、どこへでも送るブラウザもまだあります。',
  },
  fix: {
    en: "Flask: SESSION_COOKIE_SAMESITE = 'Lax'; Django: SESSION_COOKIE_SAMESITE = 'Lax' (default); Express: cookie: { sameSite: 'lax' }; for cross-site use, `SameSite=None; Secure`.",
    ja: "Flask は SESSION_COOKIE_SAMESITE = 'Lax'、Django は SESSION_COOKIE_SAMESITE = 'Lax'（既定値）、Express は cookie: { sameSite: 'lax' } です。クロスサイトで使う Cookie は `SameSite=None; Secure` にします。",
  },
  references: { cwe: ['CWE-1275', 'CWE-352'], equivalents: ['Mozilla Observatory cookies', 'seed S0.10'] },
  check(facts, ctx) {
    for (const c of liveCookies(facts.probeCookie)) {
      const v = c.sameSite?.toLowerCase();
      if (v === 'lax' || v === 'strict' || v === 'none') continue;
      ctx.report({
        file: c.url,
        severity: isSessionCookie(c.name) ? 'low' : 'info',
        key: c.name,
        message: c.sameSite === undefined
          ? { en: `Cookie ${c.name} is set without SameSite`, ja: `Cookie ${c.name} に SameSite 属性がありません` }
          : { en: `Cookie ${c.name} has an invalid SameSite value "${c.sameSite.slice(0, 20)}"`, ja: `Cookie ${c.name} の SameSite の値「${c.sameSite.slice(0, 20)}」が不正です` },
        evidence: `Set-Cookie: ${c.name}=****${c.secure ? '; Secure' : ''}${c.httpOnly ? '; HttpOnly' : ''}`,
      });
    }
  },
});
