import { assumedDefault, attrOr, bool, defineAwsRule, isDbCopy, isUnset, label, msg, report, resourcesOf, str, via } from './_util.js';

export default defineAwsRule({
  id: 'tf-aws/rds-storage-unencrypted',
  severity: 'high',
  facts: ['terraform'],
  title: { en: 'RDS storage is not encrypted at rest', ja: 'RDS のストレージが暗号化されていない' },
  description: {
    en: 'An `aws_db_instance` or `aws_rds_cluster` without `storage_encrypted = true` keeps the database, its automated backups, snapshots and read replicas unencrypted on disk. Encryption cannot be switched on later in place: it needs a snapshot copy and a restore, so it must be right before production data arrives.',
    ja: '`storage_encrypted = true` のない `aws_db_instance` / `aws_rds_cluster` は、データベース本体・自動バックアップ・スナップショット・リードレプリカを暗号化せずにディスクへ保存します。暗号化は後からその場で有効にできず、スナップショットのコピーと復元が必要になるため、本番データが入る前に設定しておく必要があります。',
  },
  fix: {
    en: 'Set `storage_encrypted = true` (and optionally `kms_key_id` for a customer managed key). For an existing database: snapshot, copy the snapshot with encryption, restore from it.',
    ja: '`storage_encrypted = true` を設定します（必要に応じて `kms_key_id` でカスタマー管理キーを指定）。既存 DB の場合はスナップショットを取得し、暗号化付きでコピーしたスナップショットから復元します。',
  },
  references: { cwe: ['CWE-311'], equivalents: ['CKV_AWS_16', 'CKV_AWS_96'] },
  check(facts, ctx) {
    const tf = facts.terraform;
    for (const r of resourcesOf(tf, ['aws_db_instance', 'aws_rds_cluster'])) {
      const a = r.body.attrs;
      const engine = str(a['engine']?.value) ?? '';
      // Replicas and restores inherit encryption from their source; Aurora instances from their cluster.
      if (isDbCopy(r) || !isUnset(a['snapshot_identifier'])) continue;
      if (r.type === 'aws_db_instance' && engine.startsWith('aurora')) continue;
      const enc = a['storage_encrypted'];
      const kind = r.type === 'aws_rds_cluster' ? { en: 'RDS cluster', ja: 'RDS クラスター' } : { en: 'RDS instance', ja: 'RDS インスタンス' };
      if (isUnset(enc)) {
        // A customer managed key means encryption is intended (the API encrypts with it).
        if (!isUnset(a['kms_key_id'])) continue;
        const d = assumedDefault(tf, r, 'storage_encrypted');
        if (d.value !== false) continue; // e.g. Aurora Serverless v1: always encrypted
        ctx.report(report(r, msg(kind, ` ${label(r)}: `, { en: 'storage_encrypted is not set: data, backups and snapshots are stored unencrypted', ja: 'storage_encrypted が未設定です: データ・バックアップ・スナップショットが暗号化されずに保存されます' }, d.note)));
      } else if (bool(enc!.value) === false) {
        ctx.report(report(attrOr(enc, r), msg(kind, ` ${label(r)}: `, { en: 'storage_encrypted is false', ja: 'storage_encrypted が false です' }, via(enc!.value))));
      }
    }
  },
});
