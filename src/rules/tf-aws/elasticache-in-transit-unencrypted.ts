import type { TfResource } from '../../facts/terraform/types.js';
import { attrOr, bool, defineAwsRule, isUnset, label, msg, report, resourcesOf, str, via } from './_util.js';

/** Memcached supports TLS from 1.6.12. */
function memcachedSupportsTls(version: string | undefined): boolean | undefined {
  if (!version) return undefined;
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(version);
  if (!m) return undefined;
  const [maj, min, pat] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  return maj > 1 || (maj === 1 && (min > 6 || (min === 6 && pat >= 12)));
}

export default defineAwsRule({
  id: 'tf-aws/elasticache-in-transit-unencrypted',
  severity: 'medium',
  facts: ['terraform'],
  title: { en: 'ElastiCache traffic is not encrypted in transit', ja: 'ElastiCache の通信が暗号化されていない' },
  description: {
    en: 'Without `transit_encryption_enabled = true`, sessions, tokens and cached data travel in clear text between the application and Redis / Valkey / Memcached, readable by anything that can capture traffic in the VPC; Redis AUTH tokens also require TLS.',
    ja: '`transit_encryption_enabled = true` がないと、セッション・トークン・キャッシュデータがアプリと Redis / Valkey / Memcached の間を平文で流れ、VPC 内で通信を取得できるものなら何でも読めます。Redis の AUTH トークンも TLS が前提です。',
  },
  fix: {
    en: 'Set `transit_encryption_enabled = true` (Memcached 1.6.12 or later) and connect with TLS (`rediss://`, `ssl: true` in the client); for Redis also set an `auth_token` or RBAC user group.',
    ja: '`transit_encryption_enabled = true` を設定し（Memcached は 1.6.12 以降）、クライアントは TLS で接続します（`rediss://`、クライアントの `ssl: true`）。Redis では `auth_token` または RBAC ユーザーグループも設定します。',
  },
  references: { cwe: ['CWE-319'], equivalents: ['CKV_AWS_30'] },
  check(facts, ctx) {
    const tf = facts.terraform;
    const judge = (r: TfResource, note: { en: string; ja: string }) => {
      const a = r.body.attrs['transit_encryption_enabled'];
      if (isUnset(a)) ctx.report(report(attrOr(undefined, r), msg(`${label(r)}: `, { en: 'transit_encryption_enabled is not set (the default is false)', ja: 'transit_encryption_enabled が未設定です（デフォルトは false）' }, note)));
      else if (bool(a!.value) === false) ctx.report(report(attrOr(a, r), msg(`${label(r)}: `, { en: 'transit_encryption_enabled is false', ja: 'transit_encryption_enabled が false です' }, via(a!.value), note)));
    };
    for (const r of resourcesOf(tf, 'aws_elasticache_replication_group')) judge(r, { en: '', ja: '' });
    for (const r of resourcesOf(tf, 'aws_elasticache_cluster')) {
      if (!isUnset(r.body.attrs['replication_group_id'])) continue;
      if (str(r.body.attrs['engine']?.value)?.toLowerCase() !== 'memcached') continue; // Redis clusters: see tf-aws/elasticache-at-rest-unencrypted
      const version = str(r.body.attrs['engine_version']?.value);
      const ok = memcachedSupportsTls(version);
      judge(r, ok === false ? { en: ` (engine_version ${version} is too old: TLS needs Memcached 1.6.12 or later)`, ja: `（engine_version ${version} は古すぎます: TLS には Memcached 1.6.12 以降が必要です）` } : { en: '', ja: '' });
    }
  },
});
