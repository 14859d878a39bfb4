import type { TerraformFact, TfAttr, TfResource, TfValue } from '../../facts/terraform/types.js';
import type { Severity } from '../../contracts/types.js';
import { defineAwsRule, items, label, msg, refIds, report, resourceIndex, str, textOf, via } from './_util.js';

/** Attachments: resource type → [policy ARN attribute(s), principal attribute(s)]. */
const ATTACH: Record<string, { policy: string; principals: string[]; list?: boolean }> = {
  aws_iam_role_policy_attachment: { policy: 'policy_arn', principals: ['role'] },
  aws_iam_user_policy_attachment: { policy: 'policy_arn', principals: ['user'] },
  aws_iam_group_policy_attachment: { policy: 'policy_arn', principals: ['group'] },
  aws_iam_policy_attachment: { policy: 'policy_arn', principals: ['roles', 'users', 'groups'] },
  aws_iam_role: { policy: 'managed_policy_arns', principals: [], list: true },
  aws_iam_role_policy_attachments_exclusive: { policy: 'policy_arns', principals: ['role_name'], list: true },
  aws_iam_user_policy_attachments_exclusive: { policy: 'policy_arns', principals: ['user_name'], list: true },
  aws_iam_group_policy_attachments_exclusive: { policy: 'policy_arns', principals: ['group_name'], list: true },
};

/** The AWS managed policy a value names (`arn:aws:iam::aws:policy/AdministratorAccess`, a data "aws_iam_policy"). */
function managedPolicyName(v: TfValue, byId: Map<string, TfResource>): string | undefined {
  const t = textOf(v);
  const m = t ? /:iam::aws:policy\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/.exec(t) : undefined;
  if (m) return m[1];
  for (const id of refIds(v)) {
    const d = byId.get(id);
    if (d?.type !== 'aws_iam_policy' || d.mode !== 'data') continue;
    const arn = textOf(d.body.attrs['arn']?.value);
    const am = arn ? /:iam::aws:policy\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/.exec(arn) : undefined;
    if (am) return am[1];
    const name = str(d.body.attrs['name']?.value);
    if (name) return name;
  }
  return undefined;
}

function severityOf(name: string): Severity | undefined {
  if (name === 'AdministratorAccess' || name === 'IAMFullAccess' || name === 'PowerUserAccess') return 'high';
  if (/FullAccess(_v\d+)?$/.test(name)) return 'medium';
  return undefined;
}

const KIND: Record<string, { en: string; ja: string }> = {
  role: { en: 'role', ja: 'ロール' },
  user: { en: 'user', ja: 'ユーザー' },
  group: { en: 'group', ja: 'グループ' },
};

function principalOf(r: TfResource, attrs: string[], byId: Map<string, TfResource>): { en: string; ja: string } {
  if (r.type === 'aws_iam_role') return { en: `role ${label(r)}`, ja: `ロール ${label(r)}` };
  for (const a of attrs) {
    const v = r.body.attrs[a]?.value;
    if (!v) continue;
    const kind = KIND[a.replace(/_name$/, '').replace(/s$/, '')] ?? { en: a, ja: a };
    const ref = refIds(v).map((id) => byId.get(id)?.address).find((x) => x);
    const s = ref ?? str(v) ?? (items(v) ?? []).map(str).filter((x) => x).join(', ');
    if (s) return { en: `${kind.en} ${s}`, ja: `${kind.ja} ${s}` };
  }
  return { en: r.address, ja: r.address };
}

export default defineAwsRule({
  id: 'tf-aws/iam-admin-policy',
  severity: 'high',
  facts: ['terraform'],
  title: { en: 'Broad AWS managed policy attached (AdministratorAccess / *FullAccess)', ja: '広すぎる AWS 管理ポリシーがアタッチされている（AdministratorAccess / *FullAccess）' },
  description: {
    en: 'AdministratorAccess, PowerUserAccess and IAMFullAccess give an application (or a leaked key) the whole account; service `*FullAccess` policies (AmazonS3FullAccess, CloudWatchLogsFullAccess, AmazonSSMFullAccess …) give every action on every resource of the service, including deleting other teams\' data. An application needs a few actions on its own resources.',
    ja: 'AdministratorAccess・PowerUserAccess・IAMFullAccess はアプリ（や漏れたキー）にアカウント全体の権限を与えます。サービスの `*FullAccess`（AmazonS3FullAccess、CloudWatchLogsFullAccess、AmazonSSMFullAccess など）は、そのサービスの全リソースに対する全操作（他チームのデータ削除も含む）を許します。アプリに必要なのは自分のリソースに対する少数の操作だけです。',
  },
  fix: {
    en: 'Replace the managed policy with a customer managed policy (or `aws_iam_policy_document`) that lists the actions the application calls on the ARNs it owns, e.g. `logs:CreateLogStream` and `logs:PutLogEvents` on its own log group.',
    ja: '管理ポリシーの代わりに、アプリが実際に呼ぶアクションと自分のリソース ARN だけを列挙したカスタマー管理ポリシー（または `aws_iam_policy_document`）を使います。例: 自分のロググループに対する `logs:CreateLogStream` と `logs:PutLogEvents`。',
  },
  references: { cwe: ['CWE-269'], equivalents: ['CKV_AWS_274'] },
  check(facts, ctx) {
    const tf: TerraformFact[] = facts.terraform;
    const byId = resourceIndex(tf);
    for (const f of tf) {
      for (const r of f.resources) {
        const spec = r.mode === 'managed' ? ATTACH[r.type] : undefined;
        const attr: TfAttr | undefined = spec ? r.body.attrs[spec.policy] : undefined;
        if (!spec || !attr) continue;
        const values = spec.list ? (items(attr.value) ?? []) : [attr.value];
        for (const v of values) {
          const name = managedPolicyName(v, byId);
          const sev = name ? severityOf(name) : undefined;
          if (!name || !sev) continue;
          const loc = !v.from && v.loc ? v.loc : attr;
          const who = principalOf(r, spec.principals, byId);
          ctx.report(
            report({ file: loc.file, line: loc.line, column: loc.column }, msg({ en: `AWS managed policy ${name} is attached to ${who.en}`, ja: `AWS 管理ポリシー ${name} が ${who.ja} にアタッチされています` }, via(v), name === 'AdministratorAccess' ? { en: ': full control of the account', ja: ': アカウント全体を操作できます' } : { en: '', ja: '' }), { severity: sev }),
          );
        }
      }
    }
  },
});
