import type { TfResource } from '../../facts/terraform/types.js';
import { attrOr, defineAwsRule, isUnset, label, msg, num, refersToResource, report, resourcesOf, str, via } from './_util.js';

export default defineAwsRule({
  id: 'tf-aws/elasticache-single-node',
  severity: 'low',
  environments: ['production'],
  facts: ['terraform'],
  title: { en: 'ElastiCache runs a single node', ja: 'ElastiCache が単一ノード構成' },
  description: {
    en: 'One cache node is a single point of failure: a node replacement or AZ issue empties the cache (and with Redis sessions, logs everyone out), and there is no way to add capacity without a code and configuration change. For Memcached, the application must also be configured with every node endpoint (or the configuration endpoint) to use more than one.',
    ja: 'キャッシュノードが 1 つだと単一障害点になります。ノード交換や AZ の問題でキャッシュが空になり（Redis にセッションを置いていれば全員ログアウト）、容量を増やすにもコードと設定の変更が必要です。Memcached では複数ノードを使うために、アプリ側にも全ノードのエンドポイント（または設定エンドポイント）を設定する必要があります。',
  },
  fix: {
    en: 'Use at least two nodes in different AZs (`num_cache_nodes` / `num_cache_clusters` ≥ 2 with `az_mode = "cross-az"` or `multi_az_enabled = true`), and point the application at the configuration / primary endpoint.',
    ja: '別々の AZ に 2 ノード以上を置き（`num_cache_nodes` / `num_cache_clusters` を 2 以上、`az_mode = "cross-az"` または `multi_az_enabled = true`）、アプリは設定エンドポイント / プライマリエンドポイントを参照するようにします。',
  },
  references: {},
  check(facts, ctx) {
    const tf = facts.terraform;
    const scaled = (r: TfResource) => [...resourcesOf(tf, 'aws_appautoscaling_target')].some((t) => refersToResource(t.body.attrs['resource_id']?.value, r));
    for (const r of resourcesOf(tf, 'aws_elasticache_cluster')) {
      if (!isUnset(r.body.attrs['replication_group_id'])) continue;
      const a = r.body.attrs['num_cache_nodes'];
      if (!a || num(a.value) !== 1 || scaled(r)) continue;
      const engine = str(r.body.attrs['engine']?.value) ?? 'cache';
      ctx.report(report(attrOr(a, r), msg(`${label(r)}: `, { en: `num_cache_nodes is 1: a single ${engine} node with no failover or scaling`, ja: `num_cache_nodes が 1 です: フェイルオーバーもスケールもない単一の ${engine} ノードです` }, via(a.value))));
    }
    for (const r of resourcesOf(tf, 'aws_elasticache_replication_group')) {
      const a = r.body.attrs['num_cache_clusters'];
      if (!a || num(a.value) !== 1 || scaled(r)) continue;
      ctx.report(report(attrOr(a, r), msg(`${label(r)}: `, { en: 'num_cache_clusters is 1: no replica to fail over to', ja: 'num_cache_clusters が 1 です: フェイルオーバー先のレプリカがありません' }, via(a.value))));
    }
  },
});
