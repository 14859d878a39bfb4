import { djangoGroups, djangoSetting, fromEnv } from '../../facts/python/query.js';
import { defineRule } from '../define.js';
import { isTrue } from './_settings.js';

export default defineRule({
  id: 'django/debug-enabled',
  severity: 'high',
  environments: ['production', 'staging'],
  facts: ['python'],
  title: { en: 'Django DEBUG is on', ja: 'Django の DEBUG が有効' },
  description: {
    en: "With DEBUG on, every error page shows the traceback, local variables, SQL and most settings to whoever triggers it, a 404 lists every URL pattern, and Django keeps every SQL query in memory. `DEBUG = os.environ.get('DEBUG', 'False')` is on too: the string 'False' is true in Python.",
    ja: 'DEBUG が有効だと、エラーページがトレースバック、ローカル変数、SQL、ほとんどの設定をそれを起こした誰にでも表示し、404 ページはすべての URL パターンを列挙し、Django は実行した SQL をすべてメモリに保持します。`DEBUG = os.environ.get(\'DEBUG\', \'False\')` も有効です: Python では文字列 \'False\' は真です。',
  },
  fix: {
    en: "Default to off and convert the variable: `DEBUG = os.environ.get('DJANGO_DEBUG', '') == '1'` (or `env.bool('DJANGO_DEBUG', default=False)`), and set `DEBUG = True` only in settings/development.py.",
    ja: 'デフォルトを無効にし、変数を変換します: `DEBUG = os.environ.get(\'DJANGO_DEBUG\', \'\') == \'1\'` (または `env.bool(\'DJANGO_DEBUG\', default=False)`)。`DEBUG = True` は settings/development.py だけに置きます。',
  },
  references: { cwe: ['CWE-489', 'CWE-215'], equivalents: ['Django security.W018'] },
  check(facts, ctx) {
    for (const group of djangoGroups(facts.python).values()) {
      const s = djangoSetting(group, ctx, 'DEBUG');
      if (!s || !isTrue(s.a.value.resolved)) continue;
      const { fact, a } = s;
      const r = a.value.resolved;
      const env = fromEnv(a.value);
      ctx.report({
        file: fact.file,
        line: a.line,
        column: a.column,
        message:
          typeof r === 'string'
            ? { en: `DEBUG is a non-empty string${env ? ` (${a.value.envNames!.join(', ')} read without conversion)` : ''}: any non-empty string, even 'False', turns debug on`, ja: `DEBUG が空でない文字列です${env ? ` (${a.value.envNames!.join(', ')} を変換せずに代入)` : ''}。'False' を含め空でない文字列はデバッグを有効にします` }
            : env
              ? { en: `DEBUG defaults to on when ${a.value.envNames!.join(', ')} is not set`, ja: `DEBUG は ${a.value.envNames!.join(', ')} が未設定のとき有効になります` }
              : { en: 'DEBUG is True in settings production uses', ja: '本番が使う設定で DEBUG が True です' },
      });
    }
  },
});
