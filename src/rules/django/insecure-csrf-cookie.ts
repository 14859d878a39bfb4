import { defineRule } from '../define.js';
import { checkSetting, isTrue } from './_settings.js';

export default defineRule({
  id: 'django/insecure-csrf-cookie',
  severity: 'medium',
  environments: ['production', 'staging'],
  facts: ['python'],
  title: { en: 'Django CSRF cookie without the Secure flag', ja: 'Django の CSRF Cookie に Secure 属性がない' },
  description: {
    en: 'CSRF_COOKIE_SECURE defaults to False: the CSRF token cookie travels over plain HTTP too, where a network attacker can read it (and, without HSTS, set their own) and then forge requests that pass the CSRF check.',
    ja: 'CSRF_COOKIE_SECURE のデフォルトは False です。CSRF トークンの Cookie が平文 HTTP でも流れるため、ネットワーク上の攻撃者が読み取り (HSTS がなければ自分の値を設定し)、CSRF チェックを通る偽のリクエストを作れます。',
  },
  fix: { en: 'Set `CSRF_COOKIE_SECURE = True` in the production settings.', ja: '本番設定で `CSRF_COOKIE_SECURE = True` にします。' },
  references: { cwe: ['CWE-614', 'CWE-352'], equivalents: ['Django security.W016'] },
  check(facts, ctx) {
    checkSetting(facts.python, ctx, { key: 'CSRF_COOKIE_SECURE', defaultText: 'False', safe: isTrue, why: { en: 'the CSRF cookie is also sent over plain HTTP', ja: 'CSRF Cookie が平文 HTTP でも送られます' } });
  },
});
