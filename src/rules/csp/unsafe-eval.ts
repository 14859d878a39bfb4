import { defineRule } from '../define.js';
import { CSP } from '../../lib/csp.js';
import { reportCsp } from './_report.js';

export default defineRule({
  id: 'csp/unsafe-eval',
  command: 'probe',
  severity: 'low',
  facts: ['probeResponse'],
  title: { en: "CSP allows 'unsafe-eval'", ja: "CSP が 'unsafe-eval' を許可している" },
  description: {
    en: "'unsafe-eval' lets scripts turn strings into code (eval, new Function, setTimeout(string)), so data injected into those calls executes. Usually a development-build or old-library leftover.",
    ja: "'unsafe-eval' を許可すると、スクリプトが文字列をコードとして実行できる（eval、new Function、setTimeout(文字列)）ため、それらに注入されたデータが実行されます。多くは開発ビルドや古いライブラリの名残です。",
  },
  fix: {
    en: "Use a production build (bundlers' development modes use eval for source maps), replace eval / new Function, then drop 'unsafe-eval' from script-src.",
    ja: "本番ビルドを使い（バンドラーの開発モードはソースマップのために eval を使います）、eval や new Function を置き換えてから script-src の 'unsafe-eval' を削除してください。",
  },
  references: { cwe: ['CWE-95'], equivalents: ['csp_evaluator SCRIPT_UNSAFE_EVAL'] },
  async check(facts, ctx) {
    await reportCsp(facts.probeResponse, (i) => ctx.report(i), (i) => i.type === CSP.SCRIPT_UNSAFE_EVAL, (i) => ({
      en: `Content-Security-Policy allows 'unsafe-eval' in ${i.directive}`,
      ja: `Content-Security-Policy の ${i.directive} が 'unsafe-eval' を許可しています`,
    }));
  },
});
