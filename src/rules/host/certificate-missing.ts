import { defineRule } from '../define.js';

export default defineRule({
  id: 'host/certificate-missing',
  severity: 'high',
  command: 'host',
  facts: ['hostCertificate'],
  title: { en: 'nginx names a certificate file that does not exist', ja: 'nginx が存在しない証明書ファイルを指定している' },
  description: {
    en: 'An ssl_certificate path in the deployed nginx configuration points at no file (a typo, a certificate never issued, a live/ directory for another name). nginx refuses the whole configuration: the next reload fails and a restart takes every site down.',
    ja: 'デプロイされた nginx 設定の ssl_certificate のパスにファイルがありません (綴りの誤り、未発行の証明書、別名の live/ ディレクトリなど)。nginx は設定全体を拒否し、次の reload は失敗し、再起動ですべてのサイトが止まります。',
  },
  fix: { en: 'Issue the certificate (`certbot certonly --nginx -d NAME`) or correct the path to the one in /etc/letsencrypt/live/NAME/, then `nginx -t`.', ja: '証明書を発行する (`certbot certonly --nginx -d 名前`) か、/etc/letsencrypt/live/名前/ のパスに直してから `nginx -t` を実行します。' },
  check(facts, ctx) {
    for (const c of facts.hostCertificate) {
      // Could not be looked at (permission): not known to be missing.
      if (c.exists || c.error || !c.referencedBy) continue;
      ctx.report({ file: c.referencedBy.file, line: c.referencedBy.line, column: c.referencedBy.column, message: { en: `ssl_certificate ${c.path} does not exist on this host`, ja: `ssl_certificate ${c.path} がこのホストに存在しません` } });
    }
  },
});
