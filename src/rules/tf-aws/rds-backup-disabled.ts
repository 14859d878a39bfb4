import { defineRule } from '../define.js';
import { attrOr, msg, num, report, resourcesOf, via } from './_util.js';

export default defineRule({
  id: 'tf-aws/rds-backup-disabled',
  severity: 'high',
  environments: ['production', 'staging'],
  facts: ['terraform'],
  title: { en: 'RDS automated backups are disabled', ja: 'RDS の自動バックアップが無効' },
  description: {
    en: '`backup_retention_period = 0` turns off automated backups and point-in-time recovery. A bad migration, an accidental DELETE or a ransomware incident then has no way back beyond manual snapshots.',
    ja: '`backup_retention_period = 0` は自動バックアップとポイントインタイムリカバリを無効にします。誤ったマイグレーションや誤削除、ランサムウェア被害が起きても、手動スナップショット以外に戻す手段がなくなります。',
  },
  fix: {
    en: 'Set `backup_retention_period` to at least 7 (up to 35) and a `backup_window` outside peak hours.',
    ja: '`backup_retention_period` を 7 以上（最大 35）にし、`backup_window` をピーク時間外に設定します。',
  },
  references: { cwe: ['CWE-693'], equivalents: ['CKV_AWS_133'] },
  check(facts, ctx) {
    for (const r of resourcesOf(facts.terraform, ['aws_db_instance', 'aws_rds_cluster'])) {
      const a = r.body.attrs['backup_retention_period'];
      if (a && num(a.value) === 0) {
        ctx.report(report(attrOr(a, r), msg(`${r.address}: `, { en: 'backup_retention_period is 0: automated backups and point-in-time recovery are off', ja: 'backup_retention_period が 0 です: 自動バックアップとポイントインタイムリカバリが無効です' }, via(a.value))));
      }
    }
  },
});
