import { fromEnv, isFlaskSetting, placeOf, pyRepr, settingsOf, truthyValue, usesFlask } from '../../facts/python/query.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'flask/csrf-disabled',
  severity: 'high',
  facts: ['python'],
  title: { en: 'Flask-WTF CSRF protection turned off', ja: 'Flask-WTF の CSRF 保護が無効' },
  description: {
    en: 'With WTF_CSRF_ENABLED off, every form and state-changing request accepts submissions from any other site the user visits: a hostile page can post as the logged-in user. Turning it off (or a DISABLE_WTF_CSRF switch that defaults to on) is a common workaround for a 403 during development (seed 000, item B) that then reaches production. WTF_CSRF_CHECK_DEFAULT = False disables the automatic check everywhere except views that call `csrf.protect()`.',
    ja: 'WTF_CSRF_ENABLED が無効だと、すべてのフォームと状態を変更するリクエストが、ユーザーが訪れた他サイトからの送信を受け付けます。悪意あるページがログイン中のユーザーとして投稿できます。開発中の 403 を回避するために無効化した設定 (または既定で有効になる DISABLE_WTF_CSRF のようなスイッチ) がそのまま本番に出るのはよくある事故です (seed 000 の B 項)。WTF_CSRF_CHECK_DEFAULT = False は、`csrf.protect()` を呼ぶビュー以外の自動チェックを止めます。',
  },
  fix: {
    en: "Remove the override (Flask-WTF's default is on) or set `WTF_CSRF_ENABLED = True` in production; disable it only in TestingConfig. Never let an environment variable such as DISABLE_WTF_CSRF turn it off in production.",
    ja: '上書きを削除する (Flask-WTF のデフォルトは有効) か、本番で `WTF_CSRF_ENABLED = True` にします。無効化は TestingConfig だけにします。DISABLE_WTF_CSRF のような環境変数で本番の CSRF 保護を切れるようにしないでください。',
  },
  references: { cwe: ['CWE-352'] },
  check(facts, ctx) {
    if (!usesFlask(facts.python)) return;
    for (const { fact, a } of settingsOf(facts.python, ctx, new Set(['WTF_CSRF_ENABLED', 'WTF_CSRF_CHECK_DEFAULT']), isFlaskSetting)) {
      if (truthyValue(a.value) !== false) continue;
      const env = fromEnv(a.value);
      const check = a.key === 'WTF_CSRF_CHECK_DEFAULT';
      ctx.report({
        file: fact.file,
        line: a.line,
        column: a.column,
        severity: check ? 'medium' : undefined,
        message: {
          en: `${a.key} is ${pyRepr(a.value.resolved!)}${env ? ` when ${a.value.envNames!.join(', ')} is not set` : ''}${placeOf(a).en}: ${check ? 'CSRF tokens are checked only in views that call csrf.protect()' : 'forms accept cross-site submissions'}`,
          ja: `${a.key} が ${pyRepr(a.value.resolved!)} です${env ? ` (${a.value.envNames!.join(', ')} が未設定のとき)` : ''}${placeOf(a).ja}。${check ? 'csrf.protect() を呼ぶビューでしか CSRF トークンを検証しません' : 'フォームがクロスサイトからの送信を受け付けます'}`,
        },
      });
    }
  },
});
