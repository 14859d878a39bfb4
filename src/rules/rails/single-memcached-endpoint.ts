import type { RubyValue } from '../../facts/ruby.js';
import { defineRule } from '../define.js';
import { effectiveSettings } from './_util.js';

const MEMCACHE_STORES = new Set(['mem_cache_store', 'dalli_store']);

/** How many memcached servers a value names: a number, or undefined when unknown (a variable, a list from ENV). */
function serverCount(v: RubyValue): number | undefined {
  switch (v.kind) {
    case 'string':
      return v.value!.split(/[\s,]+/).filter(Boolean).length;
    case 'interpolated':
      return 1; // "#{ENV['HOST']}:#{ENV['PORT']}": one endpoint assembled from parts
    case 'array': {
      let n = 0;
      for (const i of v.items ?? []) {
        const c = serverCount(i);
        if (c === undefined) return undefined;
        n += c;
      }
      return n;
    }
    default:
      return undefined; // ENV["MEMCACHE_SERVERS"] (comma-separated for Dalli), a variable …
  }
}

export default defineRule({
  id: 'rails/single-memcached-endpoint',
  severity: 'low',
  environments: ['production', 'staging'],
  facts: ['ruby'],
  title: {
    en: 'Rails cache bound to a single memcached endpoint',
    ja: 'Rails のキャッシュが単一の memcached エンドポイントに固定されている',
  },
  description: {
    en: '`config.cache_store = :mem_cache_store, "host:port"` (or one endpoint assembled from ENV parts) hard-wires one memcached node. Adding nodes to the cluster later needs a code change and a deploy, and when that node fails or is replaced every cache read misses at once and the database takes the full load. Without any server Dalli connects to localhost:11211, which in a container is nothing. A list of servers, or one variable holding a comma-separated list (Dalli splits it), is fine.',
    ja: '`config.cache_store = :mem_cache_store, "host:port"` (または ENV の部品から組み立てた 1 つのエンドポイント) は memcached のノードを 1 台に固定します。後からクラスターにノードを追加するにはコード変更とデプロイが必要になり、そのノードが落ちたり入れ替わったりするとキャッシュが一斉にミスして、負荷がすべてデータベースにかかります。サーバー指定がない場合 Dalli は localhost:11211 に接続しますが、コンテナ内には何もありません。サーバーのリスト、またはカンマ区切りのリストを入れた 1 つの変数 (Dalli が分割します) であれば問題ありません。',
  },
  fix: {
    en: 'Pass every node: `config.cache_store = :mem_cache_store, ENV.fetch("MEMCACHE_SERVERS").split(","), { failover: true, socket_timeout: 1.5, pool: { size: 5 } }` and set MEMCACHE_SERVERS to all node endpoints (for ElastiCache, the node endpoints, or the configuration endpoint with auto discovery through the dalli-elasticache gem).',
    ja: 'すべてのノードを渡してください: `config.cache_store = :mem_cache_store, ENV.fetch("MEMCACHE_SERVERS").split(","), { failover: true, socket_timeout: 1.5, pool: { size: 5 } }` とし、MEMCACHE_SERVERS に全ノードのエンドポイントを設定します (ElastiCache ならノードのエンドポイント、または dalli-elasticache gem による自動検出で設定エンドポイントを使います)。',
  },
  references: { equivalents: ['seed S4.14'] },
  check(facts, ctx) {
    for (const { fact, setting } of effectiveSettings(facts.ruby, 'cache_store')) {
      const v = setting.value;
      const items = v.kind === 'list' ? (v.items ?? []) : [v];
      const store = items[0];
      if (!store || store.kind !== 'symbol' || !MEMCACHE_STORES.has(store.value!)) continue;
      const servers = items.slice(1).filter((i) => i.kind !== 'hash');
      let count: number | undefined = 0;
      for (const s of servers) {
        const c = serverCount(s);
        if (c === undefined) {
          count = undefined;
          break;
        }
        count += c;
      }
      if (count === undefined || count > 1) continue;
      const at = servers[0] ?? setting;
      ctx.report({
        file: fact.file,
        line: at.line,
        column: at.column,
        key: 'cache_store',
        message:
          count === 0
            ? {
                en: `config.cache_store uses :${store.value} without servers: Dalli connects to localhost:11211 only`,
                ja: `config.cache_store が :${store.value} をサーバー指定なしで使っています: Dalli は localhost:11211 にしか接続しません`,
              }
            : {
                en: `config.cache_store is bound to a single memcached endpoint: scaling the cluster needs a code change, and losing that node empties the cache`,
                ja: `config.cache_store が単一の memcached エンドポイントに固定されています: クラスターの拡張にはコード変更が必要で、そのノードを失うとキャッシュがすべて消えます`,
              },
      });
    }
  },
});
