import { defineRule } from '../define.js';
import { CSP } from '../../lib/csp.js';
import { reportCsp } from './_report.js';

export default defineRule({
  id: 'csp/wildcard-source',
  command: 'probe',
  severity: 'medium',
  facts: ['probeResponse'],
  title: { en: 'CSP allows scripts from anywhere', ja: 'CSP がどこからでもスクリプトを読み込めるようにしている' },
  description: {
    en: "A source of `*`, `https:`, `http:` or `data:` in script-src, object-src or default-src lets an attacker load script from any host (or an inline data: URL), which defeats the policy.",
    ja: "script-src・object-src・default-src に `*`、`https:`、`http:`、`data:` があると、攻撃者は任意のホスト（や data: URL）からスクリプトを読み込めるため、ポリシーが無意味になります。",
  },
  fix: {
    en: "List the exact origins you load scripts from (ideally only 'self'), or use nonces with 'strict-dynamic'; never a bare scheme or *.",
    ja: "スクリプトを読み込む正確なオリジン（理想的には 'self' のみ）を列挙するか、nonce と 'strict-dynamic' を使ってください。スキームだけの指定や * は使いません。",
  },
  references: { cwe: ['CWE-79'], equivalents: ['csp_evaluator PLAIN_WILDCARD', 'csp_evaluator PLAIN_URL_SCHEMES'] },
  async check(facts, ctx) {
    await reportCsp(facts.probeResponse, (i) => ctx.report(i), (i) => i.type === CSP.PLAIN_WILDCARD || i.type === CSP.PLAIN_URL_SCHEMES || i.type === CSP.WILDCARD_URL, (i) => ({
      en: `Content-Security-Policy allows "${i.value ?? '*'}" in ${i.directive}: scripts can come from anywhere`,
      ja: `Content-Security-Policy の ${i.directive} が「${i.value ?? '*'}」を許可しています: どこからでもスクリプトを読み込めます`,
    }));
  },
});
