import { attrOr, bool, defineAwsRule, isDbCopy, label, msg, report, resourcesOf, str, via } from './_util.js';

export default defineAwsRule({
  id: 'tf-aws/rds-skip-final-snapshot',
  severity: 'medium',
  environments: ['production'],
  facts: ['terraform'],
  title: { en: 'RDS is deleted without a final snapshot', ja: 'RDS が最終スナップショットなしで削除される' },
  description: {
    en: '`skip_final_snapshot = true` lets `terraform destroy` (or a replacement forced by a changed argument) delete the production database without taking a last snapshot. Automated backups are deleted with the instance unless retained, so the data is gone.',
    ja: '`skip_final_snapshot = true` だと、`terraform destroy` や引数変更による再作成で本番データベースが最後のスナップショットなしに削除されます。自動バックアップも保持設定がなければインスタンスと一緒に消えるため、データが失われます。',
  },
  fix: {
    en: 'Set `skip_final_snapshot = false` with a `final_snapshot_identifier`, and turn on `deletion_protection`.',
    ja: '`skip_final_snapshot = false` と `final_snapshot_identifier` を設定し、`deletion_protection` も有効にします。',
  },
  references: { cwe: ['CWE-693'] },
  check(facts, ctx) {
    for (const r of resourcesOf(facts.terraform, ['aws_db_instance', 'aws_rds_cluster'])) {
      // A read replica's data lives on in its source; Aurora instances' in their cluster.
      if (isDbCopy(r) || (r.type === 'aws_db_instance' && (str(r.body.attrs['engine']?.value) ?? '').startsWith('aurora'))) continue;
      const a = r.body.attrs['skip_final_snapshot'];
      if (a && bool(a.value) === true) {
        ctx.report(report(attrOr(a, r), msg(`${label(r)}: `, { en: 'skip_final_snapshot is true: destroying or replacing it loses the data without a final snapshot', ja: 'skip_final_snapshot が true です: 削除や再作成の際に最終スナップショットが取られずデータが失われます' }, via(a.value))));
      }
    }
  },
});
