import { effectiveHeaders, headerValue, servers } from '../../facts/nginx/query.js';
import { defineRule } from '../define.js';
import { at, reporter, servesContent, unknownIncludes } from './_shared.js';

export default defineRule({
  id: 'nginx/missing-security-headers',
  severity: 'low',
  environments: ['production', 'staging'],
  facts: ['nginx'],
  title: {
    en: 'Server misses X-Content-Type-Options, frame protection or Referrer-Policy',
    ja: 'X-Content-Type-Options・フレーム保護・Referrer-Policy のいずれかがない',
  },
  description: {
    en: 'Three cheap headers close common browser-side holes: `X-Content-Type-Options: nosniff` stops MIME sniffing of uploads into scripts, `X-Frame-Options` (or CSP `frame-ancestors`) stops clickjacking, and `Referrer-Policy` keeps tokens in URLs from leaking to other sites. The application may set them itself; otherwise nginx should.',
    ja: '安価な 3 つのヘッダーでブラウザ側のよくある穴を塞げます: `X-Content-Type-Options: nosniff` はアップロードファイルがスクリプトとして解釈される MIME スニッフィングを防ぎ、`X-Frame-Options`（または CSP の `frame-ancestors`）はクリックジャッキングを防ぎ、`Referrer-Policy` は URL 中のトークンが他サイトへ漏れるのを防ぎます。アプリケーションが付けていない場合は nginx で付けます。',
  },
  fix: {
    en: 'Add to the server: `add_header X-Content-Type-Options "nosniff" always;` `add_header X-Frame-Options "SAMEORIGIN" always;` `add_header Referrer-Policy "strict-origin-when-cross-origin" always;`',
    ja: 'server に追加します: `add_header X-Content-Type-Options "nosniff" always;` `add_header X-Frame-Options "SAMEORIGIN" always;` `add_header Referrer-Policy "strict-origin-when-cross-origin" always;`',
  },
  references: { cwe: ['CWE-693', 'CWE-1021'] },
  check(facts, ctx) {
    const once = reporter(ctx);
    for (const cfg of facts.nginx) {
      for (const s of servers(cfg)) {
        if (!servesContent(s)) continue;
        if (unknownIncludes(s.chain, 'headers').length) continue;
        const h = effectiveHeaders(s.chain).headers;
        const missing: string[] = [];
        const missingJa: string[] = [];
        if (!h.has('x-content-type-options')) {
          missing.push('X-Content-Type-Options');
          missingJa.push('X-Content-Type-Options');
        }
        const csp = h.get('content-security-policy');
        const cspFrames = csp !== undefined && /frame-ancestors/i.test(headerValue(csp, 'content-security-policy') ?? '');
        if (!h.has('x-frame-options') && !cspFrames) {
          missing.push('X-Frame-Options (or CSP frame-ancestors)');
          missingJa.push('X-Frame-Options（または CSP の frame-ancestors）');
        }
        if (!h.has('referrer-policy')) {
          missing.push('Referrer-Policy');
          missingJa.push('Referrer-Policy');
        }
        if (!missing.length) continue;
        once(`${s.node.file}:${s.node.line}`, () =>
          ctx.report({
            ...at(s.node),
            message: {
              en: `Server sends no ${missing.join(', ')} header${missing.length > 1 ? 's' : ''} (unless the application adds them)`,
              ja: `サーバーが ${missingJa.join('、')} ヘッダーを送っていません（アプリケーションが付けている場合を除く）`,
            },
          }),
        );
      }
    }
  },
});
