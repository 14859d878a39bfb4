import { serviceWildcard } from './_iam.js';
import { defineAwsRule, label, msg, report } from './_util.js';

/** Actions that only accept Resource "*" (AWS does not support resource-level permissions for them). */
const RESOURCELESS = new Set(
  [
    'cloudwatch:PutMetricData', 'xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets',
    'ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel',
    'ecr:GetAuthorizationToken', 'sts:GetCallerIdentity', 'ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface',
    'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses', 'logs:DescribeLogGroups',
  ].map((a) => a.toLowerCase()),
);

const READ_VERBS = /^(get|list|describe|head|batchget|search|lookup|query|scan|select|view|read|download|filter|validate|estimate|preview|check|test)/i;

/** A write (or unknown) action: not read-only, not resource-less. */
export function isWriteAction(action: string): boolean {
  const a = action.trim();
  if (RESOURCELESS.has(a.toLowerCase())) return false;
  const i = a.indexOf(':');
  const verb = i >= 0 ? a.slice(i + 1) : a;
  if (verb === '' || verb.startsWith('*')) return true;
  return !READ_VERBS.test(verb);
}

export default defineAwsRule({
  id: 'tf-aws/iam-wildcard-resource',
  severity: 'medium',
  facts: ['terraform'],
  title: { en: 'IAM policy allows write actions on Resource "*"', ja: 'IAM ポリシーが Resource "*" への書き込み操作を許可している' },
  description: {
    en: 'An Allow statement grants write actions (Put, Delete, Create, Update, `service:*` …) on `Resource "*"` without a condition: the application can change or delete every resource of that type in the account, not only its own. A bug or a compromised task then reaches every bucket, queue or table.',
    ja: '条件のない Allow ステートメントが `Resource "*"` に対して書き込み系のアクション（Put・Delete・Create・Update・`service:*` など）を許可しています。アプリは自分のものだけでなくアカウント内のその種類の全リソースを変更・削除できます。バグや乗っ取られたタスクの影響が全バケット・キュー・テーブルに及びます。',
  },
  fix: {
    en: 'Scope `Resource` to the ARNs the application owns (`${aws_s3_bucket.assets.arn}/*`, the log group ARN …), or add a Condition (`aws:ResourceTag`, `s3:prefix`) when ARNs are not known in advance.',
    ja: '`Resource` をアプリが所有する ARN（`${aws_s3_bucket.assets.arn}/*`、ロググループの ARN など）に絞ります。事前に ARN が決まらない場合は Condition（`aws:ResourceTag`、`s3:prefix` など）を付けます。',
  },
  references: { cwe: ['CWE-732'], equivalents: ['CKV_AWS_355', 'CKV_AWS_290'] },
  check(facts, ctx) {
    for (const f of facts.terraform) {
      for (const p of f.policies) {
        if (p.kind !== 'identity') continue;
        for (const s of p.statements) {
          if (s.effect !== 'Allow' || s.hasPrincipal || s.hasCondition) continue;
          if (s.actions.some((a) => a.value === '*' || a.value === '*:*') || s.notActions.length) continue; // tf-aws/iam-wildcard-action
          const star = s.resources.find((r) => r.value === '*');
          if (!star) continue;
          // Service-wide wildcards (s3:*) are tf-aws/iam-service-wildcard's.
          const writes = s.actions.filter((a) => a.value !== undefined && !serviceWildcard(a.value) && isWriteAction(a.value)).map((a) => a.value!);
          if (!writes.length) continue;
          const shown = writes.slice(0, 3).join(', ') + (writes.length > 3 ? ` (+${writes.length - 3})` : '');
          ctx.report(report({ ...star, example: p.example }, msg(`${label(p)}: `, { en: `write actions ${shown} are allowed on Resource "*"`, ja: `書き込み系アクション ${shown} が Resource "*" に対して許可されています` })));
        }
      }
    }
  },
});
