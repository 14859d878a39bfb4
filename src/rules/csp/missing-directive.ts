import { defineRule } from '../define.js';
import { CSP } from '../../lib/csp.js';
import { reportCsp } from './_report.js';

const WHY: Record<string, { en: string; ja: string }> = {
  'object-src': { en: "plugins (<object>, <embed>) can load script; add object-src 'none'", ja: "プラグイン（<object>、<embed>）経由でスクリプトを読み込めます。object-src 'none' を追加してください" },
  'base-uri': { en: "an injected <base> tag can redirect the page's relative script URLs; add base-uri 'none' (or 'self')", ja: "注入された <base> タグでページの相対スクリプト URL の向き先を変えられます。base-uri 'none'（または 'self'）を追加してください" },
  'script-src': { en: 'scripts are not restricted at all; add script-src (or default-src)', ja: 'スクリプトがまったく制限されていません。script-src（または default-src）を追加してください' },
};

export default defineRule({
  id: 'csp/missing-directive',
  command: 'probe',
  severity: 'medium',
  facts: ['probeResponse'],
  title: { en: 'CSP lacks object-src, base-uri or script-src', ja: 'CSP に object-src・base-uri・script-src がない' },
  description: {
    en: "A policy that does not restrict script-src (directly or through default-src), object-src, or — for nonce / hash based policies — base-uri leaves a way around it (csp_evaluator's judgement).",
    ja: "script-src（直接または default-src 経由）や object-src を制限していないポリシー、また nonce やハッシュを使うポリシーで base-uri を制限していないものには、ポリシーを回避する抜け道が残ります（csp_evaluator の判定）。",
  },
  fix: {
    en: "Add `object-src 'none'; base-uri 'none'` and a script-src (or default-src 'self').",
    ja: "`object-src 'none'; base-uri 'none'` と script-src（または default-src 'self'）を追加してください。",
  },
  references: { cwe: ['CWE-79', 'CWE-693'], equivalents: ['csp_evaluator MISSING_DIRECTIVES'] },
  async check(facts, ctx) {
    await reportCsp(facts.probeResponse, (i) => ctx.report(i), (i) => i.type === CSP.MISSING_DIRECTIVES, (i) => {
      const w = WHY[i.directive] ?? { en: i.description, ja: i.description };
      return { en: `Content-Security-Policy has no ${i.directive}: ${w.en}`, ja: `Content-Security-Policy に ${i.directive} がありません: ${w.ja}` };
    });
  },
});
