import { defineRule } from '../define.js';
import { targetOf } from '../../facts/probe-queries.js';

export default defineRule({
  id: 'http/not-https',
  command: 'probe',
  severity: 'high',
  facts: ['probeTarget'],
  title: { en: 'Site served over plain HTTP', ja: 'サイトが平文の HTTP で提供されている' },
  description: {
    en: 'The probed URL is http://. Everything — passwords, session cookies, pages — crosses the network in clear text and can be read or changed on the way. Production sites are served over HTTPS only.',
    ja: '確認した URL が http:// です。パスワード、セッション Cookie、ページの内容がすべて平文で流れ、途中で盗聴・改ざんされ得ます。本番サイトは HTTPS のみで提供します。',
  },
  fix: {
    en: 'Terminate TLS in front of the application (nginx with a Let\'s Encrypt certificate: `certbot --nginx -d NAME`), redirect port 80 with `return 301 https://$host$request_uri;`, and probe the https:// URL.',
    ja: 'アプリケーションの前段で TLS を終端し（nginx と Let\'s Encrypt の証明書: `certbot --nginx -d ホスト名`）、80 番ポートは `return 301 https://$host$request_uri;` でリダイレクトして、https:// の URL を確認してください。',
  },
  references: { cwe: ['CWE-319'], equivalents: ['Lighthouse is-on-https', 'seed S0.14'] },
  check(facts, ctx) {
    const t = targetOf(facts);
    if (!t || t.scheme !== 'http' || t.dnsError) return;
    ctx.report({
      file: t.url,
      message: { en: `The site is served over plain HTTP (${t.url}), not HTTPS`, ja: `サイトが HTTPS ではなく平文の HTTP（${t.url}）で提供されています` },
    });
  },
});
