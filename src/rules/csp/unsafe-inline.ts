import { defineRule } from '../define.js';
import { CSP } from '../../lib/csp.js';
import { reportCsp } from './_report.js';

export default defineRule({
  id: 'csp/unsafe-inline',
  command: 'probe',
  severity: 'medium',
  facts: ['probeResponse'],
  title: { en: "CSP allows 'unsafe-inline' scripts", ja: "CSP が 'unsafe-inline' のスクリプトを許可している" },
  description: {
    en: "With 'unsafe-inline' in script-src (or default-src) and no nonce or hash, any injected <script> or onclick= runs: the policy no longer stops XSS. Often a development relaxation (inline scripts during prototyping) that reached production.",
    ja: "script-src（または default-src）に 'unsafe-inline' があり、nonce やハッシュがない場合、注入された <script> や onclick= がそのまま実行され、ポリシーが XSS を防げません。開発中の緩和（プロトタイプでのインラインスクリプトなど）がそのまま本番に残っているケースがよくあります。",
  },
  fix: {
    en: "Move inline scripts into files served from 'self', or give each one a nonce (`script-src 'nonce-RANDOM' 'strict-dynamic'`) or a hash ('sha256-…'); then remove 'unsafe-inline'. Talisman: content_security_policy_nonce_in=['script-src'].",
    ja: "インラインスクリプトを 'self' から配信するファイルに移すか、各スクリプトに nonce（`script-src 'nonce-乱数' 'strict-dynamic'`）やハッシュ（'sha256-…'）を付けてから 'unsafe-inline' を削除してください。Talisman なら content_security_policy_nonce_in=['script-src'] が使えます。",
  },
  references: { cwe: ['CWE-79'], equivalents: ['csp_evaluator SCRIPT_UNSAFE_INLINE', 'seed S0.12'] },
  async check(facts, ctx) {
    await reportCsp(facts.probeResponse, (i) => ctx.report(i), (i) => i.type === CSP.SCRIPT_UNSAFE_INLINE, (i) => ({
      en: `Content-Security-Policy allows 'unsafe-inline' in ${i.directive} without a nonce or hash: injected scripts run`,
      ja: `Content-Security-Policy の ${i.directive} が nonce やハッシュなしで 'unsafe-inline' を許可しています: 注入されたスクリプトが実行されます`,
    }));
  },
});
