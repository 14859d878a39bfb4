import type { TfValue } from '../../facts/terraform/types.js';
import { isPlaceholder, weakReasonText, weakSecretReason } from '../../lib/secrets.js';
import type { Localized } from '../../contracts/types.js';
import { defineRule } from '../define.js';
import { allAttrs, dbPasswordLiterals, isSecretKey, isSecretLiteral, locKey, msg, report, secretEntries, str, via } from './_util.js';

/** Attributes judged by other rules (ECS environment, provider credentials, RDS passwords). */
const SKIP_ATTRS: Record<string, Set<string>> = {
  aws_ecs_task_definition: new Set(['container_definitions']),
};

function describe(value: string): Localized {
  const weak = weakSecretReason(value);
  if (weak === 'placeholder') return { en: ' is still a placeholder: the real secret has not been provisioned', ja: ' がプレースホルダーのままです: 本物の秘密値が用意されていません' };
  const base = { en: ` is a literal secret (${value.length} chars) committed with the code`, ja: ` が秘密値のリテラル（${value.length} 文字）としてコードに含まれています` };
  return weak ? msg(base, '; ', { en: 'also, it ', ja: 'さらにこの値' }, weakReasonText(weak, value.length)) : base;
}

export default defineRule({
  id: 'tf-aws/hardcoded-secret',
  severity: 'high',
  facts: ['terraform'],
  title: { en: 'Secret written in Terraform code or tfvars', ja: 'Terraform のコードや tfvars に秘密値が書かれている' },
  description: {
    en: 'A secret-named variable default, tfvars assignment, local or resource argument (`rails_secret_key_base`, `auth_token`, `secret_string` …) holds a literal. It ends up in the repository, its history and the Terraform state, readable by everyone with access; rotating it means a commit. A placeholder left in a variable that production uses means the real secret was never provisioned.',
    ja: '秘密値らしい名前の変数デフォルト値・tfvars の代入・local・リソース引数（`rails_secret_key_base`、`auth_token`、`secret_string` など）にリテラルが入っています。リポジトリとその履歴、Terraform state に残り、アクセスできる全員が読めます。ローテーションにもコミットが必要です。本番で使われる変数にプレースホルダーが残っている場合は、本物の秘密値がまだ用意されていないことを意味します。',
  },
  fix: {
    en: 'Store the secret in AWS Secrets Manager or SSM Parameter Store (SecureString) and reference it (`data "aws_secretsmanager_secret_version"`, ECS `secrets`), or generate it with `random_password`. Declare the variable without a default and with `sensitive = true`. Rotate any secret that was pushed.',
    ja: '秘密値は AWS Secrets Manager か SSM Parameter Store（SecureString）に保存して参照する（`data "aws_secretsmanager_secret_version"`、ECS の `secrets`）か、`random_password` で生成します。変数はデフォルト値なし・`sensitive = true` で宣言します。push 済みの秘密値はローテーションしてください。',
  },
  references: { cwe: ['CWE-798'] },
  check(facts, ctx) {
    const done = new Set(dbPasswordLiterals(facts.terraform).map((d) => locKey(d.attr.value.loc ?? d.attr)));
    const emit = (loc: { file: string; line: number; column: number }, what: Localized, value: string, key: string, from: Localized = { en: '', ja: '' }) => {
      const k = locKey(loc);
      if (done.has(k)) return;
      done.add(k);
      ctx.report(report({ file: loc.file, line: loc.line, column: loc.column }, msg(what, from, describe(value)), { secrets: [value], key }));
    };
    const literal = (v: TfValue | undefined): string | undefined => (v?.kind === 'string' && isSecretLiteral(v.value) ? v.value : undefined);
    for (const f of facts.terraform) {
      for (const v of f.variables) {
        if (!isSecretKey(v.name) || !v.default) continue;
        const value = literal(v.default.value);
        if (value === undefined) continue;
        // A placeholder default that the target environment overrides is only documentation.
        if (isPlaceholder(value) && v.overridden) continue;
        emit(v.default.value.loc ?? v.default, { en: `Default of variable "${v.name}"`, ja: `変数 ${v.name} のデフォルト値` }, value, v.name);
      }
      for (const a of f.assignments) {
        for (const e of secretEntries(a.name, a.value)) emit(e.value.loc ?? a, { en: `tfvars "${e.key}"`, ja: `tfvars の ${e.key}` }, e.value.value, e.key);
      }
      for (const l of f.locals) {
        // Reported where the literal is written (for values from a variable: the default / tfvars line).
        for (const e of secretEntries(l.name, l.value)) emit(e.value.loc ?? l, { en: `local "${e.key}"`, ja: `local の ${e.key}` }, e.value.value, e.key, via(e.value));
      }
      for (const r of f.resources) {
        // A SecureString parameter whose value is written in the code is not secure.
        if (r.mode === 'managed' && r.type === 'aws_ssm_parameter' && str(r.body.attrs['type']?.value) === 'SecureString') {
          const a = r.body.attrs['value'];
          const value = literal(a?.value);
          if (a && value !== undefined) emit(a.value.loc ?? a, { en: `${r.address}: SecureString "value"`, ja: `${r.address} の SecureString の value` }, value, 'value', via(a.value));
        }
        const skip = SKIP_ATTRS[r.type];
        for (const a of allAttrs(r.body)) {
          if (skip?.has(a.name)) continue;
          for (const e of secretEntries(a.name, a.value)) emit(e.value.loc ?? a, { en: `${r.address}: "${e.key}"`, ja: `${r.address} の ${e.key}` }, e.value.value, e.key, via(e.value));
        }
      }
    }
  },
});
