import { defineAwsRule, msg, report } from './_util.js';

export default defineAwsRule({
  id: 'tf-aws/cloudtrail-missing',
  severity: 'info',
  environments: ['production'],
  facts: ['terraform'],
  title: { en: 'No CloudTrail trail is defined', ja: 'CloudTrail の証跡が定義されていない' },
  description: {
    en: 'The Terraform code creates AWS resources but no `aws_cloudtrail`. CloudTrail\'s default event history keeps 90 days of management events and no data events; an organization trail managed elsewhere may cover the account — if not, API activity (who changed the security group, who read the secret) is not retained for an investigation.',
    ja: 'Terraform で AWS リソースを作成していますが、`aws_cloudtrail` がありません。CloudTrail の既定のイベント履歴は管理イベント 90 日分だけでデータイベントは含みません。別の場所で管理している組織の証跡でカバーされていなければ、API 操作（誰がセキュリティグループを変更したか、誰がシークレットを読んだか）の記録が調査に使える形で残りません。',
  },
  fix: {
    en: 'Add a multi-region `aws_cloudtrail` with log file validation, delivering to a dedicated S3 bucket (and CloudWatch Logs for alerts) — or confirm the account is covered by an organization trail and waive this finding.',
    ja: 'ログファイル検証を有効にしたマルチリージョンの `aws_cloudtrail` を追加し、専用の S3 バケット（アラート用に CloudWatch Logs も）へ出力します。組織の証跡でカバー済みなら、それを確認したうえで waiver で許容してください。',
  },
  references: { cwe: ['CWE-778'] },
  check(facts, ctx) {
    const tf = facts.terraform;
    const all = tf.flatMap((f) => f.resources).filter((r) => r.mode === 'managed');
    if (!all.some((r) => r.type.startsWith('aws_'))) return;
    if (all.some((r) => r.type === 'aws_cloudtrail')) return;
    if (tf.some((f) => f.moduleCalls.some((m) => /cloudtrail/i.test(m.source ?? '') || /cloudtrail/i.test(m.name)))) return;
    const providers = tf.flatMap((f) => f.providers).filter((p) => p.name === 'aws').sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
    const firstAws = all.filter((r) => r.type.startsWith('aws_')).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line))[0]!;
    const at = providers[0] ?? firstAws;
    ctx.report(report(at, msg({ en: 'No aws_cloudtrail in the scanned Terraform: make sure API activity of this account is recorded (or an organization trail covers it)', ja: 'スキャンした Terraform に aws_cloudtrail がありません: このアカウントの API 操作が記録されていること（または組織の証跡でカバーされていること）を確認してください' })));
  },
});
