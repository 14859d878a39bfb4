import { defineRule } from '../define.js';
import { debugResponses, roleText } from './_debug.js';

export default defineRule({
  id: 'debug/django-debug-page',
  command: 'probe',
  severity: 'high',
  facts: ['probeResponse'],
  title: { en: 'Django runs with DEBUG = True', ja: 'Django が DEBUG = True で動いている' },
  description: {
    en: "Django's technical 404 / 500 pages answer: they list every URL pattern, settings (partly masked), the SQL, local variables and the source of the failing code. They only appear with DEBUG = True, which also keeps every query in memory.",
    ja: 'Django の技術的な 404 / 500 ページが表示されています。すべての URL パターン、設定（一部はマスクされる）、SQL、ローカル変数、失敗したコードのソースが表示されます。このページは DEBUG = True のときにだけ出るもので、その場合すべてのクエリがメモリに保持され続けます。',
  },
  fix: {
    en: 'Set DEBUG = False in the production settings (DJANGO_DEBUG unset), set ALLOWED_HOSTS, serve static files with collectstatic / whitenoise / nginx, and run `python manage.py check --deploy`.',
    ja: '本番の設定で DEBUG = False にし（DJANGO_DEBUG は未設定）、ALLOWED_HOSTS を設定し、静的ファイルは collectstatic と whitenoise / nginx で配信して、`python manage.py check --deploy` を実行してください。',
  },
  references: { cwe: ['CWE-489', 'CWE-209'], equivalents: ['Django security.W018'] },
  check(facts, ctx) {
    for (const { r, m } of debugResponses(facts.probeResponse, 'django')) {
      const via = roleText(r.role);
      ctx.report({
        file: r.url,
        message: { en: `Django's debug page is shown (${m.what}, found via ${via.en}): DEBUG = True in production`, ja: `Django のデバッグページが表示されます（${m.what}、${via.ja}で検出）: 本番で DEBUG = True になっています` },
        evidence: m.evidence,
      });
    }
  },
});
