import { defineRule } from '../define.js';
import { isSessionCookie, liveCookies } from '../../facts/probe-queries.js';

export default defineRule({
  id: 'cookie/missing-host-prefix',
  command: 'probe',
  severity: 'info',
  facts: ['probeCookie'],
  title: { en: 'Session cookie could use the __Host- prefix', ja: 'セッション Cookie に __Host- プレフィックスを使える' },
  description: {
    en: 'A cookie named `__Host-…` is accepted by browsers only when it is Secure, has Path=/ and no Domain — so a compromised or plain-HTTP subdomain cannot overwrite ("toss") the session cookie. The session cookie already meets the conditions; only the name is missing.',
    ja: '`__Host-…` という名前の Cookie は、Secure・Path=/・Domain なしの場合にのみブラウザに受け入れられます。そのため、乗っ取られたサブドメインや平文 HTTP のサブドメインからセッション Cookie を上書きされません（Cookie トッシング対策）。このセッション Cookie はすでに条件を満たしており、足りないのは名前だけです。',
  },
  fix: {
    en: "Rename it: Flask SESSION_COOKIE_NAME = '__Host-session'; Django SESSION_COOKIE_NAME = '__Host-sessionid'; Express session({ name: '__Host-sid' }).",
    ja: "名前を変更してください。Flask は SESSION_COOKIE_NAME = '__Host-session'、Django は SESSION_COOKIE_NAME = '__Host-sessionid'、Express は session({ name: '__Host-sid' }) です。",
  },
  references: { cwe: ['CWE-565'], equivalents: ['Mozilla Observatory cookies'] },
  check(facts, ctx) {
    for (const c of liveCookies(facts.probeCookie)) {
      if (!isSessionCookie(c.name) || c.name.startsWith('__Host-') || !c.secure || c.domain || (c.path ?? '/') !== '/' || !c.overHttps) continue;
      ctx.report({
        file: c.url,
        key: c.name,
        message: { en: `Session cookie ${c.name} could be named __Host-${c.name.replace(/^__Secure-/, '')} so subdomains cannot overwrite it`, ja: `セッション Cookie ${c.name} を __Host-${c.name.replace(/^__Secure-/, '')} という名前にすると、サブドメインから上書きされなくなります` },
      });
    }
  },
});
