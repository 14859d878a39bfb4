import { defineRule } from '../define.js';

export default defineRule({
  id: 'env/unreadable-secret-file',
  severity: 'high',
  command: 'env',
  facts: ['envSecretFile'],
  title: {
    en: 'Secret file pointer cannot be read',
    ja: 'シークレットファイルの参照先が読めない',
  },
  description: {
    en: 'A `X_FILE` variable (the Docker secrets convention: `DB_PASSWORD_FILE=/run/secrets/db_password`) points at a file that does not exist or cannot be read, so X stays unset: the app fails at start, or falls back to a default.',
    ja: '`X_FILE` 変数 (Docker secrets の慣習: `DB_PASSWORD_FILE=/run/secrets/db_password`) が存在しない、または読めないファイルを指しているため、X が未設定のままです。アプリは起動時に失敗するか、既定値で動いてしまいます。',
  },
  fix: {
    en: 'Create the secret (`docker secret create` / compose `secrets:`) and mount it, fix the path, or — when validating on the host — pass the directory holding the secrets with `--secrets-dir`.',
    ja: 'シークレットを作成してマウントする (`docker secret create` / compose の `secrets:`) か、パスを直してください。ホスト上で検証する場合は、シークレットのあるディレクトリを `--secrets-dir` で指定してください。',
  },
  references: { cwe: ['CWE-1188'] },
  check(facts, ctx) {
    for (const s of facts.envSecretFile) {
      ctx.report({
        file: s.file,
        line: s.line,
        column: s.column,
        key: s.key,
        message: {
          en: `${s.pointer} points at ${s.path}, which cannot be read (${s.reason}): ${s.key} stays unset`,
          ja: `${s.pointer} が指す ${s.path} を読めません (${s.reason})。${s.key} は未設定のままです`,
        },
        fingerprint: `${s.pointer} ${s.path}`,
      });
    }
  },
});
