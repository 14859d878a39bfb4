import { defineRule } from '../define.js';
import { CSP } from '../../lib/csp.js';
import { reportCsp } from './_report.js';

export default defineRule({
  id: 'csp/invalid-syntax',
  command: 'probe',
  severity: 'low',
  facts: ['probeResponse'],
  title: { en: 'CSP has unknown or malformed parts', ja: 'CSP に不明または不正な記述がある' },
  description: {
    en: 'Browsers ignore what they do not understand in a policy: a misspelled directive, a keyword without its quotes (self instead of \'self\'), a missing semicolon or a deprecated directive silently weakens or changes it.',
    ja: 'ブラウザはポリシー中の解釈できない部分を無視します。ディレクティブの綴り間違い、引用符のないキーワード（\'self\' ではなく self）、セミコロンの欠落、廃止されたディレクティブは、気づかないうちにポリシーを弱めたり変えたりします。',
  },
  fix: {
    en: "Correct the policy: quote keywords ('self', 'none', 'nonce-…'), separate directives with ';', use current directive names (report-to instead of report-uri alone, no reflected-xss / referrer).",
    ja: "ポリシーを修正してください。キーワードは引用符で囲み（'self'、'none'、'nonce-…'）、ディレクティブは ; で区切り、現行のディレクティブ名を使います（report-uri だけでなく report-to、reflected-xss や referrer は使わない）。",
  },
  references: { cwe: ['CWE-693'], equivalents: ['csp_evaluator UNKNOWN_DIRECTIVE', 'csp_evaluator INVALID_KEYWORD', 'csp_evaluator MISSING_SEMICOLON'] },
  async check(facts, ctx) {
    const types = new Set<number>([CSP.MISSING_SEMICOLON, CSP.UNKNOWN_DIRECTIVE, CSP.INVALID_KEYWORD, CSP.NONCE_CHARSET, CSP.DEPRECATED_DIRECTIVE]);
    await reportCsp(facts.probeResponse, (i) => ctx.report(i), (i) => types.has(i.type), (i) => {
      switch (i.type) {
        case CSP.UNKNOWN_DIRECTIVE:
          return { en: `Content-Security-Policy has an unknown directive "${i.directive}": browsers ignore it`, ja: `Content-Security-Policy に不明なディレクティブ「${i.directive}」があります: ブラウザに無視されます` };
        case CSP.INVALID_KEYWORD:
          return { en: `Content-Security-Policy has an invalid keyword "${i.value}" in ${i.directive} (keywords need single quotes)`, ja: `Content-Security-Policy の ${i.directive} に不正なキーワード「${i.value}」があります（キーワードは単引用符で囲みます）` };
        case CSP.MISSING_SEMICOLON:
          return { en: `Content-Security-Policy seems to miss a semicolon before "${i.value}" in ${i.directive}`, ja: `Content-Security-Policy の ${i.directive} で「${i.value}」の前にセミコロンが抜けているようです` };
        case CSP.DEPRECATED_DIRECTIVE:
          return { en: `Content-Security-Policy uses the deprecated directive ${i.directive}`, ja: `Content-Security-Policy が廃止されたディレクティブ ${i.directive} を使っています` };
        default:
          return { en: `Content-Security-Policy has a malformed nonce in ${i.directive}`, ja: `Content-Security-Policy の ${i.directive} の nonce が不正です` };
      }
    });
  },
});
