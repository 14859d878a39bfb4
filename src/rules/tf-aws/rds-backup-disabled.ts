import { assumedDefault, attrOr, defineAwsRule, isDbCopy, isUnset, label, msg, num, report, resourcesOf, str, via } from './_util.js';

/** AWS Security Hub RDS.11's default minimum, and a week of weekends and holidays to notice a problem. */
const MIN_DAYS = 7;

export default defineAwsRule({
  id: 'tf-aws/rds-backup-disabled',
  severity: 'high',
  environments: ['production', 'staging'],
  facts: ['terraform'],
  title: { en: 'RDS automated backups are disabled or kept too briefly', ja: 'RDS の自動バックアップが無効、または保持期間が短すぎる' },
  description: {
    en: '`backup_retention_period = 0` turns off automated backups and point-in-time recovery (high): a bad migration, an accidental DELETE or a ransomware incident then has no way back beyond manual snapshots. A retention shorter than 7 days — including an absent `backup_retention_period`, for which AWS keeps 1 day — is reported at low severity: a problem noticed after a long weekend can no longer be undone (AWS Security Hub RDS.11 asks for 7 days). Read replicas (backed up through their source) and Aurora cluster members are not judged.',
    ja: '`backup_retention_period = 0` は自動バックアップとポイントインタイムリカバリを無効にします（high）。誤ったマイグレーションや誤削除、ランサムウェア被害が起きても、手動スナップショット以外に戻す手段がなくなります。7 日未満の保持期間（`backup_retention_period` を指定しない場合の AWS の既定値 1 日を含む）は low で報告します。連休明けに気づいた問題はもう戻せません（AWS Security Hub RDS.11 は 7 日を求めます）。リードレプリカ（ソース側でバックアップされる）と Aurora クラスターのメンバーは対象外です。',
  },
  fix: {
    en: 'Set `backup_retention_period` to at least 7 (up to 35) and a `backup_window` outside peak hours.',
    ja: '`backup_retention_period` を 7 以上（最大 35）にし、`backup_window` をピーク時間外に設定します。',
  },
  references: { cwe: ['CWE-693'], equivalents: ['CKV_AWS_133', 'AWS Security Hub RDS.11'] },
  check(facts, ctx) {
    const tf = facts.terraform;
    for (const r of resourcesOf(tf, ['aws_db_instance', 'aws_rds_cluster'])) {
      // Read replicas are backed up through their source; Aurora instances through their cluster.
      if (isDbCopy(r) || (r.type === 'aws_db_instance' && (str(r.body.attrs['engine']?.value) ?? '').startsWith('aurora'))) continue;
      const a = r.body.attrs['backup_retention_period'];
      if (isUnset(a)) {
        const d = assumedDefault(tf, r, 'backup_retention_period');
        if (typeof d.value === 'number' && d.value < MIN_DAYS) {
          ctx.report(report(r, msg(`${label(r)}: `, { en: `backup_retention_period is not set: automated backups are kept ${d.value} day(s), shorter than ${MIN_DAYS}`, ja: `backup_retention_period が未設定です: 自動バックアップの保持は ${d.value} 日で、${MIN_DAYS} 日より短いです` }, d.note), { severity: 'low' }));
        }
        continue;
      }
      const days = num(a!.value);
      if (days === 0) {
        ctx.report(report(attrOr(a, r), msg(`${label(r)}: `, { en: 'backup_retention_period is 0: automated backups and point-in-time recovery are off', ja: 'backup_retention_period が 0 です: 自動バックアップとポイントインタイムリカバリが無効です' }, via(a!.value))));
      } else if (days !== undefined && days < MIN_DAYS) {
        ctx.report(report(attrOr(a, r), msg(`${label(r)}: `, { en: `backup_retention_period is ${days}: a problem noticed after ${days} day(s) cannot be undone from automated backups (keep at least ${MIN_DAYS})`, ja: `backup_retention_period が ${days} です: ${days} 日以上たって気づいた問題は自動バックアップから戻せません（${MIN_DAYS} 日以上にしてください）` }, via(a!.value)), { severity: 'low' }));
      }
    }
  },
});
