import { isPlaceholder, isSecretName, weakReasonText, weakSecretReason } from '../../lib/secrets.js';
import { defineAwsRule, isSecretKey, msg, report, str, via } from './_util.js';

const AWS_KEY_ID = /^(AKIA|ASIA)[A-Z0-9]{16}$/;

export default defineAwsRule({
  id: 'tf-aws/ecs-secret-in-environment',
  severity: 'high',
  facts: ['terraform'],
  title: { en: 'Secret in an ECS task definition\'s environment', ja: 'ECS タスク定義の environment に秘密値がある' },
  description: {
    en: 'A container `environment` entry holds a secret (password, API key, Rails secret, AWS keys …). Environment values are plain text in the task definition: anyone with `ecs:DescribeTaskDefinition` — and the Terraform state — can read them, and every revision keeps them forever. A literal is also in the repository and its history (high); a computed value (`random_password`, an access key, a variable) is only in AWS and the state (medium).',
    ja: 'コンテナの `environment` に秘密値（パスワード、API キー、Rails のシークレット、AWS キーなど）が入っています。environment の値はタスク定義に平文で保存され、`ecs:DescribeTaskDefinition` の権限を持つ人や Terraform state を読める人なら誰でも読めます。タスク定義のリビジョンにも永久に残ります。リテラルの場合はリポジトリとその履歴にも残ります（high）。計算値（`random_password`、アクセスキー、変数）の場合は AWS と state にだけ残ります（medium）。',
  },
  fix: {
    en: 'Move the value to Secrets Manager or SSM Parameter Store and reference it from the container\'s `secrets` (`{ name = "DB_PASSWORD", valueFrom = aws_secretsmanager_secret.db.arn }`); give the execution role `secretsmanager:GetSecretValue` on that ARN. Rotate the exposed value. For AWS keys, use the task role instead.',
    ja: '値を Secrets Manager か SSM Parameter Store に移し、コンテナの `secrets` から参照します（`{ name = "DB_PASSWORD", valueFrom = aws_secretsmanager_secret.db.arn }`）。実行ロールにはその ARN への `secretsmanager:GetSecretValue` を付与します。露出した値はローテーションしてください。AWS キーの場合はタスクロールを使います。',
  },
  references: { cwe: ['CWE-798', 'CWE-526'] },
  check(facts, ctx) {
    for (const f of facts.terraform) {
      for (const c of f.containers) {
        const who = `${c.taskDefinition}${c.name ? ` (${c.name})` : ''}`;
        for (const e of c.environment) {
          const v = str(e.value);
          if (e.value.kind === 'unknown' && isSecretKey(e.name)) {
            // Not in the repository, but still plain text in every task definition revision.
            ctx.report(report(e, msg(`${who}: `, { en: `secret-named variable ${e.name} is passed in plain \`environment\` (${e.value.text ?? 'a computed value'}): it is readable in the task definition; use \`secrets\``, ja: `秘密値らしい変数 ${e.name} が平文の \`environment\` で渡されています（${e.value.text ?? '計算値'}）: タスク定義から読めてしまいます。\`secrets\` を使ってください` }), { severity: 'medium', key: e.name }));
            continue;
          }
          if (v === undefined || e.value.kind !== 'string' || !v.trim()) continue;
          if (AWS_KEY_ID.test(v.trim())) {
            ctx.report(report(e, msg(`${who}: `, { en: `environment variable ${e.name} holds an AWS access key id`, ja: `環境変数 ${e.name} に AWS アクセスキー ID が入っています` }, via(e.value)), { secrets: [v], key: e.name }));
            continue;
          }
          if (!isSecretName(e.name) || isPlaceholder(v)) continue; // placeholders: tf-aws/ecs-placeholder-value
          const weak = weakSecretReason(v);
          const extra = weak ? msg('; ', { en: 'also, it ', ja: 'さらにこの値' }, weakReasonText(weak, v.length)) : { en: '', ja: '' };
          ctx.report(report(e, msg(`${who}: `, { en: `environment variable ${e.name} is a literal secret (${v.length} chars) in plain text`, ja: `環境変数 ${e.name} が平文の秘密値リテラル（${v.length} 文字）です` }, via(e.value), extra), { secrets: [v], key: e.name }));
        }
      }
    }
  },
});
