import { policyAllowsInline, policyAllowsUrl, talismanPolicy, type CspPolicy } from '../../facts/python/csp.js';
import { callsOf, isTalisman, usesFlask } from '../../facts/python/query.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'flask/csp-blocks-template-assets',
  severity: 'medium',
  facts: ['python', 'template'],
  title: { en: "Template loads scripts or styles the app's own CSP blocks", ja: 'テンプレートが自アプリの CSP でブロックされるスクリプトやスタイルを読み込む' },
  description: {
    en: "When production tightens the Content-Security-Policy, templates that still load libraries from a CDN, or run inline <script>/<style> or onclick= handlers, break: the browser refuses them and the page fails with errors such as \"Autolinker is not defined\" (seed 000, section 6). Development often runs with a relaxed or no CSP, so this shows up only after deploying. This rule checks every template against the policy the Flask-Talisman call installs (its default is default-src 'self').",
    ja: '本番で Content-Security-Policy を厳しくすると、CDN からライブラリを読み込んだり、インラインの <script>/<style> や onclick= ハンドラを使ったりしているテンプレートが壊れます。ブラウザがそれらを拒否し、「Autolinker is not defined」のようなエラーでページが動かなくなります (seed 000 の 6 章)。開発中は CSP が緩いか無いことが多く、デプロイして初めて気づきます。このルールは各テンプレートを Flask-Talisman が設定するポリシー (デフォルトは default-src \'self\') と照合します。',
  },
  fix: {
    en: "Self-host the library (`<script src=\"{{ url_for('static', filename='vendor/autolinker.min.js') }}\">`), build CSS instead of using a CDN, and move inline code into static files or give it a nonce: `content_security_policy_nonce_in=['script-src']` and `<script nonce=\"{{ csp_nonce() }}\">`. Only if a host must stay, add it to the directive explicitly.",
    ja: "ライブラリを自前で配信し (`<script src=\"{{ url_for('static', filename='vendor/autolinker.min.js') }}\">`)、CSS は CDN ではなくビルドします。インラインコードは静的ファイルへ移すか nonce を付けます: `content_security_policy_nonce_in=['script-src']` と `<script nonce=\"{{ csp_nonce() }}\">`。どうしても残すホストだけをディレクティブに明示的に追加します。",
  },
  references: { cwe: ['CWE-1021'] },
  check(facts, ctx) {
    if (!usesFlask(facts.python)) return;
    const policies: { policy: CspPolicy; where: string }[] = [];
    for (const { fact, call } of callsOf(facts.python, ctx, isTalisman)) {
      const p = talismanPolicy(call);
      if (p && p !== 'disabled' && !p.reportOnly) policies.push({ policy: p, where: `${fact.file}:${p.line}` });
    }
    if (!policies.length) return;
    const blocking = (test: (p: CspPolicy) => { allowed: boolean; directive?: string }) => {
      for (const { policy, where } of policies) {
        const r = test(policy);
        if (!r.allowed && !(policy.open && !r.directive)) return { where, directive: r.directive ?? 'default-src' };
      }
      return undefined;
    };
    for (const t of facts.template) {
      for (const [assets, kind] of [[t.scripts, 'script'], [t.styles, 'style']] as const) {
        for (const a of assets) {
          const b = blocking((p) => policyAllowsUrl(p, kind, a.url, false));
          if (!b) continue;
          ctx.report({
            file: t.file,
            line: a.line,
            column: a.column,
            message: {
              en: `${kind === 'script' ? 'Script' : 'Stylesheet'} from ${a.host} is blocked by the Content-Security-Policy set at ${b.where} (${b.directive}): the page breaks in production`,
              ja: `${a.host} からの${kind === 'script' ? 'スクリプト' : 'スタイルシート'}は ${b.where} で設定した Content-Security-Policy (${b.directive}) によりブロックされ、本番でページが壊れます`,
            },
          });
        }
      }
      for (const i of t.inline) {
        const kind = i.kind === 'style' ? 'style' : 'script';
        const b = blocking((p) => policyAllowsInline(p, kind, i.hasNonce, i.kind === 'handler'));
        if (!b) continue;
        const what = i.kind === 'handler' ? { en: `Inline event handler ${i.attribute}=`, ja: `インラインのイベントハンドラ ${i.attribute}=` } : i.kind === 'style' ? { en: 'Inline <style>', ja: 'インラインの <style>' } : { en: 'Inline <script>', ja: 'インラインの <script>' };
        ctx.report({
          file: t.file,
          line: i.line,
          column: i.column,
          message: {
            en: `${what.en} is blocked by the Content-Security-Policy set at ${b.where} (${b.directive} has no 'unsafe-inline'${i.kind === 'handler' ? '' : ' and the element no nonce'})`,
            ja: `${what.ja}は ${b.where} で設定した Content-Security-Policy によりブロックされます (${b.directive} に 'unsafe-inline' がなく${i.kind === 'handler' ? '' : '、要素に nonce もありません'})`,
          },
        });
      }
    }
  },
});
