import { defineRule } from '../define.js';
import { checkSetting, isTrue } from './_settings.js';

export default defineRule({
  id: 'django/insecure-session-cookie',
  severity: 'medium',
  environments: ['production', 'staging'],
  facts: ['python'],
  title: { en: 'Django session cookie without the Secure flag', ja: 'Django のセッション Cookie に Secure 属性がない' },
  description: {
    en: 'SESSION_COOKIE_SECURE defaults to False, so the session cookie is also sent over plain HTTP (the first request before a redirect, a mixed-content link, a hostile network) where it can be captured and replayed to take over the account.',
    ja: 'SESSION_COOKIE_SECURE のデフォルトは False のため、セッション Cookie は平文 HTTP (リダイレクト前の最初のリクエスト、混在コンテンツのリンク、悪意あるネットワーク) でも送られ、盗聴・再利用されるとアカウントを乗っ取られます。',
  },
  fix: { en: 'Set `SESSION_COOKIE_SECURE = True` in the production settings (and serve the site over HTTPS only).', ja: '本番設定で `SESSION_COOKIE_SECURE = True` にします (サイトは HTTPS のみで配信します)。' },
  references: { cwe: ['CWE-614'], equivalents: ['Django security.W012'] },
  check(facts, ctx) {
    checkSetting(facts.python, ctx, { key: 'SESSION_COOKIE_SECURE', defaultText: 'False', safe: isTrue, why: { en: 'the session cookie is also sent over plain HTTP', ja: 'セッション Cookie が平文 HTTP でも送られます' } });
  },
});
