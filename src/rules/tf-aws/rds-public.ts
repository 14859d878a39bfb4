import { attrOr, bool, defineAwsRule, label, msg, report, resourcesOf, via } from './_util.js';

export default defineAwsRule({
  id: 'tf-aws/rds-public',
  severity: 'high',
  facts: ['terraform'],
  title: { en: 'RDS database is publicly accessible', ja: 'RDS データベースがパブリックアクセス可能' },
  description: {
    en: '`publicly_accessible = true` gives the database a public DNS name and IP. Only the security group then stands between the internet and the database port, and one wide rule later exposes it to password guessing and exploits.',
    ja: '`publicly_accessible = true` にするとデータベースにパブリックな DNS 名と IP が付きます。インターネットと DB ポートの間にはセキュリティグループしか残らず、後で広いルールを 1 つ追加しただけでパスワード総当たりや脆弱性攻撃にさらされます。',
  },
  fix: {
    en: 'Set `publicly_accessible = false`, place the database in private subnets (`db_subnet_group_name`), and reach it from the application\'s security group, a bastion or SSM Session Manager.',
    ja: '`publicly_accessible = false` にし、DB をプライベートサブネット（`db_subnet_group_name`）に置きます。アクセスはアプリのセキュリティグループ、踏み台、または SSM Session Manager 経由にします。',
  },
  references: { cwe: ['CWE-284'], equivalents: ['CKV_AWS_17'] },
  check(facts, ctx) {
    for (const r of resourcesOf(facts.terraform, ['aws_db_instance', 'aws_rds_cluster_instance'])) {
      const a = r.body.attrs['publicly_accessible'];
      if (a && bool(a.value) === true) {
        ctx.report(report(attrOr(a, r), msg(`${label(r)}: `, { en: 'publicly_accessible is true: the database gets a public endpoint', ja: 'publicly_accessible が true です: データベースにパブリックなエンドポイントが付きます' }, via(a.value))));
      }
    }
  },
});
