import { defineAwsRule, label, msg, refersToResource, report, resourcesOf, str } from './_util.js';

export default defineAwsRule({
  id: 'tf-aws/vpc-flow-log-missing',
  severity: 'medium',
  environments: ['production', 'staging'],
  facts: ['terraform'],
  title: { en: 'VPC without flow logs', ja: 'VPC フローログがない' },
  description: {
    en: 'No `aws_flow_log` records the VPC\'s traffic. After an incident there is no record of which addresses talked to the database, whether data left the network, or what a compromised task connected to.',
    ja: 'VPC の通信を記録する `aws_flow_log` がありません。インシデントが起きても、どのアドレスが DB と通信したか、データが外部へ出たか、乗っ取られたタスクがどこへ接続したかの記録が残りません。',
  },
  fix: {
    en: 'Add `resource "aws_flow_log"` with `vpc_id = aws_vpc.<name>.id`, `traffic_type = "ALL"` (or at least REJECT) and a CloudWatch Logs or S3 destination with a retention period.',
    ja: '`vpc_id = aws_vpc.<name>.id`、`traffic_type = "ALL"`（最低でも REJECT）で `resource "aws_flow_log"` を追加し、保存期間を設定した CloudWatch Logs か S3 に出力します。',
  },
  references: { cwe: ['CWE-778'], equivalents: ['CKV2_AWS_11'] },
  check(facts, ctx) {
    const tf = facts.terraform;
    const logs = [...resourcesOf(tf, 'aws_flow_log')];
    // A flow log whose VPC we cannot resolve might be for any VPC: do not guess.
    const opaque = logs.some((l) => {
      const v = l.body.attrs['vpc_id']?.value;
      return !!l.body.attrs['vpc_id'] && !v?.refs?.length && str(v) === undefined;
    });
    if (opaque) return;
    for (const vpc of resourcesOf(tf, 'aws_vpc')) {
      if (logs.some((l) => refersToResource(l.body.attrs['vpc_id']?.value, vpc))) continue;
      if (vpc.module?.registry) {
        // terraform-aws-modules/vpc: flow logs are its enable_flow_log input.
        ctx.report(report(vpc, msg(`${label(vpc)}: `, { en: `enable_flow_log is not set to true (the default of ${vpc.module.registry.name} is false): no flow log records this VPC's traffic`, ja: `enable_flow_log が true ではありません（${vpc.module.registry.name} のデフォルトは false）: この VPC の通信を記録するフローログがありません` })));
        continue;
      }
      ctx.report(report(vpc, msg(`${label(vpc)}: `, { en: 'no aws_flow_log records this VPC\'s traffic', ja: 'この VPC の通信を記録する aws_flow_log がありません' })));
    }
  },
});
