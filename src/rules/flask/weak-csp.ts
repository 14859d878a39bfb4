import { effectiveSources, talismanPolicy, type CspSource } from '../../facts/python/csp.js';
import { callsOf, isTalisman, usesFlask } from '../../facts/python/query.js';
import type { Localized, Severity } from '../../contracts/types.js';
import { defineRule } from '../define.js';

/** Public CDNs that host arbitrary libraries (any script there can be loaded as yours). */
export const PUBLIC_CDNS = [
  'cdn.jsdelivr.net', 'fastly.jsdelivr.net', 'cdnjs.cloudflare.com', 'unpkg.com', 'ajax.googleapis.com', 'code.jquery.com',
  'stackpath.bootstrapcdn.com', 'maxcdn.bootstrapcdn.com', 'cdn.tailwindcss.com', 'esm.sh', 'cdn.skypack.dev', 'cdn.rawgit.com',
  'rawgit.com', 'raw.githubusercontent.com', 'ajax.aspnetcdn.com', 'cdn.statically.io', 'gitcdn.link', 'ga.jspm.io',
];

function cdnHost(source: string): string | undefined {
  const host = source.replace(/^[a-z]+:\/\//i, '').split(/[/:]/)[0]!.toLowerCase();
  return PUBLIC_CDNS.find((c) => host === c || (host.startsWith('*.') && c.endsWith(host.slice(1))));
}

export default defineRule({
  id: 'flask/weak-csp',
  severity: 'medium',
  facts: ['python'],
  title: { en: "Flask-Talisman Content-Security-Policy allows 'unsafe-inline', eval, wildcards or public CDNs", ja: "Flask-Talisman の CSP が 'unsafe-inline'・eval・ワイルドカード・公開 CDN を許可" },
  description: {
    en: "A CSP exists to stop injected scripts. 'unsafe-inline' in script-src lets any injected <script> or onclick= run, which undoes most of that; 'unsafe-eval' allows eval of attacker strings; *, https:, http: and data: allow scripts from anywhere; a public CDN such as cdn.jsdelivr.net serves every npm package, so an attacker can load an old, gadget-rich library from it. These are typical development relaxations (seed 000, item C; seed 003) that production keeps. A policy of None or {} turns CSP off entirely.",
    ja: "CSP は注入されたスクリプトを止めるためにあります。script-src の 'unsafe-inline' は注入された <script> や onclick= を実行させ、その効果の大半を失わせます。'unsafe-eval' は攻撃者の文字列の eval を許し、*・https:・http:・data: はどこからでもスクリプトを読み込ませます。cdn.jsdelivr.net のような公開 CDN はあらゆる npm パッケージを配信しているため、攻撃者は古く悪用しやすいライブラリをそこから読み込めます。いずれも開発時の緩和 (seed 000 の C 項、seed 003) が本番に残る典型です。None や {} のポリシーは CSP を完全に無効にします。",
  },
  fix: {
    en: "Serve scripts and styles from your own origin (build Tailwind, vendor libraries into static/), use `content_security_policy_nonce_in=['script-src']` with `nonce=\"{{ csp_nonce() }}\"` for the inline scripts you keep, and use a strict policy: `{'default-src': \"'self'\", 'script-src': \"'self'\", 'style-src': \"'self'\", 'img-src': [\"'self'\", 'data:'], 'object-src': \"'none'\"}`.",
    ja: "スクリプトとスタイルは自分のオリジンから配信し (Tailwind をビルド、ライブラリを static/ に配置)、残すインラインスクリプトには `content_security_policy_nonce_in=['script-src']` と `nonce=\"{{ csp_nonce() }}\"` を使い、厳格なポリシーにします: `{'default-src': \"'self'\", 'script-src': \"'self'\", 'style-src': \"'self'\", 'img-src': [\"'self'\", 'data:'], 'object-src': \"'none'\"}`。",
  },
  references: { cwe: ['CWE-693', 'CWE-79', 'CWE-1021'] },
  check(facts, ctx) {
    if (!usesFlask(facts.python)) return;
    for (const { fact, call } of callsOf(facts.python, ctx, isTalisman)) {
      const policy = talismanPolicy(call);
      if (!policy) continue;
      if (policy === 'disabled') {
        const p = call.kwargPos.content_security_policy ?? call;
        ctx.report({
          file: fact.file,
          line: p.line,
          column: p.column,
          message: { en: `${call.callee}(content_security_policy=…) turns the Content-Security-Policy off`, ja: `${call.callee}(content_security_policy=…) が Content-Security-Policy を無効にしています` },
        });
        continue;
      }
      if (policy.reportOnly) {
        const p = call.kwargPos.content_security_policy_report_only ?? call;
        ctx.report({
          file: fact.file,
          line: p.line,
          column: p.column,
          severity: 'low',
          message: { en: 'content_security_policy_report_only=True: the policy is only reported, never enforced', ja: 'content_security_policy_report_only=True のため、ポリシーは報告されるだけで強制されません' },
        });
      }
      const report = (s: CspSource, directive: string, severity: Severity | undefined, why: Localized) =>
        ctx.report({
          file: fact.file,
          line: s.line,
          column: s.column,
          severity,
          message: { en: `${directive} allows ${s.value}: ${why.en}`, ja: `${directive} が ${s.value} を許可しています。${why.ja}` },
        });
      const script = effectiveSources(policy, 'script');
      if (script) {
        const values = script.sources.map((s) => s.value.toLowerCase());
        const nonceOrHash = policy.nonceIn.includes(script.name) || values.some((v) => /^'(nonce|sha256|sha384|sha512)-/.test(v));
        for (const s of script.sources) {
          const v = s.value.toLowerCase();
          if (v === "'unsafe-inline'" && !nonceOrHash) report(s, script.name, undefined, { en: 'any injected inline script or event handler runs', ja: '注入されたインラインスクリプトやイベントハンドラがすべて実行されます' });
          else if (v === "'unsafe-eval'") report(s, script.name, undefined, { en: 'eval() and new Function() run strings as code', ja: 'eval() や new Function() で文字列がコードとして実行されます' });
          else if (v === '*' || v === 'http:' || v === 'https:' || v === 'data:' || v === 'blob:') report(s, script.name, undefined, { en: 'scripts load from any host', ja: '任意のホストからスクリプトを読み込めます' });
          else if (v.startsWith('http://')) report(s, script.name, undefined, { en: 'scripts load over plain HTTP and can be replaced in transit', ja: 'スクリプトが平文 HTTP で読み込まれ、通信途中で差し替えられます' });
          else if (cdnHost(v)) report(s, script.name, 'low', { en: 'a public CDN serves every published library, so an attacker can load any of them as yours; self-host the scripts or pin them with nonces/hashes', ja: '公開 CDN はあらゆる公開ライブラリを配信しており、攻撃者はそれを自サイトのスクリプトとして読み込めます。自前で配信するか nonce / ハッシュで限定してください' });
        }
      }
      const style = policy.directives.get('style-src');
      if (style) {
        const nonceOrHash = policy.nonceIn.includes('style-src') || style.some((s) => /^'(nonce|sha256|sha384|sha512)-/i.test(s.value));
        for (const s of style) {
          const v = s.value.toLowerCase();
          if (v === "'unsafe-inline'" && !nonceOrHash) report(s, 'style-src', 'low', { en: 'injected inline styles apply (CSS-based data exfiltration and UI redress)', ja: '注入されたインラインスタイルが適用されます (CSS によるデータ窃取や UI 偽装)' });
          else if (v === '*' || v === 'http:' || v.startsWith('http://')) report(s, 'style-src', 'low', { en: 'stylesheets load from any host or over plain HTTP', ja: 'スタイルシートを任意のホストや平文 HTTP から読み込めます' });
        }
      }
    }
  },
});
