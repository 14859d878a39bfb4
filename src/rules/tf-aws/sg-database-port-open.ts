import { defineRule } from '../define.js';
import { ADMIN_PORTS, DB_PORTS, coveredPorts, describeRange, worldIngress } from './_sg.js';
import { msg, report, via } from './_util.js';

export default defineRule({
  id: 'tf-aws/sg-database-port-open',
  severity: 'high',
  facts: ['terraform'],
  title: { en: 'Security group opens a database or cache port to the internet', ja: 'セキュリティグループが DB / キャッシュのポートをインターネットに開放している' },
  description: {
    en: 'An ingress rule allows 0.0.0.0/0 (or ::/0) to a database, cache or search port — MySQL 3306, PostgreSQL 5432, SQL Server 1433, Oracle 1521, MongoDB 27017, Redis 6379, Memcached 11211, Elasticsearch 9200 … Databases are found by internet-wide scans within hours; Redis, Memcached and Elasticsearch often have no authentication at all.',
    ja: 'インバウンドルールが 0.0.0.0/0（または ::/0）から DB・キャッシュ・検索エンジンのポート（MySQL 3306、PostgreSQL 5432、SQL Server 1433、Oracle 1521、MongoDB 27017、Redis 6379、Memcached 11211、Elasticsearch 9200 など）へのアクセスを許可しています。公開された DB はインターネット全体のスキャンで数時間以内に見つかり、Redis・Memcached・Elasticsearch は認証がないことも多いです。',
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
      const names = ports.slice(0, 4).map((p) => `${p.name} ${p.port}`).join(', ') + (ports.length > 4 ? ` (+${ports.length - 4})` : '');
      const range = describeRange(r);
      const single = r.from === r.to;
      ctx.report(
        report(r.attr, msg(`${r.resource.address}: `, single ? { en: `${names} is open to ${r.cidr}`, ja: `${names} が ${r.cidr} に開放されています` } : { en: `${range.en} is open to ${r.cidr}, including ${names}`, ja: `${range.ja} が ${r.cidr} に開放されており、${names} を含みます` }, via(r.attr.value))),
      );
    }
  },
});
