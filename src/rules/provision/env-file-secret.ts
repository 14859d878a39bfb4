import { isPlaceholder, isSecretName, weakSecretReason } from '../../lib/secrets.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'provision/env-file-secret',
  severity: 'high',
  scope: 'all',
  facts: ['shell'],
  title: {
    en: 'Provisioning script writes a literal or placeholder secret into a file',
    ja: 'プロビジョニングスクリプトが秘密値（リテラルやプレースホルダー）をファイルに書き込んでいる',
  },
  description: {
    en: 'Setup scripts and EC2 user-data that write `OPENAI_API_KEY=your_openai_api_key_here` or a real key into .env (echo >> .env, cat > .env <<EOF) either deploy a placeholder — the service starts with a key that does not work, or with a guessable default — or keep the real secret in the repository and in the instance metadata, readable by anyone with access to either. A value inside a quoted here-document (<<\'EOF\') is written literally: `$(openssl rand -hex 32)` stays that text.',
    ja: 'セットアップスクリプトや EC2 の user-data が `OPENAI_API_KEY=your_openai_api_key_here` や本物のキーを .env に書き込む（echo >> .env、cat > .env <<EOF）と、プレースホルダーがそのまま配備されて使えないキーや推測可能な既定値でサービスが起動するか、本物の秘密値がリポジトリとインスタンスメタデータに残り、どちらかにアクセスできる人に読まれます。クォートされたヒアドキュメント (<<\'EOF\') 内の値はそのまま書き込まれ、`$(openssl rand -hex 32)` も文字列のままになります。',
  },
  fix: {
    en: 'Fetch the secret at provisioning time from a secret store (`aws ssm get-parameter --with-decryption`, `aws secretsmanager get-secret-value`, Vault) or generate it (`$(openssl rand -hex 32)` in an unquoted here-document), write the file with `umask 077`, and fail the script when a value is missing instead of writing a placeholder.',
    ja: '秘密値はプロビジョニング時にシークレットストア（`aws ssm get-parameter --with-decryption`、`aws secretsmanager get-secret-value`、Vault）から取得するか生成し（クォートしないヒアドキュメント内の `$(openssl rand -hex 32)`）、`umask 077` でファイルを書き、値がないときはプレースホルダーを書かずにスクリプトを失敗させます。',
  },
  references: { cwe: ['CWE-798', 'CWE-1188'] },
  check(facts, ctx) {
    for (const f of facts.shell) {
      for (const w of f.writes) {
        for (const e of w.entries) {
          if (!isSecretName(e.key) || !e.value) continue;
          if (e.expanded) continue; // generated or taken from the environment at run time
          const where = { file: f.file, line: e.line, column: e.column, key: e.key };
          if (e.hasExpansion) {
            if (!ctx.judges(f.environment)) continue;
            ctx.report({
              ...where,
              severity: 'medium',
              message: {
                en: `${e.key} is written to ${w.target} inside a quoted here-document: "${e.value}" is not expanded and lands in the file as written`,
                ja: `${e.key} がクォートされたヒアドキュメント内で ${w.target} に書き込まれています: 「${e.value}」は展開されず、そのままの文字列がファイルに入ります`,
              },
            });
            continue;
          }
          const weak = weakSecretReason(e.value);
          if (isPlaceholder(e.value) || weak === 'placeholder' || weak === 'well-known') {
            if (!ctx.judges(f.environment)) continue;
            ctx.report({
              ...where,
              severity: 'medium',
              secrets: [e.value],
              message: {
                en: `Script writes a placeholder or default value for ${e.key} into ${w.target}: the deployed service gets a key that does not work or that anyone can guess`,
                ja: `スクリプトが ${w.target} に ${e.key} のプレースホルダーまたは既定値を書き込んでいます: デプロイされたサービスは使えない、または誰でも推測できるキーで動きます`,
              },
            });
            continue;
          }
          ctx.report({
            ...where,
            secrets: [e.value],
            message: {
              en: `Script writes the secret ${e.key} (${e.value.length} characters) into ${w.target}: the value is committed in the script`,
              ja: `スクリプトが秘密値 ${e.key}（${e.value.length} 文字）を ${w.target} に書き込んでいます: 値がスクリプトごとコミットされています`,
            },
          });
        }
      }
    }
  },
});
