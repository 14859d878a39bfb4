import { effectiveHeaders, isTls, servers } from '../../facts/nginx/query.js';
import { defineRule } from '../define.js';
import { at, reporter, servesContent, unknownIncludes } from './_shared.js';

export default defineRule({
  id: 'nginx/missing-hsts',
  severity: 'medium',
  environments: ['production', 'staging'],
  facts: ['nginx'],
  title: {
    en: 'HTTPS server without Strict-Transport-Security',
    ja: 'HTTPS のサーバーに Strict-Transport-Security がない',
  },
  description: {
    en: 'Without an HSTS header a browser keeps trying http:// first (typed URLs, old links, bookmarks), so the first request of every visit can be intercepted and downgraded before the redirect (SSL stripping). HSTS makes the browser use HTTPS by itself for max-age seconds.',
    ja: 'HSTS ヘッダーがないと、ブラウザは入力された URL・古いリンク・ブックマークで http:// を先に試すため、毎回の最初のリクエストがリダイレクト前に傍受されダウングレードされ得ます (SSL ストリッピング)。HSTS があれば、ブラウザは max-age 秒のあいだ自ら HTTPS を使います。',
  },
  fix: {
    en: 'Add `add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;` to the TLS server (and to every location that has its own add_header). Add `preload` only after checking every subdomain serves HTTPS.',
    ja: 'TLS の server に `add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;` を追加します（独自の add_header を持つ location にも必要です）。`preload` はすべてのサブドメインが HTTPS で配信されていることを確認してから付けます。',
  },
  references: { cwe: ['CWE-319', 'CWE-523'] },
  check(facts, ctx) {
    const once = reporter(ctx);
    for (const cfg of facts.nginx) {
      for (const s of servers(cfg)) {
        if (!isTls(s) || !servesContent(s)) continue;
        if (effectiveHeaders(s.chain).headers.has('strict-transport-security')) continue;
        if (unknownIncludes(s.chain, 'headers').length) continue;
        once(`${s.node.file}:${s.node.line}`, () =>
          ctx.report({
            ...at(s.node),
            message: {
              en: 'HTTPS server sends no Strict-Transport-Security header (unless the application behind it adds one)',
              ja: 'HTTPS のサーバーが Strict-Transport-Security ヘッダーを送っていません（背後のアプリケーションが付けている場合を除く）',
            },
          }),
        );
      }
    }
  },
});
