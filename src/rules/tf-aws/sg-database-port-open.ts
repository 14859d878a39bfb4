import { ADMIN_PORTS, DB_PORTS, coveredPorts, describeRange, portList, worldIngress } from './_sg.js';
import { attrOr, defineAwsRule, label, msg, report, via } from './_util.js';

export default defineAwsRule({
  id: 'tf-aws/sg-database-port-open',
  severity: 'high',
  facts: ['terraform'],
  title: { en: 'Security group opens a database, cache, search or message-broker port to the internet', ja: 'セキュリティグループが DB・キャッシュ・検索・メッセージブローカーのポートをインターネットに開放している' },
  description: {
    en: 'An ingress rule allows any address (0.0.0.0/0, ::/0, or any other /0 range) to a data service — databases (MySQL 3306, PostgreSQL 5432, SQL Server 1433, Oracle 1521, Redshift 5439, MongoDB 27017, Cassandra 9042, Neo4j, InfluxDB, ClickHouse), caches (Redis 6379, Memcached 11211), search (Elasticsearch / OpenSearch 9200) and message brokers (RabbitMQ 5672, Kafka 9092, ZooKeeper 2181, NATS, ActiveMQ, MQTT). They are found by internet-wide scans within hours; Redis, Memcached, Elasticsearch and many brokers often have no authentication at all.',
    ja: 'インバウンドルールが任意のアドレス（0.0.0.0/0、::/0、その他 /0 の範囲）からデータ系サービスのポートへのアクセスを許可しています。対象は DB（MySQL 3306、PostgreSQL 5432、SQL Server 1433、Oracle 1521、Redshift 5439、MongoDB 27017、Cassandra 9042、Neo4j、InfluxDB、ClickHouse）、キャッシュ（Redis 6379、Memcached 11211）、検索（Elasticsearch / OpenSearch 9200）、メッセージブローカー（RabbitMQ 5672、Kafka 9092、ZooKeeper 2181、NATS、ActiveMQ、MQTT）です。インターネット全体のスキャンで数時間以内に見つかり、Redis・Memcached・Elasticsearch や多くのブローカーは認証がないことも多いです。',
  },
  fix: {
    en: 'Allow the port only from the application\'s security group (`referenced_security_group_id` / `security_groups = [aws_security_group.app.id]`) and keep the database in private subnets.',
    ja: 'ポートはアプリのセキュリティグループからのみ許可し（`referenced_security_group_id` / `security_groups = [aws_security_group.app.id]`）、DB はプライベートサブネットに置きます。',
  },
  references: { cwe: ['CWE-284'] },
  check(facts, ctx) {
    for (const r of worldIngress(facts.terraform)) {
      if (coveredPorts(r, ADMIN_PORTS).length) continue; // reported by tf-aws/sg-admin-port-open
      const ports = coveredPorts(r, DB_PORTS);
      if (!ports.length) continue;
      const names = portList(ports);
      const range = describeRange(r);
      const single = r.from === r.to && r.protocol !== 'all';
      ctx.report(
        report(attrOr(r.attr, r.resource), msg(`${label(r.resource)}: `, single ? { en: `${names} is open to ${r.cidr}`, ja: `${names} が ${r.cidr} に開放されています` } : { en: `${range.en} is open to ${r.cidr}, including ${names}`, ja: `${range.ja} が ${r.cidr} に開放されており、${names} を含みます` }, via(r.attr.value))),
      );
    }
  },
});
