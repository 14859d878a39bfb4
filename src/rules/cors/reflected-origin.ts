import { defineRule } from '../define.js';
import { byRole, hdr } from '../../facts/probe-queries.js';

export default defineRule({
  id: 'cors/reflected-origin',
  command: 'probe',
  severity: 'high',
  facts: ['probeResponse'],
  title: { en: 'CORS trusts any Origin', ja: 'CORS が任意の Origin を信頼している' },
  description: {
    en: 'The site answered a request from an unrelated origin (and from `Origin: null`, which sandboxed frames and local files send) by echoing it in Access-Control-Allow-Origin. With Access-Control-Allow-Credentials: true, any website the user visits can read their authenticated data from this site. Usually an allow-list replaced by "reflect the Origin" during development.',
    ja: '無関係なオリジン（やサンドボックス化された iframe やローカルファイルが送る `Origin: null`）からのリクエストに対し、そのまま Access-Control-Allow-Origin に返しています。Access-Control-Allow-Credentials: true も付いている場合、利用者が訪れた任意のサイトがこのサイトの認証済みデータを読み取れます。開発中に許可リストを「Origin をそのまま返す」に置き換えたものが多いです。',
  },
  fix: {
    en: 'Allow only the exact front-end origins (e.g. MKS_CORS_ORIGINS=https://app.example.com): flask-cors origins=[…], django-cors-headers CORS_ALLOWED_ORIGINS, Express cors({ origin: [\'https://app.example.com\'] }); never reflect the request\'s Origin, never allow "null".',
    ja: 'フロントエンドの正確なオリジンのみを許可してください（例: MKS_CORS_ORIGINS=https://app.example.com）。flask-cors の origins=[…]、django-cors-headers の CORS_ALLOWED_ORIGINS、Express の cors({ origin: [\'https://app.example.com\'] }) などです。リクエストの Origin をそのまま返したり、"null" を許可したりしないでください。',
  },
  references: { cwe: ['CWE-942', 'CWE-346'], equivalents: ['Mozilla Observatory cross-origin-resource-sharing', 'seed S1.24'] },
  check(facts, ctx) {
    for (const role of ['cors-foreign', 'cors-null'] as const) {
      for (const r of byRole(facts.probeResponse, role)) {
        const sent = r.requestHeaders?.origin;
        const acao = hdr(r, 'access-control-allow-origin')?.trim();
        if (!sent || !acao || acao !== sent) continue;
        const creds = hdr(r, 'access-control-allow-credentials')?.trim().toLowerCase() === 'true';
        const who = role === 'cors-null' ? { en: 'Origin: null', ja: 'Origin: null' } : { en: `an unrelated origin (${sent})`, ja: `無関係なオリジン（${sent}）` };
        ctx.report({
          file: r.url,
          severity: creds ? 'high' : 'low',
          message: creds
            ? { en: `CORS allows ${who.en} with credentials: any site can read this site's responses as the logged-in user`, ja: `CORS が ${who.ja} を資格情報付きで許可しています: 任意のサイトがログイン中の利用者としてこのサイトの応答を読めます` }
            : { en: `CORS reflects ${who.en} in Access-Control-Allow-Origin (without credentials)`, ja: `CORS が ${who.ja} を Access-Control-Allow-Origin にそのまま返しています（資格情報なし）` },
          evidence: `Access-Control-Allow-Origin: ${acao}${creds ? '; Access-Control-Allow-Credentials: true' : ''}`,
        });
      }
    }
  },
});
