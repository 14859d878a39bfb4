import { defineRule } from '../define.js';
import { bool, isUnset, msg, refersTo, report, resourcesOf, str, via } from './_util.js';

export default defineRule({
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
    if (!opaque) {
      for (const vpc of resourcesOf(tf, 'aws_vpc')) {
        if (logs.some((l) => refersTo(l.body.attrs['vpc_id']?.value, vpc.id))) continue;
        ctx.report(report(vpc, msg(`${vpc.address}: `, { en: 'no aws_flow_log records this VPC\'s traffic', ja: 'この VPC の通信を記録する aws_flow_log がありません' })));
      }
    }
    // terraform-aws-modules/vpc: flow logs are an input.
    for (const f of tf) {
      for (const m of f.moduleCalls) {
        if (!/^(registry\.terraform\.io\/)?terraform-aws-modules\/vpc\/aws$/.test(m.source ?? '')) continue;
        if (logs.some((l) => refersTo(l.body.attrs['vpc_id']?.value, m.id))) continue;
        const a = m.body.attrs['enable_flow_log'];
        if (isUnset(a)) ctx.report(report(m, msg(`module "${m.name}": `, { en: 'enable_flow_log is not set (the module default is false)', ja: 'enable_flow_log が未設定です（モジュールのデフォルトは false）' })));
        else if (bool(a!.value) === false) ctx.report(report(a!, msg(`module "${m.name}": `, { en: 'enable_flow_log is false', ja: 'enable_flow_log が false です' }, via(a!.value))));
      }
    }
  },
});
