import { serviceWildcard } from './_iam.js';
import { defineAwsRule, label, msg, report } from './_util.js';

/** Services whose every action on every resource amounts to taking over the account. */
const ESCALATING = new Set(['iam', 'sts', 'organizations', 'sso', 'identitystore', 'lambda', 'cloudformation', 'ssm', 'ec2']);

export default defineAwsRule({
  id: 'tf-aws/iam-service-wildcard',
  severity: 'high',
  facts: ['terraform'],
  title: { en: 'IAM policy allows every action of a service on every resource ("s3:*" on Resource "*")', ja: 'IAM ポリシーがあるサービスの全アクションを全リソースに許可している（Resource "*" に "s3:*"）' },
  description: {
    en: 'An Allow statement with a service-wide wildcard (`s3:*`, `ec2:*`, `rds:*`, `iam:*` …) on `Resource "*"` gives the holder every present and future action of that service on everything in the account: read and delete every bucket, terminate every instance, drop every database. `iam:*`, `sts:*`, `lambda:*`, `cloudformation:*`, `ssm:*` or `ec2:*` (with instance profiles) are paths to administrator access. With a Condition the statement is reported at medium.',
    ja: 'サービス全体のワイルドカード（`s3:*`、`ec2:*`、`rds:*`、`iam:*` など）を `Resource "*"` に許可する Allow ステートメントは、そのサービスの現在と将来のすべての操作をアカウント内の全リソースに与えます。全バケットの読み取り・削除、全インスタンスの終了、全 DB の削除が可能です。`iam:*`、`sts:*`、`lambda:*`、`cloudformation:*`、`ssm:*`、`ec2:*`（インスタンスプロファイル経由）は管理者権限への経路になります。Condition 付きの場合は medium で報告します。',
  },
  fix: {
    en: 'List the actions the workload calls (`s3:GetObject`, `s3:PutObject` …) and scope `Resource` to its ARNs (`arn:aws:s3:::my-bucket/*`). IAM Access Analyzer can generate the policy from CloudTrail activity.',
    ja: 'ワークロードが呼ぶアクション（`s3:GetObject`、`s3:PutObject` など）を列挙し、`Resource` を対象の ARN（`arn:aws:s3:::my-bucket/*`）に絞ります。IAM Access Analyzer を使うと CloudTrail の利用履歴からポリシーを生成できます。',
  },
  references: { cwe: ['CWE-269'], equivalents: ['CKV_AWS_355', 'CKV_AWS_290'] },
  check(facts, ctx) {
    for (const f of facts.terraform) {
      for (const p of f.policies) {
        if (p.kind !== 'identity') continue;
        for (const s of p.statements) {
          if (s.effect !== 'Allow' || s.hasPrincipal) continue;
          if (s.actions.some((a) => a.value === '*' || a.value === '*:*') || s.notActions.length) continue; // tf-aws/iam-wildcard-action
          if (!s.resources.some((r) => r.value === '*')) continue;
          const wild = s.actions.filter((a) => a.value !== undefined && serviceWildcard(a.value));
          if (!wild.length) continue;
          const services = [...new Set(wild.map((a) => serviceWildcard(a.value!)!))];
          const shown = wild.slice(0, 4).map((a) => a.value).join(', ') + (wild.length > 4 ? ` (+${wild.length - 4})` : '');
          const escalates = services.filter((x) => ESCALATING.has(x));
          const extra = escalates.length ? { en: ` — ${escalates.map((x) => `${x}:*`).join(', ')} can be turned into administrator access`, ja: ` — ${escalates.map((x) => `${x}:*`).join('、')} は管理者権限の取得に使えます` } : { en: '', ja: '' };
          ctx.report(report({ ...wild[0]!, example: p.example }, msg(`${label(p)}: `, { en: `${shown} allowed on Resource "*": every action of the service on every resource of the account`, ja: `${shown} が Resource "*" に許可されています: アカウント内の全リソースに対するそのサービスの全操作です` }, extra, s.hasCondition ? { en: ' (limited by a Condition)', ja: '（Condition で制限あり）' } : { en: '', ja: '' }), s.hasCondition ? { severity: 'medium' } : {}));
        }
      }
    }
  },
});
