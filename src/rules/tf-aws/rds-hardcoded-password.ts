import { weakReasonText, weakSecretReason } from '../../lib/secrets.js';
import { dbPasswordLiterals, defineAwsRule, label, msg, report, via } from './_util.js';

export default defineAwsRule({
  id: 'tf-aws/rds-hardcoded-password',
  severity: 'high',
  facts: ['terraform'],
  title: { en: 'Database master password is written in Terraform', ja: 'DB のマスターパスワードが Terraform に直書きされている' },
  description: {
    en: 'The master password of an RDS instance or Aurora cluster is a literal — in the resource, in a variable default (`variables.tf`) or in a tfvars file. Everyone with access to the repository, its history, CI logs and the Terraform state can read it, and rotating it means a commit.',
    ja: 'RDS インスタンスや Aurora クラスターのマスターパスワードが、リソース・変数のデフォルト値（`variables.tf`）・tfvars ファイルのいずれかにリテラルで書かれています。リポジトリとその履歴、CI ログ、Terraform state にアクセスできる全員が読めるうえ、ローテーションのたびにコミットが必要になります。',
  },
  fix: {
    en: 'Let RDS manage it: `manage_master_user_password = true` (stored and rotated in Secrets Manager), or generate it with `random_password` and store it in Secrets Manager. Remove the literal, rotate the password, and purge it from the history if it was pushed.',
    ja: '`manage_master_user_password = true` で RDS に管理させる（Secrets Manager に保存・ローテーションされます）か、`random_password` で生成して Secrets Manager に保存します。リテラルを削除してパスワードを変更し、push 済みなら履歴からも消去してください。',
  },
  references: { cwe: ['CWE-798', 'CWE-259'] },
  check(facts, ctx) {
    for (const { resource: r, attr, value } of dbPasswordLiterals(facts.terraform)) {
      const where = attr.value.loc ?? attr;
      const weak = weakSecretReason(value);
      const extra = weak ? msg('; ', { en: 'also, it ', ja: 'さらにこの値' }, weakReasonText(weak, value.length)) : { en: '', ja: '' };
      ctx.report(
        report(
          { file: where.file, line: where.line, column: where.column },
          msg(`${label(r)}.${attr.name}: `, { en: `the database master password is a literal (${value.length} chars)`, ja: `データベースのマスターパスワードがリテラル（${value.length} 文字）です` }, via(attr.value), extra),
          { secrets: [value], key: attr.name },
        ),
      );
    }
  },
});
