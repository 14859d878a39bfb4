import type { ComposePort, ComposeService } from '../../facts/compose.js';
import type { DockerfileFact } from '../../facts/dockerfile.js';
import { defineRule } from '../define.js';
import { deployedStages } from '../../facts/docker-stages.js';
import { DATA_IMAGES, DATA_PORTS } from './_common.js';

/** Server commands of data stores (`command: redis-server --appendonly yes`). */
const DATA_COMMANDS = /^(postgres|mysqld|mariadbd|mongod|mongos|redis-server|valkey-server|memcached|rabbitmq-server|kafka-server-start(\.sh)?|zookeeper-server-start(\.sh)?|clickhouse-server|minio|influxd|couchdb|cockroach|neo4j|elasticsearch)$/;

/**
 * What the service runs: its image, else the base image of the stage its build deploys. `unknown`
 * when neither can be read (an image name made of variables, a Dockerfile outside the scan).
 */
function imageOf(svc: ComposeService, dockerfiles: readonly DockerfileFact[]): { name: string; data: boolean } | 'unknown' {
  const first = svc.command?.argv?.[0]?.split('/').pop();
  if (first && DATA_COMMANDS.test(first)) return { name: first, data: true };
  if (svc.image && !svc.image.resolved.includes('$')) return { name: svc.image.name, data: DATA_IMAGES.test(svc.image.resolved) };
  if (svc.build) {
    const df = dockerfiles.find((d) => d.file === svc.build!.dockerfilePath);
    if (df) {
      const target = svc.build.target?.toLowerCase();
      const stage = (target && df.stages.find((s) => s.name?.toLowerCase() === target)) || deployedStages(df)[0] || df.stages[df.final]!;
      const chain = [stage, ...stage.effective.chain.map((i) => df.stages[i]!)];
      const base = chain[chain.length - 1]!.image.resolved;
      if (!base.includes('$')) return { name: base, data: DATA_IMAGES.test(base) };
    }
  }
  return 'unknown';
}

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
  facts: ['compose', 'dockerfile'],
  title: { en: 'Database port published on all interfaces', ja: 'データベースのポートが全インターフェースに公開されている' },
  description: {
    en: "A database, cache or broker port (PostgreSQL 5432, MySQL 3306, MongoDB 27017, Redis 6379, Memcached 11211, Elasticsearch 9200, …) is published without a host address, so Docker binds it on every interface of the host (0.0.0.0 and ::). Docker inserts its own iptables rules ahead of ufw / firewalld, so the port is usually reachable from the internet even when the host firewall looks closed. Exposed databases are found by scanners within hours. Binding to 127.0.0.1 (or not publishing at all: services reach each other on the compose network) is fine; a development compose file is not judged for production. The service's image decides (or the base image of the Dockerfile it builds, or a data-store server command): a port of a database image is reported whatever its number; a well-known database port number of another image (Portainer or a docs server on 9000) is not. Only when the image cannot be read does honban go by the port number, and then the finding says so.",
    ja: 'データベース・キャッシュ・メッセージブローカーのポート（PostgreSQL 5432、MySQL 3306、MongoDB 27017、Redis 6379、Memcached 11211、Elasticsearch 9200 など）がホストアドレスの指定なしで公開されており、Docker がホストのすべてのインターフェース (0.0.0.0 と ::) で待ち受けます。Docker は ufw / firewalld より前に独自の iptables ルールを挿入するため、ホストのファイアウォールが閉じているように見えても、たいていインターネットから届きます。公開されたデータベースはスキャナーに数時間で見つかります。127.0.0.1 へのバインド（または公開しない。サービス同士は compose のネットワークで通信できます）は問題ありません。開発用 compose ファイルは本番向けには判定しません。判断はサービスのイメージ (またはビルドする Dockerfile のベースイメージ、データストアのサーバーコマンド) で行います。データベースのイメージのポートは番号によらず報告し、別のイメージがデータベースでよく使う番号を使っていても (9000 番の Portainer やドキュメントサーバー) 報告しません。イメージが読み取れないときだけポート番号で判断し、そのことを指摘に書きます。',
  },
  fix: {
    en: 'Remove the `ports:` entry (other services reach the database as `db:5432` on the compose network), or bind it to loopback for host-side tools: `"127.0.0.1:5432:5432"`.',
    ja: '`ports:` の指定を削除するか（他のサービスは compose のネットワーク上で `db:5432` として接続できます）、ホスト側のツール用にループバックにバインドしてください: `"127.0.0.1:5432:5432"`。',
  },
  references: { cwe: ['CWE-668', 'CWE-1327'] },
  check(facts, ctx) {
    for (const f of facts.compose) {
      for (const svc of f.services) {
        const image = imageOf(svc, facts.dockerfile);
        // The image decides: Portainer or a docs server on 9000 is not ClickHouse.
        if (image !== 'unknown' && !image.data) continue;
        for (const p of svc.ports) {
          const host = p.hostIp?.trim();
          if (host !== undefined && (!ALL_INTERFACES.has(host) || host.includes('$'))) continue;
          const known = dataPortIn(p);
          if (!known && image === 'unknown') continue;
          let what: string;
          let whatJa: string;
          if (image === 'unknown') {
            what = `port ${known![0]}, by its number ${known![1]} (honban cannot tell the image of this service, so it goes by the port)`;
            whatJa = `ポート ${known![0]} (番号からすると ${known![1]}。このサービスのイメージが分からないため、ポート番号で判断しています)`;
          } else {
            what = known ? `${known[1]} port ${known[0]}` : `port ${p.target} of ${image.name}`;
            whatJa = known ? `${known[1]} のポート ${known[0]}` : `${image.name} のポート ${p.target}`;
          }
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
