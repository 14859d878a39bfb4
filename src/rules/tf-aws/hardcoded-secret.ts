import { reportSecretLiterals } from '../../facts/terraform/secret-literals.js';
import { defineAwsRule } from './_util.js';

export default defineAwsRule({
  id: 'tf-aws/hardcoded-secret',
  severity: 'high',
  facts: ['terraform'],
  title: { en: 'Secret written in Terraform code or tfvars', ja: 'Terraform のコードや tfvars に秘密値が書かれている' },
  description: {
    en: 'A secret-named variable default, tfvars assignment, local or resource argument (`rails_secret_key_base`, `auth_token`, `secret_string` …) holds a literal. It ends up in the repository, its history and the Terraform state, readable by everyone with access; rotating it means a commit. A placeholder left in a variable that production uses means the real secret was never provisioned.',
    ja: '秘密値らしい名前の変数デフォルト値・tfvars の代入・local・リソース引数（`rails_secret_key_base`、`auth_token`、`secret_string` など）にリテラルが入っています。リポジトリとその履歴、Terraform state に残り、アクセスできる全員が読めます。ローテーションにもコミットが必要です。本番で使われる変数にプレースホルダーが残っている場合は、本物の秘密値がまだ用意されていないことを意味します。',
  },
  fix: {
    en: 'Store the secret in AWS Secrets Manager or SSM Parameter Store (SecureString) and reference it (`data "aws_secretsmanager_secret_version"`, ECS `secrets`), or generate it with `random_password`. Declare the variable without a default and with `sensitive = true`. Rotate any secret that was pushed.',
    ja: '秘密値は AWS Secrets Manager か SSM Parameter Store（SecureString）に保存して参照する（`data "aws_secretsmanager_secret_version"`、ECS の `secrets`）か、`random_password` で生成します。変数はデフォルト値なし・`sensitive = true` で宣言します。push 済みの秘密値はローテーションしてください。',
  },
  references: { cwe: ['CWE-798'] },
  check(facts, ctx) {
    reportSecretLiterals(facts.terraform, (f) => ctx.report(f));
  },
});
