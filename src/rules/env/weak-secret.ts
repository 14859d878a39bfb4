import { weakReasonText, weakSecretReason, type WeakReason } from '../../lib/secrets.js';
import { urlScheme } from '../../lib/env-spec.js';
import { urlCredentials } from '../../lib/url.js';
import { defineRule } from '../define.js';
import { at, valueAt } from './_common.js';
import { isFileReferenceKey, isPasswordKey, isSettingValue, minLengths } from './_util.js';

/** For a secret whose whole value is a URL: the reasons that do not depend on length or entropy. */
const URL_REASONS: ReadonlySet<WeakReason> = new Set(['empty', 'placeholder', 'well-known']);

/** Placeholders are env/placeholder-value's findings. */
const OWN_REASONS = new Set<WeakReason>(['empty', 'well-known', 'django-insecure', 'short', 'low-entropy', 'single-class']);

export default defineRule({
  id: 'env/weak-secret',
  severity: 'high',
  // A development environment's throw-away secrets and placeholders are expected (`honban env --env development`).
  environments: ['production', 'staging'],
  command: ['scan', 'env'],
  facts: ['envVar'],
  title: {
    en: 'Weak secret in an env file',
    ja: 'env ファイルの弱い秘密値',
  },
  description: {
    en: 'A secret-named variable (SECRET_KEY, *_PASSWORD, *_TOKEN, JWT_SECRET …) in an env file the target environment loads holds a value that is empty, a well-known default (`change-me`, `secret`, `django-insecure-…`), too short, or predictable. Anyone who guesses it can forge sessions, CSRF tokens and signed cookies, or log in to the database. The same holds for the password inside a connection URL (`postgres://user:pass@host`). Signing keys and tokens need at least 32 random characters (`minLength` option), passwords at least 16 (`minPasswordLength`). `honban scan` judges the env files of the repository and `honban env` the resolved environment (every layer, secrets and the process environment included): both report this one id, which replaces env/weak-secret-value.',
    ja: 'ターゲット環境が読み込む env ファイルで、秘密値らしい名前の変数 (SECRET_KEY、*_PASSWORD、*_TOKEN、JWT_SECRET など) が空、既知のデフォルト値 (`change-me`、`secret`、`django-insecure-…`)、短すぎる、または推測しやすい値になっています。推測されるとセッションや CSRF トークン、署名付き Cookie を偽造されたり、データベースにログインされたりします。接続 URL に埋め込まれたパスワード (`postgres://user:pass@host`) も同様です。署名鍵やトークンにはランダムな 32 文字以上 (`minLength` オプション)、パスワードには 16 文字以上 (`minPasswordLength`) が必要です。 `honban scan` はリポジトリの env ファイルを、`honban env` は解決後の環境 (すべてのレイヤー、シークレット、プロセス環境変数を含む) を判定し、どちらもこの 1 つの ID で報告します (env/weak-secret-value はこの ID に統合されました)。',
  },
  fix: {
    en: 'Generate a new random value (`python -c "import secrets; print(secrets.token_urlsafe(48))"` or `openssl rand -hex 32`), store it in your secret store or the server\'s environment, and rotate anything signed with the old one.',
    ja: '新しいランダム値を生成し (`python -c "import secrets; print(secrets.token_urlsafe(48))"` または `openssl rand -hex 32`)、シークレットストアかサーバーの環境変数に保存してください。古い値で署名したものはローテーションしてください。',
  },
  references: { cwe: ['CWE-521', 'CWE-798', 'CWE-1391'] },
  check(facts, ctx) {
    const min = minLengths(ctx.options);
    for (const v of facts.envVar) {
      if (v.unresolved.length || isFileReferenceKey(v.key)) continue;
      const spec = v.spec;
      // `secret: true` in the schema judges even a number or a flag (CONFIRM_CODE=1234).
      if (v.secret && (spec?.origin === 'schema' || !isSettingValue(v.value))) {
        // A required or recommended variable left empty is env/missing-required / -recommended.
        if (v.value.trim() === '' && (spec?.required || spec?.recommended)) continue;
        const minLength = spec?.minLength ?? (isPasswordKey(v.key) ? min.password : min.key);
        let reason = weakSecretReason(v.value, { minLength });
        // A URL is judged by its password below; as a whole only obvious defaults count.
        if (reason && urlScheme(v.value) && v.value.includes('://') && !URL_REASONS.has(reason)) reason = undefined;
        // Shorter than the schema's minLength: env/invalid-value reports it.
        if (reason === 'short' && spec?.minLength !== undefined) reason = undefined;
        if (reason && OWN_REASONS.has(reason)) {
          const text = weakReasonText(reason, [...v.value.trim()].length, minLength);
          ctx.report({
            ...valueAt(v),
            severity: reason === 'empty' ? 'medium' : undefined,
            message: { en: `${v.key} ${text.en}`, ja: `${v.key} ${text.ja}` },
            ...(reason === 'empty'
              ? {
                  fix: {
                    en: `Set ${v.key} to a long random value in the ${ctx.environment} environment (secret store or server environment), or delete the empty line so a missing value fails at start-up instead of running with an empty secret.`,
                    ja: `${ctx.environment} 環境 (シークレットストアまたはサーバーの環境変数) で ${v.key} に長いランダムな値を設定するか、空の行を削除して、空の秘密値で動き続けるのではなく起動時に失敗するようにしてください。`,
                  },
                }
              : {}),
            secrets: v.value ? [v.value] : undefined,
          });
          continue;
        }
      }
      // A password inside a connection URL, whatever the key (DATABASE_URL, REDIS_URL, AMQP_URL …).
      const cred = urlCredentials(v.value);
      if (!cred || /\$\{?[A-Za-z_]/.test(cred.password)) continue;
      const password = decodeSafe(cred.password);
      const reason = weakSecretReason(password, { minLength: min.password });
      if (!reason || reason === 'empty') continue;
      const text = weakReasonText(reason, [...cred.password].length, min.password);
      const where = valueAt(v);
      ctx.report({
        ...(v.valueColumn ? { ...where, column: v.valueColumn + (v.quote ? 1 : 0) + cred.offset } : at(v)),
        message: { en: `${v.key} embeds a password that ${text.en}`, ja: `${v.key} に含まれるパスワード${text.ja}` },
        fix: {
          en: `Create a long random password for this account (at least ${min.password} characters), change it on the server, and provide ${v.key} from your secret store rather than a file.`,
          ja: `このアカウントに長いランダムなパスワード (${min.password} 文字以上) を作ってサーバー側で変更し、${v.key} はファイルではなくシークレットストアから渡してください。`,
        },
        secrets: cred.password.length >= 8 ? [v.value, cred.password, password] : [v.value, password],
      });
    }
  },
});

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
