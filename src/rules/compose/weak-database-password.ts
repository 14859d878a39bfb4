import { weakReasonText, weakSecretReason } from '../../lib/secrets.js';
import { parseBoolean } from '../../lib/values.js';
import type { Localized } from '../../contracts/types.js';
import { defineRule } from '../define.js';
import { DB_PASSWORD_KEYS } from './_common.js';

const MIN_LENGTH = 16;

/** Settings that turn database authentication off. */
function authOff(key: string, value: string): Localized | undefined {
  const k = key.toUpperCase();
  const v = value.trim();
  if ((k === 'MYSQL_ALLOW_EMPTY_PASSWORD' || k === 'MARIADB_ALLOW_EMPTY_ROOT_PASSWORD' || k === 'MARIADB_ALLOW_EMPTY_PASSWORD' || k === 'ALLOW_EMPTY_PASSWORD') && (parseBoolean(v) === true || (v !== '' && parseBoolean(v) === undefined))) {
    return { en: `${key}=${v} lets the database root account log in without a password`, ja: `${key}=${v} によりデータベースの root アカウントがパスワードなしでログインできます` };
  }
  if (k === 'POSTGRES_HOST_AUTH_METHOD' && /^trust$/i.test(v)) {
    return { en: `${key}=trust lets anyone who reaches PostgreSQL log in as any user without a password`, ja: `${key}=trust により PostgreSQL に届く人は誰でもパスワードなしで任意のユーザーとしてログインできます` };
  }
  if (k === 'NEO4J_AUTH' && /^none$/i.test(v)) return { en: `${key}=none turns Neo4j authentication off`, ja: `${key}=none は Neo4j の認証を無効にします` };
  if (k === 'XPACK_SECURITY_ENABLED' || k === 'XPACK.SECURITY.ENABLED') {
    if (parseBoolean(v) === false) return { en: `${key}=false turns Elasticsearch authentication off`, ja: `${key}=false は Elasticsearch の認証を無効にします` };
  }
  return undefined;
}

export default defineRule({
  id: 'compose/weak-database-password',
  severity: 'high',
  facts: ['compose'],
  title: { en: 'Weak, default or disabled database password', ja: 'データベースのパスワードが弱い・デフォルト・無効' },
  description: {
    en: 'A database service is configured with a weak password (POSTGRES_PASSWORD, MYSQL_ROOT_PASSWORD, MONGO_INITDB_ROOT_PASSWORD, REDIS_PASSWORD …: empty, a placeholder, a well-known default such as `postgres` / `secret` / `secure_password`, or shorter than 16 characters), falls back to one when the variable is unset (`${POSTGRES_PASSWORD:-postgres}`), or has authentication turned off (`MYSQL_ALLOW_EMPTY_PASSWORD=yes`, `POSTGRES_HOST_AUTH_METHOD=trust`). Default credentials are the first thing automated scanners try, and these images only read the value when the data directory is first created, so the weak password stays after the compose file is fixed.',
    ja: 'データベースサービスのパスワードが弱い（POSTGRES_PASSWORD、MYSQL_ROOT_PASSWORD、MONGO_INITDB_ROOT_PASSWORD、REDIS_PASSWORD などが空、プレースホルダー、`postgres` / `secret` / `secure_password` のような既知のデフォルト、または 16 文字未満）、変数が未設定のときに弱い値へフォールバックする (`${POSTGRES_PASSWORD:-postgres}`)、または認証が無効 (`MYSQL_ALLOW_EMPTY_PASSWORD=yes`、`POSTGRES_HOST_AUTH_METHOD=trust`) になっています。デフォルトの認証情報は自動スキャナーが最初に試すもので、これらのイメージはデータディレクトリの初回作成時にしか値を読まないため、compose ファイルを直した後も弱いパスワードが残ります。',
  },
  fix: {
    en: 'Generate a strong password (`openssl rand -base64 32`), keep it out of the compose file (`POSTGRES_PASSWORD_FILE: /run/secrets/db_password` with a compose secret, or `${POSTGRES_PASSWORD:?required}`), and change it inside the existing database too (`ALTER USER … PASSWORD …`).',
    ja: '強いパスワードを生成し (`openssl rand -base64 32`)、compose ファイルには書かずに渡してください（compose の secrets と `POSTGRES_PASSWORD_FILE: /run/secrets/db_password`、または `${POSTGRES_PASSWORD:?required}`）。既存のデータベース内のパスワードも変更します (`ALTER USER … PASSWORD …`)。',
  },
  references: { cwe: ['CWE-521', 'CWE-1392', 'CWE-1393'] },
  check(facts, ctx) {
    for (const f of facts.compose) {
      for (const svc of f.services) {
        for (const v of svc.environment) {
          const key = v.key.toUpperCase();
          if (v.value !== undefined && !v.interpolated) {
            const off = authOff(v.key, v.value);
            if (off) {
              ctx.report({ file: f.file, line: v.line, column: v.column, key: v.key, message: { en: `Service "${svc.name}": ${off.en}`, ja: `サービス "${svc.name}": ${off.ja}` } });
              continue;
            }
          }
          if (!DB_PASSWORD_KEYS.has(key)) continue;
          let value: string | undefined;
          let fallback = false;
          if (v.value !== undefined && !v.interpolated) value = v.value;
          else if (v.reference?.default !== undefined) {
            value = v.reference.default;
            fallback = true;
          }
          if (value === undefined) continue;
          const reason = weakSecretReason(value, { minLength: MIN_LENGTH });
          if (!reason) continue;
          const why = weakReasonText(reason, value.length, MIN_LENGTH);
          ctx.report({
            file: f.file,
            line: v.line,
            column: v.column,
            key: v.key,
            secrets: value ? [value] : undefined,
            message: fallback
              ? { en: `Service "${svc.name}": the fallback of ${v.key} (used when \${${v.reference!.name}} is unset) ${why.en}`, ja: `サービス "${svc.name}": ${v.key} のフォールバック値（\${${v.reference!.name}} が未設定のときに使われる）${why.ja}` }
              : { en: `Service "${svc.name}": ${v.key} ${why.en}`, ja: `サービス "${svc.name}": ${v.key} ${why.ja}` },
          });
        }
      }
    }
  },
});
