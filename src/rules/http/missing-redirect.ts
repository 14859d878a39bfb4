import { defineRule } from '../define.js';
import { targetOf } from '../../facts/probe-queries.js';

export default defineRule({
  id: 'http/missing-redirect',
  command: 'probe',
  severity: 'high',
  facts: ['probeTarget', 'probeRedirect'],
  title: { en: 'Plain HTTP does not redirect to HTTPS', ja: 'HTTP から HTTPS へリダイレクトされない' },
  description: {
    en: 'A visitor who types the bare name, or follows an old http:// link, must land on HTTPS. When plain HTTP serves the page itself (or an error), logins and cookies can travel in clear text and HSTS is never learned. When nothing answers on port 80, those visitors just get an error.',
    ja: 'ホスト名だけを入力した利用者や古い http:// のリンクから来た利用者は、HTTPS に誘導されなければなりません。HTTP のままページ（やエラー）を返すと、ログイン情報や Cookie が平文で流れ、HSTS も学習されません。80 番ポートが応答しない場合、その利用者にはエラーしか表示されません。',
  },
  fix: {
    en: 'In nginx: `server { listen 80; server_name NAME; location /.well-known/acme-challenge/ { root /var/www/html; } location / { return 301 https://$host$request_uri; } }` — or Talisman(force_https=True) / SECURE_SSL_REDIRECT = True / config.force_ssl = true in the application.',
    ja: 'nginx では `server { listen 80; server_name ホスト名; location /.well-known/acme-challenge/ { root /var/www/html; } location / { return 301 https://$host$request_uri; } }` とします。アプリケーション側なら Talisman(force_https=True)、SECURE_SSL_REDIRECT = True、config.force_ssl = true などです。',
  },
  references: { cwe: ['CWE-319'], equivalents: ['Mozilla Observatory redirection', 'Django security.W008', 'seed S0.14', 'seed S1.17'] },
  check(facts, ctx) {
    const t = targetOf(facts);
    const r = facts.probeRedirect[0];
    if (!t || !r || t.dnsError) return;
    const first = r.hops[0];
    if (!first) return;
    if (first.errorCode) {
      ctx.report({
        file: r.httpUrl,
        severity: 'low',
        message: {
          en: `Plain HTTP does not answer (${first.errorCode}): visitors who type the bare name get an error instead of a redirect to HTTPS`,
          ja: `HTTP が応答しません（${first.errorCode}）: ホスト名だけを入力した利用者には HTTPS へのリダイレクトではなくエラーが表示されます`,
        },
        evidence: first.errorCode,
      });
      return;
    }
    const redirects = first.status !== undefined && first.status >= 300 && first.status < 400;
    if (!redirects) {
      ctx.report({
        file: r.httpUrl,
        message: {
          en: `Plain HTTP answers ${first.status} instead of redirecting to HTTPS`,
          ja: `HTTP が HTTPS へリダイレクトせず、${first.status} を返しています`,
        },
        evidence: `HTTP ${first.status}`,
      });
      return;
    }
    if (!first.location) {
      ctx.report({
        file: r.httpUrl,
        message: { en: `Plain HTTP answers ${first.status} without a Location header: browsers go nowhere`, ja: `HTTP が Location ヘッダーなしで ${first.status} を返しています: ブラウザはどこにも移動しません` },
        evidence: `HTTP ${first.status}`,
      });
      return;
    }
    const reachesHttps = r.hops.some((h) => h.location?.startsWith('https:'));
    if (!reachesHttps) {
      const path = r.hops.map((h) => `${h.status ?? h.errorCode} ${h.location ?? ''}`.trim()).join(' → ');
      ctx.report({
        file: r.httpUrl,
        message: { en: `Plain HTTP redirects, but never to HTTPS (${path})`, ja: `HTTP はリダイレクトしますが、HTTPS には到達しません（${path}）` },
        evidence: path.slice(0, 200),
      });
    }
  },
});
