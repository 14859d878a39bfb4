import { defineRule } from '../define.js';
import { checkSetting, isTrue } from './_settings.js';

export default defineRule({
  id: 'django/ssl-redirect-disabled',
  severity: 'low',
  environments: ['production', 'staging'],
  facts: ['python'],
  title: { en: 'Django does not redirect HTTP to HTTPS', ja: 'Django が HTTP を HTTPS にリダイレクトしない' },
  description: {
    en: 'With SECURE_SSL_REDIRECT off, Django answers plain-HTTP requests itself instead of redirecting them to HTTPS. That is fine only when a proxy in front (nginx, the load balancer) already redirects every HTTP request; otherwise pages, forms and cookies can be used unencrypted.',
    ja: 'SECURE_SSL_REDIRECT が無効だと、Django は平文 HTTP のリクエストを HTTPS にリダイレクトせず、そのまま処理します。前段のプロキシ (nginx やロードバランサ) がすべての HTTP をリダイレクトしている場合だけ問題ありません。そうでなければページ、フォーム、Cookie が暗号化なしで使われます。',
  },
  fix: {
    en: "Set `SECURE_SSL_REDIRECT = True` (behind a TLS-terminating proxy also `SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')`), or redirect at the proxy and waive this rule with that reason.",
    ja: "`SECURE_SSL_REDIRECT = True` にします (TLS を終端するプロキシの背後では `SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')` も)。プロキシでリダイレクトしているなら、その理由でこのルールを waiver にします。",
  },
  references: { cwe: ['CWE-319'], equivalents: ['Django security.W008'] },
  check(facts, ctx) {
    checkSetting(facts.python, ctx, { key: 'SECURE_SSL_REDIRECT', defaultText: 'False', safe: isTrue, why: { en: 'plain-HTTP requests are served instead of redirected', ja: '平文 HTTP のリクエストがリダイレクトされずに処理されます' } });
  },
});
