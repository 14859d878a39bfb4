import type { TerraformFact, TfValue } from '../../facts/terraform/types.js';
import type { Localized } from '../../contracts/types.js';
import { allAttrs, defineAwsRule, label, msg, refIds, report, resourceIndex } from './_util.js';

interface Use {
  where: Localized;
  file: string;
  line: number;
}

export default defineAwsRule({
  id: 'tf-aws/iam-user-access-key',
  severity: 'medium',
  facts: ['terraform'],
  title: { en: 'Long-lived IAM user access key created by Terraform (instead of a role)', ja: 'Terraform が期限のない IAM ユーザーのアクセスキーを作成している（ロールを使っていない）' },
  description: {
    en: 'An `aws_iam_access_key` is created by Terraform and handed to an application (ECS environment or secrets, Lambda environment, an SSM parameter, a Secrets Manager value, an output). That key never expires, is stored in the Terraform state and in every place it is copied to, and must be rotated by hand. ECS tasks, Lambda functions and EC2 instances get short-lived credentials from their role instead. A key that nothing in the configuration hands on (someone copies it out of the state) is reported at low severity.',
    ja: 'Terraform が作成した `aws_iam_access_key` がアプリ（ECS の環境変数や secrets、Lambda の環境変数、SSM パラメータ、Secrets Manager の値、output）に渡されています。このキーは期限切れにならず、Terraform state とコピー先すべてに保存され、ローテーションも手作業です。ECS タスク・Lambda・EC2 はロールから短期の認証情報を受け取れます。構成のどこにも渡されていないキー（state から手作業で取り出される）は low で報告します。',
  },
  fix: {
    en: 'Grant the permissions to the ECS task role (`task_role_arn`) / Lambda execution role / instance profile, remove AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY from the application, then delete the access key and the IAM user.',
    ja: '権限を ECS タスクロール（`task_role_arn`）・Lambda 実行ロール・インスタンスプロファイルに付与し、アプリから AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY を外してから、アクセスキーと IAM ユーザーを削除します。',
  },
  references: { cwe: ['CWE-798', 'CWE-324'] },
  check(facts, ctx) {
    const tf: TerraformFact[] = facts.terraform;
    const byId = resourceIndex(tf);
    const keys = tf.flatMap((f) => f.resources).filter((r) => r.mode === 'managed' && r.type === 'aws_iam_access_key');
    if (!keys.length) return;
    const keyIds = new Set(keys.map((k) => k.id));
    const uses = new Map<string, Use[]>();
    // One pass over every value; each use is attributed to the keys it references.
    const look = (v: TfValue | undefined, where: Localized, at: { file: string; line: number }, self?: string) => {
      for (const id of refIds(v)) {
        if (!keyIds.has(id) || id === self) continue;
        let list = uses.get(id);
        if (!list) uses.set(id, (list = []));
        list.push({ where, file: at.file, line: at.line });
      }
    };
    for (const f of tf) {
      for (const c of f.containers) {
        for (const e of [...c.environment, ...c.secrets]) look(e.value, { en: `ECS ${c.taskDefinition} variable ${e.name}`, ja: `ECS ${c.taskDefinition} の変数 ${e.name}` }, e);
      }
      for (const r of f.resources) {
        if (r.type === 'aws_ecs_task_definition') continue; // its containers are above
        for (const a of allAttrs(r.body)) look(a.value, { en: `${label(r)}.${a.name}`, ja: `${label(r)}.${a.name}` }, a, r.id);
      }
      for (const o of f.outputs) look(o.value?.value, { en: `output "${o.name}"`, ja: `output "${o.name}"` }, o);
      for (const m of f.moduleCalls) for (const a of allAttrs(m.body)) look(a.value, { en: `module "${m.name}" argument ${a.name}`, ja: `module "${m.name}" の引数 ${a.name}` }, a);
    }
    for (const key of keys) {
      const list = uses.get(key.id) ?? [];
      const user = refIds(key.body.attrs['user']?.value).map((id) => byId.get(id)).find((r) => r?.type === 'aws_iam_user');
      const of = user ? ` of ${label(user)}` : '';
      if (!list.length) {
        // Nothing in the configuration hands it on: someone copies it out of the state by hand.
        ctx.report(
          report(key, msg({ en: `Access key ${label(key)}${of} is created but not handed to anything in this configuration: a key that never expires, whose secret sits in the Terraform state, to be copied out by hand`, ja: `${user ? `${label(user)} の` : ''}アクセスキー ${label(key)} が作成されていますが、この構成のどこにも渡されていません: 期限切れにならないキーで、シークレットは Terraform state に残り、手作業で取り出されます` }), { severity: 'low' }),
        );
        continue;
      }
      const first = list[0]!;
      const more = list.length > 1 ? { en: ` and ${list.length - 1} more place(s)`, ja: ` ほか ${list.length - 1} か所` } : { en: '', ja: '' };
      ctx.report(
        report(key, msg({ en: `Access key ${label(key)}${of} is passed to the application (${first.where.en}, ${first.file}:${first.line}`, ja: `${user ? `${label(user)} の` : ''}アクセスキー ${label(key)} がアプリに渡されています（${first.where.ja}, ${first.file}:${first.line}` }, more, { en: '): use a task / execution role instead', ja: '）: 代わりにタスクロール / 実行ロールを使ってください' })),
      );
    }
  },
});
