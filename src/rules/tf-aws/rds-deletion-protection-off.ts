import { assumedDefault, attrOr, bool, defineAwsRule, isDbCopy, isUnset, label, msg, report, resourcesOf, str, via } from './_util.js';

export default defineAwsRule({
  id: 'tf-aws/rds-deletion-protection-off',
  severity: 'medium',
  environments: ['production'],
  facts: ['terraform'],
  title: { en: 'RDS deletion protection is off', ja: 'RDS の削除保護が無効' },
  description: {
    en: 'Without `deletion_protection = true` a production database can be deleted by one API call, a console click or a Terraform plan that replaces it. Deletion protection makes every such deletion fail until someone turns it off on purpose.',
    ja: '`deletion_protection = true` がないと、本番データベースは API 呼び出し 1 回、コンソールの操作、あるいは再作成を伴う Terraform の変更で削除できてしまいます。削除保護を有効にすると、意図して解除しない限りこうした削除はすべて失敗します。',
  },
  fix: { en: 'Set `deletion_protection = true` on production databases.', ja: '本番のデータベースに `deletion_protection = true` を設定します。' },
  references: { cwe: ['CWE-693'], equivalents: ['CKV_AWS_293', 'CKV_AWS_139'] },
  check(facts, ctx) {
    const tf = facts.terraform;
    for (const r of resourcesOf(tf, ['aws_db_instance', 'aws_rds_cluster'])) {
      // Aurora instances are protected through their cluster; a read replica can be recreated from its source.
      if (r.type === 'aws_db_instance' && ((str(r.body.attrs['engine']?.value) ?? '').startsWith('aurora') || isDbCopy(r))) continue;
      const a = r.body.attrs['deletion_protection'];
      if (isUnset(a)) {
        ctx.report(report(r, msg(`${label(r)}: `, { en: 'deletion_protection is not set: the database can be deleted by one API call or a replacing plan', ja: 'deletion_protection が未設定です: API 呼び出し 1 回や再作成を伴う変更でデータベースを削除できます' }, assumedDefault(tf, r, 'deletion_protection').note)));
      } else if (bool(a!.value) === false) {
        ctx.report(report(attrOr(a, r), msg(`${label(r)}: `, { en: 'deletion_protection is false', ja: 'deletion_protection が false です' }, via(a!.value))));
      }
    }
  },
});
