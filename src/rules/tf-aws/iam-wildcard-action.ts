import { defineAwsRule, label, msg, report } from './_util.js';

export default defineAwsRule({
  id: 'tf-aws/iam-wildcard-action',
  severity: 'high',
  facts: ['terraform'],
  title: { en: 'IAM policy allows every action ("Action": "*")', ja: 'IAM ポリシーが全アクションを許可している（"Action": "*"）' },
  description: {
    en: 'An Allow statement with `Action "*"` (or `NotAction`) in an identity policy grants every API of every service on the resources it names — with `Resource "*"` that is administrator access. Whoever gets the application\'s credentials (SSRF to the metadata endpoint, a leaked key) owns the account.',
    ja: 'アイデンティティポリシーの Allow ステートメントに `Action "*"`（または `NotAction`）があると、対象リソースに対して全サービスの全 API を許可します。`Resource "*"` と組み合わせれば管理者権限と同じです。アプリの認証情報を得た攻撃者（メタデータエンドポイントへの SSRF、漏れたキーなど）にアカウントを乗っ取られます。',
  },
  fix: {
    en: 'List the actions the application calls (`s3:GetObject`, `s3:PutObject` …) and scope `Resource` to its ARNs. IAM Access Analyzer can generate a policy from CloudTrail activity.',
    ja: 'アプリが呼ぶアクション（`s3:GetObject`、`s3:PutObject` など）を列挙し、`Resource` を自分の ARN に絞ります。IAM Access Analyzer を使うと CloudTrail の利用履歴からポリシーを生成できます。',
  },
  references: { cwe: ['CWE-269'], equivalents: ['CKV_AWS_63', 'CKV_AWS_49', 'CKV_AWS_62', 'CKV_AWS_1'] },
  check(facts, ctx) {
    for (const f of facts.terraform) {
      for (const p of f.policies) {
        if (p.kind !== 'identity') continue;
        for (const s of p.statements) {
          if (s.effect !== 'Allow' || s.hasPrincipal) continue;
          const star = s.actions.find((a) => a.value === '*' || a.value === '*:*');
          const resAll = s.resources.some((r) => r.value === '*');
          if (star) {
            // On named resources the grant is bounded by them: still every action (delete, change the policy), reported at medium.
            ctx.report(report({ ...star, example: p.example }, msg(`${label(p)}: `, resAll ? { en: 'Allow statement with Action "*" on Resource "*": administrator access', ja: 'Action "*" と Resource "*" の Allow ステートメントです: 管理者権限と同じです' } : { en: 'Allow statement with Action "*" on the listed resources: every action, including deleting them and changing who can access them', ja: '列挙したリソースに Action "*" を許可する Allow ステートメントです: 削除やアクセス権の変更を含む全操作を許可します' }), resAll ? {} : { severity: 'medium' }));
          } else if (s.notActions.length > 0) {
            const at = s.notActions[0]!;
            ctx.report(report({ ...at, example: p.example }, msg(`${label(p)}: `, { en: 'Allow statement with NotAction: every action except the listed ones is allowed', ja: 'NotAction を使った Allow ステートメントです: 列挙したもの以外の全アクションを許可します' })));
          }
        }
      }
    }
  },
});
