import { attrOr, bool, defineAwsRule, isUnset, label, msg, report, resourcesOf, str, via } from './_util.js';

export default defineAwsRule({
  id: 'tf-aws/elasticache-at-rest-unencrypted',
  severity: 'medium',
  facts: ['terraform'],
  title: { en: 'ElastiCache (Redis / Valkey) data is not encrypted at rest', ja: 'ElastiCache（Redis / Valkey）の保存データが暗号化されていない' },
  description: {
    en: 'A Redis or Valkey replication group without `at_rest_encryption_enabled = true` writes snapshots, swap and backups to disk unencrypted; sessions and cached personal data end up in plain backups. The setting cannot be changed on an existing group. A standalone `aws_elasticache_cluster` with the Redis engine cannot encrypt at all. (Memcached has no at-rest encryption.)',
    ja: '`at_rest_encryption_enabled = true` のない Redis / Valkey レプリケーショングループは、スナップショット・スワップ・バックアップを暗号化せずにディスクへ書き込みます。セッションやキャッシュした個人情報が平文のバックアップに残ります。この設定は既存のグループでは変更できません。Redis エンジンの単体 `aws_elasticache_cluster` はそもそも暗号化できません。（Memcached には保存時の暗号化はありません。）',
  },
  fix: {
    en: 'Use `aws_elasticache_replication_group` with `at_rest_encryption_enabled = true` (optionally `kms_key_id`); an existing group must be recreated from a backup.',
    ja: '`aws_elasticache_replication_group` で `at_rest_encryption_enabled = true`（必要に応じて `kms_key_id`）を設定します。既存のグループはバックアップから作り直す必要があります。',
  },
  references: { cwe: ['CWE-311'], equivalents: ['CKV_AWS_29'] },
  check(facts, ctx) {
    for (const r of resourcesOf(facts.terraform, 'aws_elasticache_replication_group')) {
      const engine = (str(r.body.attrs['engine']?.value) ?? 'redis').toLowerCase();
      const a = r.body.attrs['at_rest_encryption_enabled'];
      if (isUnset(a)) {
        // Valkey replication groups are encrypted at rest by default.
        if (engine === 'valkey') continue;
        ctx.report(report(attrOr(undefined, r), msg(`${label(r)}: `, { en: 'at_rest_encryption_enabled is not set (the default for Redis is false)', ja: 'at_rest_encryption_enabled が未設定です（Redis のデフォルトは false）' })));
      } else if (bool(a!.value) === false) {
        ctx.report(report(attrOr(a, r), msg(`${label(r)}: `, { en: 'at_rest_encryption_enabled is false', ja: 'at_rest_encryption_enabled が false です' }, via(a!.value))));
      }
    }
    for (const r of resourcesOf(facts.terraform, 'aws_elasticache_cluster')) {
      if (!isUnset(r.body.attrs['replication_group_id'])) continue; // member of a replication group
      const engineAttr = r.body.attrs['engine'];
      const engine = str(engineAttr?.value)?.toLowerCase();
      if (engine !== 'redis' && engine !== 'valkey') continue;
      ctx.report(report(attrOr(engineAttr, r), msg(`${label(r)}: `, { en: `a standalone ${engine} cluster cannot encrypt data at rest or in transit; use aws_elasticache_replication_group`, ja: `単体の ${engine} クラスターは保存時・通信時の暗号化ができません。aws_elasticache_replication_group を使ってください` })));
    }
  },
});
