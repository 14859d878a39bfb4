import { isPlaceholder, isSecretName } from '../../lib/secrets.js';
import { defineAwsRule, msg, report, str, via } from './_util.js';

export default defineAwsRule({
  id: 'tf-aws/ecs-placeholder-value',
  severity: 'high',
  environments: ['production', 'staging'],
  facts: ['terraform'],
  title: { en: 'ECS task definition variable left as a placeholder', ja: 'ECS タスク定義の変数がプレースホルダーのまま' },
  description: {
    en: 'A container `environment` value is still a placeholder (`your_smtp_username`, `changeme`, `xxx`, `<token>` …). The application starts, but the feature behind it — mail, social login, search — fails in production, often only when a user first needs it.',
    ja: 'コンテナの `environment` の値がプレースホルダー（`your_smtp_username`、`changeme`、`xxx`、`<token>` など）のままです。アプリは起動しますが、その設定に依存する機能（メール送信、SNS ログイン、検索など）が本番で動かず、多くの場合は利用者が初めて使ったときに発覚します。',
  },
  fix: {
    en: 'Provide the real value before release: secrets through the container\'s `secrets` (Secrets Manager / SSM), other settings through a variable set per environment (tfvars).',
    ja: 'リリース前に本物の値を設定します。秘密値はコンテナの `secrets`（Secrets Manager / SSM）で、それ以外の設定は環境ごとの変数（tfvars）で渡します。',
  },
  references: {},
  check(facts, ctx) {
    for (const f of facts.terraform) {
      for (const c of f.containers) {
        const who = `${c.taskDefinition}${c.name ? ` (${c.name})` : ''}`;
        for (const e of c.environment) {
          const v = str(e.value);
          if (v === undefined || e.value.kind !== 'string' || !isPlaceholder(v)) continue;
          // The value is shown only for names that are not secret-like.
          const v60 = v.length > 60 ? v.slice(0, 57) + '...' : v;
          const secret = isSecretName(e.name);
          ctx.report(report(e, msg(`${who}: `, { en: `environment variable ${e.name} is a placeholder${secret ? '' : ` "${v60}"`}`, ja: `環境変数 ${e.name} がプレースホルダー${secret ? '' : `「${v60}」`}のままです` }, via(e.value)), { key: e.name }));
        }
      }
    }
  },
});
