import { defineRule } from '../define.js';
import { at, listItems, withRole } from './_common.js';

export default defineRule({
  id: 'env/wildcard-allowed-hosts',
  severity: 'medium',
  command: 'env',
  environments: ['production', 'staging'],
  facts: ['envVar'],
  title: {
    en: 'ALLOWED_HOSTS accepts any host',
    ja: 'ALLOWED_HOSTS が任意のホストを受け付ける',
  },
  description: {
    en: 'ALLOWED_HOSTS contains `*`: the app answers for any Host header, which enables host-header attacks (poisoned password-reset links, cache poisoning).',
    ja: 'ALLOWED_HOSTS に `*` が含まれており、アプリがどんな Host ヘッダーにも応答します。Host ヘッダー攻撃 (パスワードリセットのリンクの改ざん、キャッシュポイズニング) が可能になります。',
  },
  fix: {
    en: 'List the real domain names: ALLOWED_HOSTS=app.example.com,www.example.com.',
    ja: '実際のドメイン名を列挙してください: ALLOWED_HOSTS=app.example.com,www.example.com。',
  },
  references: { cwe: ['CWE-644'], equivalents: ['Django security.W020'] },
  check(facts, ctx) {
    for (const v of withRole(facts.envVar, 'allowed-hosts')) {
      if (!listItems(v.value).includes('*')) continue;
      ctx.report({
        ...at(v),
        message: { en: `${v.key} contains "*" in ${ctx.environment}: any Host header is accepted`, ja: `${v.key} が ${ctx.environment} で "*" を含み、任意の Host ヘッダーを受け付けます` },
        fingerprint: `${v.key} wildcard`,
      });
    }
  },
});
