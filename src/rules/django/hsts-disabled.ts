import { defineRule } from '../define.js';
import { checkSetting } from './_settings.js';

export default defineRule({
  id: 'django/hsts-disabled',
  severity: 'low',
  environments: ['production', 'staging'],
  facts: ['python'],
  title: { en: 'Django sends no HSTS header', ja: 'Django が HSTS ヘッダーを送らない' },
  description: {
    en: 'SECURE_HSTS_SECONDS defaults to 0, so no Strict-Transport-Security header is sent and browsers keep making the first request of each visit over plain HTTP, where it can be intercepted (SSL stripping). The proxy can send HSTS instead; then waive this rule.',
    ja: 'SECURE_HSTS_SECONDS のデフォルトは 0 で、Strict-Transport-Security ヘッダーが送られません。ブラウザは訪問ごとの最初のリクエストを平文 HTTP で送り続け、そこを傍受されえます (SSL ストリッピング)。プロキシが HSTS を送っているなら、このルールを waiver にします。',
  },
  fix: {
    en: 'Start with `SECURE_HSTS_SECONDS = 3600`, check every subdomain works over HTTPS, then raise it to `31536000` with `SECURE_HSTS_INCLUDE_SUBDOMAINS = True`.',
    ja: 'まず `SECURE_HSTS_SECONDS = 3600` にし、すべてのサブドメインが HTTPS で動くことを確認してから `31536000` と `SECURE_HSTS_INCLUDE_SUBDOMAINS = True` に上げます。',
  },
  references: { cwe: ['CWE-319', 'CWE-523'], equivalents: ['Django security.W004'] },
  check(facts, ctx) {
    checkSetting(facts.python, ctx, {
      key: 'SECURE_HSTS_SECONDS',
      defaultText: '0',
      safe: (r) => typeof r === 'number' ? r > 0 : typeof r === 'string' ? Number(r) > 0 : false,
      why: { en: 'no Strict-Transport-Security header is sent', ja: 'Strict-Transport-Security ヘッダーが送られません' },
    });
  },
});
