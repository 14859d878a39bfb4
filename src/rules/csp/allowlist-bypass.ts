import { defineRule } from '../define.js';
import { CSP, CSP_SEVERITY } from '../../lib/csp.js';
import { reportCsp } from './_report.js';

export default defineRule({
  id: 'csp/allowlist-bypass',
  command: 'probe',
  severity: 'medium',
  facts: ['probeResponse'],
  title: { en: 'CSP allow-lists a host that can bypass it', ja: 'CSP が回避に使えるホストを許可している' },
  description: {
    en: 'The policy allow-lists a host that serves JSONP endpoints or old AngularJS / other script gadgets (cdn.jsdelivr.net, ajax.googleapis.com, …). An attacker who can inject HTML loads their payload through that host and the policy lets it run. The seed\'s CDN entries in script-src are exactly this.',
    ja: 'ポリシーが JSONP エンドポイントや古い AngularJS などのスクリプトガジェットを配信しているホスト（cdn.jsdelivr.net、ajax.googleapis.com など）を許可しています。HTML を注入できる攻撃者はそのホスト経由でペイロードを読み込めてしまい、ポリシーはそれを許可します。script-src に CDN を入れた設定がまさにこれに当たります。',
  },
  fix: {
    en: "Self-host the libraries (build CSS / JS into static/) and drop the CDN hosts, or switch to a nonce-based policy with 'strict-dynamic' so host allow-lists are ignored.",
    ja: "ライブラリを自サーバーから配信し（CSS / JS をビルドして static/ に置く）CDN のホストを削除するか、'strict-dynamic' を使った nonce ベースのポリシーに切り替えてホストの許可リストを無効にしてください。",
  },
  references: { cwe: ['CWE-79'], equivalents: ['csp_evaluator SCRIPT_ALLOWLIST_BYPASS', 'csp_evaluator OBJECT_ALLOWLIST_BYPASS', 'seed S0.12', 'seed S0.13'] },
  async check(facts, ctx) {
    await reportCsp(
      facts.probeResponse,
      (i) => ctx.report(i),
      // 'self' alone is only a "maybe" (it matters if the site hosts JSONP or uploads): not reported.
      (i) => (i.type === CSP.SCRIPT_ALLOWLIST_BYPASS || i.type === CSP.OBJECT_ALLOWLIST_BYPASS) && i.severity === CSP_SEVERITY.HIGH,
      (i) => ({
        en: `Content-Security-Policy allows ${i.value} in ${i.directive}, a host that serves JSONP / script gadgets that bypass the policy`,
        ja: `Content-Security-Policy の ${i.directive} が ${i.value} を許可しています。このホストはポリシーを回避できる JSONP やスクリプトガジェットを配信しています`,
      }),
    );
  },
});
