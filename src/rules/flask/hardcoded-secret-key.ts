import { FLASK_SECRET_KEYS, fromEnv, isFlaskSetting, placeOf, settingsOf, stringItems, usesFlask } from '../../facts/python/query.js';
import { weakReasonText, weakSecretReason } from '../../lib/secrets.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'flask/hardcoded-secret-key',
  severity: 'high',
  environments: ['production', 'staging'],
  facts: ['python'],
  title: { en: 'Flask secret key hard-coded or with a literal fallback', ja: 'Flask のシークレットキーがハードコード、またはリテラルのフォールバックあり' },
  description: {
    en: "SECRET_KEY signs Flask's session cookie and CSRF tokens. A key written in the source is known to everyone with the repository (and every image built from it): they can forge sessions, log in as any user and bypass CSRF protection. A fallback such as `os.environ.get('SECRET_KEY', 'hard-to-guess-string')` or `… or 'change-me-locally'` is the same problem, silently, on the day the variable is missing in production. The same holds for JWT_SECRET_KEY, SECURITY_PASSWORD_SALT and WTF_CSRF_SECRET_KEY.",
    ja: 'SECRET_KEY は Flask のセッション Cookie と CSRF トークンの署名に使われます。ソースに書かれたキーはリポジトリ (とそこからビルドしたすべてのイメージ) を見られる全員が知っており、セッションの偽造、任意ユーザーへのなりすまし、CSRF 保護の回避が可能になります。`os.environ.get(\'SECRET_KEY\', \'hard-to-guess-string\')` や `… or \'change-me-locally\'` のようなフォールバックも、本番で変数が欠けた日に同じ問題を黙って引き起こします。JWT_SECRET_KEY、SECURITY_PASSWORD_SALT、WTF_CSRF_SECRET_KEY も同様です。',
  },
  fix: {
    en: "Read the key from the environment with no fallback, so a missing key stops the app at start: `SECRET_KEY = os.environ['FLASK_SECRET_KEY']`. Generate it once with `python -c 'import secrets; print(secrets.token_urlsafe(32))'`, store it in your secret manager, and rotate the key that was in the repository.",
    ja: 'フォールバックなしで環境変数から読み、キーが無ければ起動時に失敗させます: `SECRET_KEY = os.environ[\'FLASK_SECRET_KEY\']`。キーは `python -c \'import secrets; print(secrets.token_urlsafe(32))\'` で一度生成してシークレットマネージャに保存し、リポジトリにあったキーはローテーションします。',
  },
  references: { cwe: ['CWE-798', 'CWE-321', 'CWE-1188'], equivalents: ['bandit B105'] },
  check(facts, ctx) {
    if (!usesFlask(facts.python)) return;
    for (const { fact, a } of settingsOf(facts.python, ctx, FLASK_SECRET_KEYS, isFlaskSetting)) {
      const env = fromEnv(a.value);
      const literals = a.key === 'SECRET_KEY_FALLBACKS' ? stringItems(a.value) : typeof a.value.resolved === 'string' ? [{ value: a.value.resolved, line: a.line, column: a.column }] : [];
      for (const lit of literals) {
        const value = lit.value;
        if (!value.trim()) continue; // empty: Flask refuses to sign, which fails closed
        const reason = weakSecretReason(value);
        const why = reason ? weakReasonText(reason, value.length) : undefined;
        const where = placeOf(a);
        const names = a.value.envNames?.join(', ') ?? '';
        ctx.report({
          file: fact.file,
          line: lit.line,
          column: lit.column,
          severity: !env && reason ? 'critical' : undefined,
          secrets: [value],
          message: env
            ? {
                en: `${a.key} falls back to a hard-coded value when ${names} is not set${where.en} (${value.length} characters${why ? `; the fallback ${why.en}` : ''})`,
                ja: `${a.key} は ${names} が未設定のときハードコードされた値にフォールバックします${where.ja} (${value.length} 文字${why ? `。フォールバック値${why.ja}` : ''})`,
              }
            : {
                en: `${a.key} is hard-coded in the source${where.en} (${value.length} characters${why ? `; it ${why.en}` : ''})`,
                ja: `${a.key} がソースにハードコードされています${where.ja} (${value.length} 文字${why ? `。この値${why.ja}` : ''})`,
              },
        });
      }
    }
  },
});
