import { defineRule } from '../define.js';
import { isSessionCookie, liveCookies } from '../../facts/probe-queries.js';

export default defineRule({
  id: 'cookie/missing-secure',
  command: 'probe',
  severity: 'high',
  facts: ['probeCookie'],
  title: { en: 'Cookie without the Secure flag', ja: 'Secure 属性のない Cookie' },
  description: {
    en: 'A cookie without `Secure` is also sent over plain HTTP, where anyone on the network can read it — for a session cookie that means taking over the account. The seed\'s development setting SESSION_COOKIE_SECURE = False is exactly this.',
    ja: '`Secure` のない Cookie は平文の HTTP でも送信され、ネットワーク上の誰でも読めます。セッション Cookie ならアカウントの乗っ取りにつながります。開発時の SESSION_COOKIE_SECURE = False がまさにこれです。',
  },
  fix: {
    en: 'Flask: SESSION_COOKIE_SECURE = True (and REMEMBER_COOKIE_SECURE); Django: SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True; Rails: config.force_ssl = true; Express: cookie: { secure: true } with app.set(\'trust proxy\', 1) behind nginx.',
    ja: 'Flask は SESSION_COOKIE_SECURE = True（と REMEMBER_COOKIE_SECURE）、Django は SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True、Rails は config.force_ssl = true、Express は cookie: { secure: true }（nginx の背後なら app.set(\'trust proxy\', 1) も）です。',
  },
  references: { cwe: ['CWE-614'], equivalents: ['Django security.W012', 'Django security.W016', 'testssl cookie_secure', 'Mozilla Observatory cookies', 'seed S0.10'] },
  check(facts, ctx) {
    for (const c of liveCookies(facts.probeCookie)) {
      if (c.secure || !c.overHttps) continue;
      const session = isSessionCookie(c.name);
      const none = c.sameSite?.toLowerCase() === 'none';
      ctx.report({
        file: c.url,
        severity: session ? 'high' : 'medium',
        key: c.name,
        message: none
          ? { en: `Cookie ${c.name} has SameSite=None without Secure: browsers reject it, and it would travel over plain HTTP`, ja: `Cookie ${c.name} が Secure なしで SameSite=None です: ブラウザに拒否され、平文の HTTP でも送信されてしまいます` }
          : { en: `${session ? 'Session cookie' : 'Cookie'} ${c.name} is set without Secure: it is also sent over plain HTTP`, ja: `${session ? 'セッション Cookie' : 'Cookie'} ${c.name} に Secure 属性がありません: 平文の HTTP でも送信されます` },
        evidence: `Set-Cookie: ${c.name}=****${c.httpOnly ? '; HttpOnly' : ''}${c.sameSite ? `; SameSite=${c.sameSite}` : ''}`,
      });
    }
  },
});
