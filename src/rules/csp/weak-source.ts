import { defineRule } from '../define.js';
import { CSP } from '../../lib/csp.js';
import { reportCsp } from './_report.js';

export default defineRule({
  id: 'csp/weak-source',
  command: 'probe',
  severity: 'low',
  facts: ['probeResponse'],
  title: { en: 'CSP allows plain-HTTP or IP sources, or short nonces', ja: 'CSP が HTTP や IP アドレスの読み込み元、短い nonce を許可している' },
  description: {
    en: 'Script sources over http:// can be swapped on the network; IP-address sources are usually development leftovers (127.0.0.1, a test box); nonces shorter than 8 characters can be guessed.',
    ja: 'http:// のスクリプト読み込み元はネットワーク上で差し替えられ得ます。IP アドレスの読み込み元は多くの場合、開発時の名残（127.0.0.1 やテスト用マシン）です。8 文字未満の nonce は推測され得ます。',
  },
  fix: {
    en: 'Use https:// origins only, remove IP-address sources, and generate a fresh nonce of at least 128 bits (e.g. 22+ base64 characters) per response.',
    ja: 'https:// のオリジンのみを使い、IP アドレスの読み込み元を削除し、nonce は応答ごとに 128 ビット以上（base64 で 22 文字以上など）の新しい値を生成してください。',
  },
  references: { cwe: ['CWE-319', 'CWE-330'], equivalents: ['csp_evaluator SRC_HTTP', 'csp_evaluator IP_SOURCE', 'csp_evaluator NONCE_LENGTH'] },
  async check(facts, ctx) {
    await reportCsp(facts.probeResponse, (i) => ctx.report(i), (i) => i.type === CSP.SRC_HTTP || i.type === CSP.IP_SOURCE || i.type === CSP.NONCE_LENGTH, (i) => {
      if (i.type === CSP.SRC_HTTP) return { en: `Content-Security-Policy allows ${i.value} over plain HTTP in ${i.directive}`, ja: `Content-Security-Policy の ${i.directive} が平文 HTTP の ${i.value} を許可しています` };
      if (i.type === CSP.IP_SOURCE) return { en: `Content-Security-Policy allows an IP address source (${i.value}) in ${i.directive}`, ja: `Content-Security-Policy の ${i.directive} が IP アドレスの読み込み元（${i.value}）を許可しています` };
      return { en: `Content-Security-Policy has a nonce shorter than 8 characters in ${i.directive}`, ja: `Content-Security-Policy の ${i.directive} の nonce が 8 文字未満です` };
    });
  },
});
