/**
 * Secret literals written in Terraform (variable defaults, tfvars, locals, resource arguments),
 * shared by tf-aws/hardcoded-secret (AWS resources) and terraform/hardcoded-secret (other providers).
 */
import type { TerraformFact, TfValue } from './types.js';
import { isPlaceholder, weakReasonText, weakSecretReason } from '../../lib/secrets.js';
import type { Localized, ReportInput } from '../../contracts/types.js';
import { dbPasswordLiterals, isSecretKey, isSecretLiteral, label, locKey, msg, report as finding, secretEntries, via } from './findings.js';
import { allAttrs, str } from './values.js';

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

/** Reports every secret literal of `terraform` once, where it is written. */
export function reportSecretLiterals(terraform: readonly TerraformFact[], report: (f: ReportInput) => void): void {
  const done = new Set(dbPasswordLiterals(terraform).map((d) => locKey(d.attr.value.loc ?? d.attr)));
  const emit = (loc: { file: string; line: number; column: number }, what: Localized, value: string, key: string, from: Localized = { en: '', ja: '' }) => {
    const k = locKey(loc);
    if (done.has(k)) return;
    done.add(k);
    report(finding({ file: loc.file, line: loc.line, column: loc.column }, msg(what, from, describe(value)), { secrets: [value], key }));
  };
  const literal = (v: TfValue | undefined): string | undefined => (v?.kind === 'string' && isSecretLiteral(v.value) ? v.value : undefined);
  for (const f of terraform) {
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
        if (a && value !== undefined) emit(a.value.loc ?? a, { en: `${label(r)}: SecureString "value"`, ja: `${label(r)} の SecureString の value` }, value, 'value', via(a.value));
      }
      const skip = SKIP_ATTRS[r.type];
      for (const a of allAttrs(r.body)) {
        if (skip?.has(a.name)) continue;
        for (const e of secretEntries(a.name, a.value)) emit(e.value.loc ?? a, { en: `${label(r)}: "${e.key}"`, ja: `${label(r)} の ${e.key}` }, e.value.value, e.key, via(e.value));
      }
    }
  }
}
