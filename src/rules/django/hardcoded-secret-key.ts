import { djangoGroups, djangoSetting, fromEnv } from '../../facts/python/query.js';
import { weakReasonText, weakSecretReason } from '../../lib/secrets.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'django/hardcoded-secret-key',
  severity: 'high',
  environments: ['production', 'staging'],
  facts: ['python'],
  title: { en: 'Django SECRET_KEY hard-coded, generated for development, or with a literal fallback', ja: 'Django の SECRET_KEY がハードコード、開発用生成キー、またはリテラルのフォールバック' },
  description: {
    en: "SECRET_KEY signs sessions (with the signed-cookie or cache backends), password-reset tokens, messages and everything using django.core.signing. A key in the repository — startproject's `django-insecure-…` key, a short string, or the fallback of `os.environ.get('SECRET_KEY', '…')` — lets anyone with the source forge those: reset any user's password, tamper with signed data.",
    ja: 'SECRET_KEY はセッション (署名付き Cookie やキャッシュバックエンド)、パスワードリセットのトークン、メッセージ、django.core.signing を使うすべてに署名します。リポジトリにあるキー (startproject が生成する `django-insecure-…`、短い文字列、`os.environ.get(\'SECRET_KEY\', \'…\')` のフォールバック) があれば、ソースを見られる誰もがそれらを偽造でき、任意ユーザーのパスワードリセットや署名付きデータの改ざんが可能になります。',
  },
  fix: {
    en: "Read it without a fallback so a missing key stops the start: `SECRET_KEY = os.environ['DJANGO_SECRET_KEY']`. Generate it with `python -c 'from django.core.management.utils import get_random_secret_key; print(get_random_secret_key())'`, keep it in the secret manager, and rotate the committed one (SECRET_KEY_FALLBACKS keeps old sessions valid during the switch).",
    ja: "フォールバックなしで読み、キーがなければ起動を止めます: `SECRET_KEY = os.environ['DJANGO_SECRET_KEY']`。キーは `python -c 'from django.core.management.utils import get_random_secret_key; print(get_random_secret_key())'` で生成してシークレットマネージャに保管し、コミットされていたキーはローテーションします (切り替え中は SECRET_KEY_FALLBACKS で既存セッションを有効に保てます)。",
  },
  references: { cwe: ['CWE-798', 'CWE-321'], equivalents: ['Django security.W009', 'bandit B105'] },
  check(facts, ctx) {
    for (const group of djangoGroups(facts.python).values()) {
      const s = djangoSetting(group, ctx, 'SECRET_KEY');
      if (!s) continue;
      const { fact, a } = s;
      const value = a.value.resolved;
      if (typeof value !== 'string' || !value.trim()) continue;
      // Django's own check: fewer than 50 characters or 5 distinct ones, or django-insecure-.
      const reason = weakSecretReason(value, { minLength: 50 });
      const why = reason ? weakReasonText(reason, value.length, 50) : undefined;
      const env = fromEnv(a.value);
      ctx.report({
        file: fact.file,
        line: a.line,
        column: a.column,
        severity: !env && reason ? 'critical' : undefined,
        secrets: [value],
        message: env
          ? { en: `SECRET_KEY falls back to a hard-coded value when ${a.value.envNames!.join(', ')} is not set (${value.length} characters${why ? `; it ${why.en}` : ''})`, ja: `SECRET_KEY は ${a.value.envNames!.join(', ')} が未設定のときハードコードされた値にフォールバックします (${value.length} 文字${why ? `。この値${why.ja}` : ''})` }
          : { en: `SECRET_KEY is hard-coded in the settings (${value.length} characters${why ? `; it ${why.en}` : ''})`, ja: `SECRET_KEY が設定ファイルにハードコードされています (${value.length} 文字${why ? `。この値${why.ja}` : ''})` },
      });
    }
  },
});
