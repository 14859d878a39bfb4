import type { ComposePort } from '../../facts/compose.js';
import { defineRule } from '../define.js';
import { DATA_IMAGES, DATA_PORTS } from './_common.js';

const ALL_INTERFACES = new Set(['', '0.0.0.0', '::', '[::]', '*']);

function dataPortIn(p: ComposePort): [number, string] | undefined {
  const ranges: [number, number][] = [];
  if (p.targetRange) ranges.push(p.targetRange);
  const pub = p.published && /^(\d+)(?:-(\d+))?$/.exec(p.published);
  if (pub) ranges.push([Number(pub[1]), Number(pub[2] ?? pub[1])]);
  for (const [lo, hi] of ranges) {
    if (hi - lo > 1000) continue;
    for (let port = lo; port <= hi; port++) if (DATA_PORTS[port]) return [port, DATA_PORTS[port]!];
  }
  return undefined;
}

export default defineRule({
  id: 'compose/database-port-published',
  severity: 'high',
  facts: ['compose'],
  title: { en: 'Database port published on all interfaces', ja: 'データベースのポートが全インターフェースに公開されている' },
  description: {
    en: "A database, cache or broker port (PostgreSQL 5432, MySQL 3306, MongoDB 27017, Redis 6379, Memcached 11211, Elasticsearch 9200, …) is published without a host address, so Docker binds it on every interface of the host (0.0.0.0 and ::). Docker inserts its own iptables rules ahead of ufw / firewalld, so the port is usually reachable from the internet even when the host firewall looks closed. Exposed databases are found by scanners within hours. Binding to 127.0.0.1 (or not publishing at all: services reach each other on the compose network) is fine; a development compose file is not judged for production.",
    ja: 'データベース・キャッシュ・メッセージブローカーのポート（PostgreSQL 5432、MySQL 3306、MongoDB 27017、Redis 6379、Memcached 11211、Elasticsearch 9200 など）がホストアドレスの指定なしで公開されており、Docker がホストのすべてのインターフェース (0.0.0.0 と ::) で待ち受けます。Docker は ufw / firewalld より前に独自の iptables ルールを挿入するため、ホストのファイアウォールが閉じているように見えても、たいていインターネットから届きます。公開されたデータベースはスキャナーに数時間で見つかります。127.0.0.1 へのバインド（または公開しない。サービス同士は compose のネットワークで通信できます）は問題ありません。開発用 compose ファイルは本番向けには判定しません。',
  },
  fix: {
    en: 'Remove the `ports:` entry (other services reach the database as `db:5432` on the compose network), or bind it to loopback for host-side tools: `"127.0.0.1:5432:5432"`.',
    ja: '`ports:` の指定を削除するか（他のサービスは compose のネットワーク上で `db:5432` として接続できます）、ホスト側のツール用にループバックにバインドしてください: `"127.0.0.1:5432:5432"`。',
  },
  references: { cwe: ['CWE-668', 'CWE-1327'] },
  check(facts, ctx) {
    for (const f of facts.compose) {
      for (const svc of f.services) {
        const dbImage = !!svc.image && DATA_IMAGES.test(svc.image.resolved);
        for (const p of svc.ports) {
          const host = p.hostIp?.trim();
          if (host !== undefined && (!ALL_INTERFACES.has(host) || host.includes('$'))) continue;
          const known = dataPortIn(p);
          if (!known && !dbImage) continue;
          const what = known ? `${known[1]} port ${known[0]}` : `port ${p.target} of ${svc.image!.name}`;
          const whatJa = known ? `${known[1]} のポート ${known[0]}` : `${svc.image!.name} のポート ${p.target}`;
          ctx.report({
            file: f.file,
            line: p.line,
            column: p.column,
            message: {
              en: `Service "${svc.name}" publishes ${what} on all interfaces (${p.raw})${p.published === undefined ? ' on a random host port' : ''}: reachable from outside the host`,
              ja: `サービス "${svc.name}" が ${whatJa} を全インターフェースに公開しています (${p.raw})${p.published === undefined ? '（ホスト側はランダムなポート）' : ''}。ホストの外から到達できます`,
            },
            fix: {
              en: `Remove this ports entry, or bind it to loopback: \`"127.0.0.1:${p.published ?? p.target}:${p.target}"\`.`,
              ja: `この ports の指定を削除するか、ループバックにバインドしてください: \`"127.0.0.1:${p.published ?? p.target}:${p.target}"\`。`,
            },
          });
        }
      }
    }
  },
});
