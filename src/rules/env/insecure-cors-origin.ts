import { defineRule } from '../define.js';
import { at, listItems, withRole } from './_common.js';

const LOCAL = /^https?:\/\/(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(:\d+)?\/?$/i;

export default defineRule({
  id: 'env/insecure-cors-origin',
  severity: 'high',
  command: 'env',
  environments: ['production', 'staging'],
  facts: ['envVar'],
  title: {
    en: 'CORS origins allow any site, plain HTTP or localhost',
    ja: 'CORS の許可オリジンが任意のサイト、平文 HTTP、localhost を含む',
  },
  description: {
    en: 'The CORS origins list (CORS_ORIGINS, MKS_CORS_ORIGINS, ALLOWED_ORIGINS …) contains `*`, an http:// origin or a localhost origin. `*` lets any web page call the API from a visitor\'s browser; an http:// origin can be impersonated on the network; localhost is a development leftover that lets any local page in.',
    ja: 'CORS の許可オリジン (CORS_ORIGINS、MKS_CORS_ORIGINS、ALLOWED_ORIGINS など) に `*`、http:// のオリジン、localhost のオリジンが含まれています。`*` なら任意の Web ページが訪問者のブラウザから API を呼べます。http:// のオリジンはネットワーク上でなりすませます。localhost は開発の名残で、ローカルの任意のページを許可してしまいます。',
  },
  fix: {
    en: 'List only the https:// origins of your front end, e.g. CORS_ORIGINS=https://app.example.com,https://www.example.com.',
    ja: 'フロントエンドの https:// オリジンだけを列挙してください (例: CORS_ORIGINS=https://app.example.com,https://www.example.com)。',
  },
  references: { cwe: ['CWE-942', 'CWE-346'] },
  check(facts, ctx) {
    for (const v of withRole(facts.envVar, 'cors-origins')) {
      const items = listItems(v.value);
      const wildcard: string[] = items.filter((o) => o === '*' || o === 'https://*' || o === 'http://*' || o === 'null');
      const local = items.filter((o) => LOCAL.test(o));
      const http = items.filter((o) => /^http:\/\//i.test(o) && !LOCAL.test(o) && !wildcard.includes(o));
      if (!wildcard.length && !local.length && !http.length) continue;
      const parts: { en: string; ja: string }[] = [];
      if (wildcard.length) parts.push({ en: `any origin (${wildcard.join(', ')})`, ja: `任意のオリジン (${wildcard.join(', ')})` });
      if (http.length) parts.push({ en: `plain HTTP origins (${http.join(', ')})`, ja: `平文 HTTP のオリジン (${http.join(', ')})` });
      if (local.length) parts.push({ en: `local development origins (${local.join(', ')})`, ja: `ローカル開発用のオリジン (${local.join(', ')})` });
      ctx.report({
        ...at(v),
        severity: wildcard.length || http.length ? undefined : 'medium',
        message: { en: `${v.key} allows ${parts.map((p) => p.en).join(' and ')} in ${ctx.environment}`, ja: `${v.key} が ${ctx.environment} で${parts.map((p) => p.ja).join('と')}を許可しています` },
        fingerprint: `${v.key} cors`,
      });
    }
  },
});
