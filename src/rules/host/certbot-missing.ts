import { defineRule } from '../define.js';

export default defineRule({
  id: 'host/certbot-missing',
  severity: 'medium',
  command: 'host',
  facts: ['hostPackages'],
  title: { en: 'nginx is installed but certbot is not', ja: 'nginx はあるが certbot がインストールされていない' },
  description: {
    en: 'The checklist obtains and renews the TLS certificate with certbot (Let\'s Encrypt). Without it, the certificate was installed by hand and nothing renews it: in 90 days the site fails with a certificate error.',
    ja: 'チェックリストは TLS 証明書を certbot (Let\'s Encrypt) で取得・更新します。certbot がないと証明書は手作業で入れられたもので、誰も更新しません。90 日後にサイトが証明書エラーになります。',
  },
  fix: { en: '`apt-get install certbot python3-certbot-nginx`, then `certbot --nginx -d example.com` and check `certbot renew --dry-run`.', ja: '`apt-get install certbot python3-certbot-nginx` のあと `certbot --nginx -d example.com` を実行し、`certbot renew --dry-run` を確認します。' },
  check(facts, ctx) {
    for (const db of facts.hostPackages) {
      const nginx = db.packages.find((p) => /^nginx(-core|-full|-light|-extras)?$/.test(p.name));
      if (!nginx || db.packages.some((p) => p.name === 'certbot')) continue;
      ctx.report({ file: db.file, line: nginx.line, message: { en: `nginx ${nginx.version} is installed but certbot is not: nothing obtains or renews Let's Encrypt certificates`, ja: `nginx ${nginx.version} はありますが certbot がありません: Let's Encrypt 証明書を取得・更新するものがありません` } });
    }
  },
});
