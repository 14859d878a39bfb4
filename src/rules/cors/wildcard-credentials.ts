import { defineRule } from '../define.js';
import { hdr } from '../../facts/probe-queries.js';

export default defineRule({
  id: 'cors/wildcard-credentials',
  command: 'probe',
  severity: 'medium',
  facts: ['probeResponse'],
  title: { en: 'CORS sends * together with credentials', ja: 'CORS が * と資格情報の許可を同時に返している' },
  description: {
    en: '`Access-Control-Allow-Origin: *` with `Access-Control-Allow-Credentials: true` is refused by browsers: credentialed cross-origin calls fail ("CORS errors" in the seed) and the configuration shows the intent to open the API to everyone. Credentialed CORS needs an explicit origin.',
    ja: '`Access-Control-Allow-Origin: *` と `Access-Control-Allow-Credentials: true` の組み合わせはブラウザに拒否されます。資格情報付きのクロスオリジン呼び出しが失敗し（いわゆる CORS エラー）、しかも API を誰にでも開放しようとする設定になっています。資格情報付きの CORS には明示的なオリジンが必要です。',
  },
  fix: {
    en: 'List the allowed origins explicitly (CORS_ALLOWED_ORIGINS / origins=[…]) and answer with the matching one; keep * only for public, credential-free resources.',
    ja: '許可するオリジンを明示的に列挙し（CORS_ALLOWED_ORIGINS / origins=[…]）、一致したものだけを返してください。* は資格情報を使わない公開リソースにのみ使います。',
  },
  references: { cwe: ['CWE-942'], equivalents: ['seed S1.24'] },
  check(facts, ctx) {
    const seen = new Set<string>();
    for (const r of facts.probeResponse) {
      if (seen.has(r.url)) continue;
      const acao = hdr(r, 'access-control-allow-origin')?.trim();
      const creds = hdr(r, 'access-control-allow-credentials')?.trim().toLowerCase() === 'true';
      if (acao !== '*' || !creds) continue;
      seen.add(r.url);
      ctx.report({
        file: r.url,
        message: { en: 'CORS answers Access-Control-Allow-Origin: * with Access-Control-Allow-Credentials: true (browsers refuse this)', ja: 'CORS が Access-Control-Allow-Origin: * と Access-Control-Allow-Credentials: true を同時に返しています（ブラウザはこれを拒否します）' },
        evidence: 'Access-Control-Allow-Origin: *; Access-Control-Allow-Credentials: true',
      });
    }
  },
});
