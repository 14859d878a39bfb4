import { defineRule } from '../define.js';
import { debugResponses, roleText } from './_debug.js';

export default defineRule({
  id: 'debug/werkzeug-debugger',
  command: 'probe',
  severity: 'critical',
  facts: ['probeResponse'],
  title: { en: 'Werkzeug debugger exposed', ja: 'Werkzeug デバッガが公開されている' },
  description: {
    en: "The Werkzeug interactive debugger (Flask's debug mode) answers: it shows source code and local variables, and its console runs arbitrary Python on the server. The PIN does not make it safe — it can be derived from machine data or guessed. This is remote code execution.",
    ja: 'Werkzeug の対話型デバッガ（Flask のデバッグモード）が応答しています。ソースコードやローカル変数が表示され、コンソールからはサーバー上で任意の Python を実行できます。PIN はマシン情報から導出したり推測したりできるため、安全にはなりません。これはリモートコード実行です。',
  },
  fix: {
    en: 'Turn debug mode off: run under gunicorn (never `flask run` / app.run(debug=True)), FLASK_DEBUG unset or 0, no DebuggedApplication middleware; restart and probe again.',
    ja: 'デバッグモードを無効にしてください。gunicorn で動かし（`flask run` や app.run(debug=True) は使わない）、FLASK_DEBUG は未設定か 0 にし、DebuggedApplication ミドルウェアを外してから再起動し、もう一度確認してください。',
  },
  references: { cwe: ['CWE-489', 'CWE-94'], equivalents: ['nuclei werkzeug-debugger-detect', 'seed S0.14'] },
  check(facts, ctx) {
    for (const { r, m } of debugResponses(facts.probeResponse, 'werkzeug')) {
      const via = roleText(r.role);
      ctx.report({
        file: r.url,
        message: { en: `The Werkzeug debugger is exposed (${m.what}, found via ${via.en}): anyone can run code on the server`, ja: `Werkzeug デバッガが公開されています（${m.what}、${via.ja}で検出）: 誰でもサーバー上でコードを実行できます` },
        evidence: m.evidence,
      });
    }
  },
});
