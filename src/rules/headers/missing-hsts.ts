import { defineRule } from '../define.js';
import { hdr, judgedPage } from '../../facts/probe-queries.js';

export default defineRule({
  id: 'headers/missing-hsts',
  command: 'probe',
  severity: 'medium',
  facts: ['probeResponse'],
  title: { en: 'No Strict-Transport-Security header', ja: 'Strict-Transport-Security ヘッダーがない' },
  description: {
    en: 'Without HSTS, a browser that once reached the site over HTTPS will still try plain HTTP next time (typed name, old link), and an attacker on the network can keep it there (SSL stripping). HSTS makes the browser use HTTPS only, for max-age seconds.',
    ja: 'HSTS がないと、一度 HTTPS で接続したブラウザでも次回は平文の HTTP で接続しようとし（ホスト名の入力や古いリンク）、ネットワーク上の攻撃者はそのまま HTTP に留められます（SSL ストリッピング）。HSTS を返すと、ブラウザは max-age 秒の間 HTTPS のみを使います。',
  },
  fix: {
    en: 'nginx: `add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;` — Django: SECURE_HSTS_SECONDS = 31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS = True; Flask: Talisman(strict_transport_security=True); Rails: config.force_ssl = true.',
    ja: 'nginx なら `add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;`、Django なら SECURE_HSTS_SECONDS = 31536000 と SECURE_HSTS_INCLUDE_SUBDOMAINS = True、Flask なら Talisman(strict_transport_security=True)、Rails なら config.force_ssl = true です。',
  },
  references: { cwe: ['CWE-319', 'CWE-523'], equivalents: ['Django security.W004', 'testssl HSTS', 'Mozilla Observatory strict-transport-security', 'seed S0.12', 'seed S1.13'] },
  check(facts, ctx) {
    const p = judgedPage(facts.probeResponse);
    if (!p || hdr(p, 'strict-transport-security') !== undefined) return;
    ctx.report({
      file: p.url,
      message: { en: 'The HTTPS response has no Strict-Transport-Security header', ja: 'HTTPS の応答に Strict-Transport-Security ヘッダーがありません' },
    });
  },
});
