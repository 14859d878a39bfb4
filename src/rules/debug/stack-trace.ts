import { defineRule } from '../define.js';
import { debugResponses, roleText } from './_debug.js';

export default defineRule({
  id: 'debug/stack-trace',
  command: 'probe',
  severity: 'high',
  facts: ['probeResponse'],
  title: { en: 'Stack trace shown to visitors', ja: 'スタックトレースが利用者に表示される' },
  description: {
    en: 'An error page shows a stack trace (Express / Node, Python, Java, PHP, Ruby, ASP.NET, Go, Laravel): file paths, library versions and code structure that help an attacker, and a sign the application runs in development mode (NODE_ENV not production, display_errors on …).',
    ja: 'エラーページにスタックトレース（Express / Node、Python、Java、PHP、Ruby、ASP.NET、Go、Laravel）が表示されています。ファイルパスやライブラリのバージョン、コード構造など攻撃者の役に立つ情報であり、アプリケーションが開発モードで動いている兆候です（NODE_ENV が production でない、display_errors が有効など）。',
  },
  fix: {
    en: 'Run in production mode (NODE_ENV=production — Express then hides stacks; APP_DEBUG=false; display_errors=Off; customErrors On) and return a generic error page; log the details server-side instead.',
    ja: '本番モードで動かし（NODE_ENV=production にすると Express はスタックを隠します。APP_DEBUG=false、display_errors=Off、customErrors On など）、汎用のエラーページを返してください。詳細はサーバー側のログに出力します。',
  },
  references: { cwe: ['CWE-209', 'CWE-489'], equivalents: [] },
  check(facts, ctx) {
    for (const { r, m } of debugResponses(facts.probeResponse, 'stack')) {
      const via = roleText(r.role);
      ctx.report({
        file: r.url,
        message: { en: `The response shows a ${m.what} (found via ${via.en})`, ja: `応答に ${m.what} が表示されています（${via.ja}で検出）` },
        evidence: m.evidence,
      });
    }
  },
});
