import { isPlainHttp, isTls, listens, locationMatch, locations, servers } from '../../facts/nginx/query.js';
import { defineRule } from '../define.js';
import { at, reporter, serverRedirectsToHttps, servingLocations, unknownIncludes } from './_shared.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|\[::1\]|localhost)$/;

export default defineRule({
  id: 'nginx/http-not-redirected',
  severity: 'high',
  environments: ['production', 'staging'],
  facts: ['nginx'],
  title: {
    en: 'Plain-HTTP server serves the site instead of redirecting to HTTPS',
    ja: 'HTTP のサーバーが HTTPS へリダイレクトせずにサイトを配信している',
  },
  description: {
    en: 'A server listening without TLS (port 80) answers with the application or its files instead of a permanent redirect to https://. Logins, session cookies and API tokens then travel in clear text, and anyone on the network path can read or change them. The ACME http-01 challenge path (/.well-known/acme-challenge/) may stay on HTTP; everything else should be a 301/308 to the same URL on https://.',
    ja: 'TLS なし（ポート 80）で待ち受けるサーバーが、https:// への恒久リダイレクトではなくアプリケーションやファイルを返しています。ログイン情報・セッション Cookie・API トークンが平文で流れ、経路上の第三者に盗聴・改ざんされます。ACME http-01 チャレンジのパス (/.well-known/acme-challenge/) だけは HTTP のままでよく、それ以外はすべて https:// の同じ URL へ 301/308 で転送すべきです。',
  },
  fix: {
    en: 'Make the port-80 server only redirect: `return 301 https://$host$request_uri;` (keep `location /.well-known/acme-challenge/ { root /var/www/html; }` if certbot renews over HTTP), and serve the application from a `listen 443 ssl` server. Behind a TLS-terminating load balancer, redirect on `if ($http_x_forwarded_proto = "http") { return 301 https://$host$request_uri; }`.',
    ja: 'ポート 80 のサーバーはリダイレクトだけにします: `return 301 https://$host$request_uri;`（certbot が HTTP で更新する場合は `location /.well-known/acme-challenge/ { root /var/www/html; }` を残す）。アプリケーションは `listen 443 ssl` のサーバーから配信します。TLS をロードバランサーで終端している場合は `if ($http_x_forwarded_proto = "http") { return 301 https://$host$request_uri; }` でリダイレクトします。',
  },
  references: { cwe: ['CWE-319'] },
  check(facts, ctx) {
    const once = reporter(ctx);
    for (const cfg of facts.nginx) {
      const all = servers(cfg);
      const anyTls = all.some((s) => isTls(s));
      for (const s of all) {
        if (!isPlainHttp(s)) continue;
        const plain = listens(s).filter((l) => !l.ssl && !l.quic && !l.unix);
        // Loopback-only servers (status pages, internal upstreams) are not reachable from outside.
        if (plain.length && plain.every((l) => l.address !== undefined && LOOPBACK.test(l.address))) continue;
        if (serverRedirectsToHttps(s)) continue;
        const serving = servingLocations(s);
        // Requests no location matches are served by the server level (its root directory).
        const coversRoot = locations(s).some((l) => {
          const m = locationMatch(l.node);
          return l.chain.length === s.chain.length + 1 && m.path === '/' && (m.modifier === undefined || m.modifier === '^~');
        });
        if (coversRoot && serving.length === 0) continue;
        // A snippet we cannot see might hold the redirect.
        if (unknownIncludes([s.chain[s.chain.length - 1]!], 'any').length) continue;
        const anchor = plain[0]?.directive ?? s.node;
        const port = plain[0]?.port ?? 80;
        const loc = serving[0] ? `location ${serving[0].node.args.join(' ')} (${serving[0].node.file}:${serving[0].node.line})` : undefined;
        const what = loc ?? 'its root directory';
        const whatJa = loc ?? 'ルートディレクトリ';
        const mixed = isTls(s);
        once(`${anchor.file}:${anchor.line}`, () =>
          ctx.report({
            ...at(anchor),
            severity: anyTls ? 'high' : 'medium',
            message: mixed
              ? {
                  en: `Server listens on plain HTTP port ${port} as well as HTTPS and serves ${what} over both: plain-HTTP requests are not redirected to https://`,
                  ja: `このサーバーは HTTPS に加えて平文 HTTP のポート ${port} でも待ち受け、${whatJa} を両方で配信しています: 平文 HTTP のリクエストが https:// にリダイレクトされません`,
                }
              : anyTls
                ? {
                    en: `Plain-HTTP server (port ${port}) serves ${what} instead of redirecting to https://`,
                    ja: `平文 HTTP のサーバー (ポート ${port}) が https:// へリダイレクトせずに ${whatJa} を配信しています`,
                  }
                : {
                    en: `Plain-HTTP server (port ${port}) serves ${what} and no server in this configuration terminates TLS: if a load balancer terminates TLS in front of it, redirect on X-Forwarded-Proto; otherwise the site is served in clear text`,
                    ja: `平文 HTTP のサーバー (ポート ${port}) が ${whatJa} を配信しており、この設定には TLS を終端するサーバーがありません: 前段のロードバランサーで TLS を終端しているなら X-Forwarded-Proto でリダイレクトし、そうでなければサイトが平文で配信されています`,
                  },
          }),
        );
      }
    }
  },
});
