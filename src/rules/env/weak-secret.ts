import { isSecretName, weakReasonText, weakSecretReason, type WeakReason } from '../../lib/secrets.js';
import { defineRule } from '../define.js';
import { effectiveEntries, envLabel, isFileReferenceKey, isPasswordKey, isReference, isSettingValue, minLengths } from './_util.js';
import { urlCredentials } from '../../lib/url.js';

/** Placeholders are env/placeholder-value's findings. */
const OWN_REASONS = new Set<WeakReason>(['empty', 'well-known', 'django-insecure', 'short', 'low-entropy', 'single-class']);

export default defineRule({
  id: 'env/weak-secret',
  severity: 'high',
  facts: ['dotenv'],
  title: {
    en: 'Weak secret in an env file',
    ja: 'env ファイルの弱い秘密値',
  },
  description: {
    en: 'A secret-named variable (SECRET_KEY, *_PASSWORD, *_TOKEN, JWT_SECRET …) in an env file the target environment loads holds a value that is empty, a well-known default (`change-me`, `secret`, `django-insecure-…`), too short, or predictable. Anyone who guesses it can forge sessions, CSRF tokens and signed cookies, or log in to the database. The same holds for the password inside a connection URL (`postgres://user:pass@host`). Signing keys and tokens need at least 32 random characters (`minLength` option), passwords at least 16 (`minPasswordLength`).',
    ja: 'ターゲット環境が読み込む env ファイルで、秘密値らしい名前の変数 (SECRET_KEY、*_PASSWORD、*_TOKEN、JWT_SECRET など) が空、既知のデフォルト値 (`change-me`、`secret`、`django-insecure-…`)、短すぎる、または推測しやすい値になっています。推測されるとセッションや CSRF トークン、署名付き Cookie を偽造されたり、データベースにログインされたりします。接続 URL に埋め込まれたパスワード (`postgres://user:pass@host`) も同様です。署名鍵やトークンにはランダムな 32 文字以上 (`minLength` オプション)、パスワードには 16 文字以上 (`minPasswordLength`) が必要です。',
  },
  fix: {
    en: 'Generate a new random value (`python -c "import secrets; print(secrets.token_urlsafe(48))"` or `openssl rand -hex 32`), store it in your secret store or the server\'s environment, and rotate anything signed with the old one.',
    ja: '新しいランダム値を生成し (`python -c "import secrets; print(secrets.token_urlsafe(48))"` または `openssl rand -hex 32`)、シークレットストアかサーバーの環境変数に保存してください。古い値で署名したものはローテーションしてください。',
  },
  references: { cwe: ['CWE-521', 'CWE-798', 'CWE-1391'] },
  check(facts, ctx) {
    const min = minLengths(ctx.options);
    for (const f of facts.dotenv) {
      for (const e of effectiveEntries(f)) {
        if (isReference(e.value) || isFileReferenceKey(e.key)) continue;
        if (isSecretName(e.key) && !isSettingValue(e.value)) {
          const password = isPasswordKey(e.key);
          const minLength = password ? min.password : min.key;
          const reason = weakSecretReason(e.value, { minLength });
          if (reason && OWN_REASONS.has(reason)) {
            const text = weakReasonText(reason, e.value.trim().length, minLength);
            ctx.report({
              file: f.file,
              line: e.valueLine,
              column: e.valueColumn,
              key: e.key,
              severity: reason === 'empty' ? 'medium' : undefined,
              message: {
                en: `${e.key} ${text.en}`,
                ja: `${e.key} ${text.ja}`,
              },
              ...(reason === 'empty'
                ? {
                    fix: {
                      en: `Set ${e.key} to a long random value in the ${ctx.environment} environment (secret store or server environment), or delete the empty line so a missing value fails at start-up instead of running with an empty secret.`,
                      ja: `${envLabel(ctx.environment).ja}環境 (シークレットストアまたはサーバーの環境変数) で ${e.key} に長いランダム値を設定するか、空の行を削除して、値がないときに空の秘密値で動くのではなく起動時に失敗するようにしてください。`,
                    },
                  }
                : {}),
              secrets: e.value ? [e.value] : undefined,
            });
            continue;
          }
        }
        // A password inside a connection URL, whatever the key (DATABASE_URL, REDIS_URL, AMQP_URL …).
        const cred = urlCredentials(e.value);
        if (cred && !/\$\{?[A-Za-z_]/.test(cred.password)) {
          const reason = weakSecretReason(decodeSafe(cred.password), { minLength: min.password });
          if (reason && reason !== 'empty') {
            const text = weakReasonText(reason, cred.password.length, min.password);
            ctx.report({
              file: f.file,
              line: e.valueLine,
              column: e.valueColumn + (e.quote ? 1 : 0) + cred.offset,
              key: e.key,
              message: {
                en: `${e.key} embeds a password that ${text.en}`,
                ja: `${e.key} に埋め込まれたパスワード${text.ja}`,
              },
              fix: {
                en: `Create a long random password for this account (at least ${min.password} characters), change it on the server, and provide ${e.key} from your secret store rather than a file.`,
                ja: `このアカウントに長いランダムなパスワード (${min.password} 文字以上) を作ってサーバー側で変更し、${e.key} はファイルではなくシークレットストアから渡してください。`,
              },
              secrets: cred.password.length >= 8 ? [e.value, cred.password] : [e.value],
            });
          }
        }
      }
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
