import { reportSecretLiterals } from '../../facts/terraform/secret-literals.js';
import { defineOtherProvidersRule } from './_util.js';

/**
 * The provider-neutral twin of tf-aws/hardcoded-secret: the same secret literals, in what the tf-aws
 * rules do not judge — resources of other providers (azurerm, google, kubernetes …) and modules
 * without AWS resources. A provider's rules judge only its resources; a committed password is a
 * finding whatever the provider.
 */
export default defineOtherProvidersRule({
  id: 'terraform/hardcoded-secret',
  severity: 'high',
  facts: ['terraform'],
  title: { en: 'Secret written in Terraform code (providers other than AWS)', ja: 'Terraform のコードに秘密値が書かれている（AWS 以外のプロバイダー）' },
  description: {
    en: 'A secret-named argument of an Azure, Google Cloud, Kubernetes or other non-AWS resource (`administrator_login_password`, `password`, `client_secret` …), or a secret-named variable default or local of a module without AWS resources, holds a literal. It ends up in the repository, its history and the Terraform state, readable by everyone with access; rotating it means a commit. Permission keywords (`["get", "set"]`), references and placeholders overridden for the target environment are not secrets. AWS resources are judged by tf-aws/hardcoded-secret.',
    ja: 'Azure・Google Cloud・Kubernetes など AWS 以外のリソースの秘密値らしい引数（`administrator_login_password`、`password`、`client_secret` など）、または AWS リソースを持たないモジュールの秘密値らしい変数デフォルト値や local にリテラルが入っています。リポジトリとその履歴、Terraform state に残り、アクセスできる全員が読めます。ローテーションにもコミットが必要です。権限のキーワード（`["get", "set"]`）、参照、対象環境で上書きされるプレースホルダーは秘密値として扱いません。AWS のリソースは tf-aws/hardcoded-secret が判定します。',
  },
  fix: {
    en: "Generate the secret (`random_password`) or keep it in the platform's secret store and reference it (Azure Key Vault `data \"azurerm_key_vault_secret\"`, Google Secret Manager `data \"google_secret_manager_secret_version\"`), or pass it as a variable declared without a default and with `sensitive = true`. Rotate any secret that was pushed.",
    ja: '秘密値は `random_password` で生成するか、プラットフォームのシークレットストアに置いて参照します（Azure Key Vault の `data "azurerm_key_vault_secret"`、Google Secret Manager の `data "google_secret_manager_secret_version"`）。あるいはデフォルト値なし・`sensitive = true` で宣言した変数で渡します。push 済みの秘密値はローテーションしてください。',
  },
  references: { cwe: ['CWE-798'] },
  check(facts, ctx) {
    reportSecretLiterals(facts.terraform, (f) => ctx.report(f));
  },
});
