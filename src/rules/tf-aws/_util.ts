/** Helpers shared by the tf-aws rules. */
import type { TerraformFact, TfAttr, TfBlock, TfResource, TfValue } from '../../facts/terraform/types.js';
import { isPlaceholder, isSecretName } from '../../lib/secrets.js';
import type { Localized, ReportInput } from '../../contracts/types.js';
import { str, walk } from '../../facts/terraform/values.js';

export * from '../../facts/terraform/values.js';

export interface At {
  file: string;
  line: number;
  column: number;
}

/** Every resource (managed, or data with mode 'data') of the given types in the facts. */
export function* resourcesOf(facts: readonly TerraformFact[], types: string | readonly string[], mode: 'managed' | 'data' = 'managed'): Generator<TfResource> {
  const set = typeof types === 'string' ? new Set([types]) : new Set(types);
  for (const f of facts) for (const r of f.resources) if (r.mode === mode && set.has(r.type)) yield r;
}

export function allResources(facts: readonly TerraformFact[]): TfResource[] {
  return facts.flatMap((f) => f.resources);
}

export function at(x: At): At {
  return { file: x.file, line: x.line, column: x.column };
}

/** Position for an attribute, or the resource / block start when the attribute is absent. */
export function attrOr(a: TfAttr | undefined, r: At): At {
  return a ? at(a) : at(r);
}

/** " (default of variable x, variables.tf:4)" — where a resolved value came from, for messages. */
export function via(v: TfValue | undefined): Localized {
  const f = v?.from;
  if (!f) return { en: '', ja: '' };
  const w = `${f.loc.file}:${f.loc.line}`;
  switch (f.kind) {
    case 'variable-default':
      return { en: ` (default of variable "${f.name}", ${w})`, ja: `（変数 ${f.name} のデフォルト値, ${w}）` };
    case 'tfvars':
      return { en: ` (variable "${f.name}" set in ${w})`, ja: `（変数 ${f.name} を ${w} で設定）` };
    case 'module-argument':
      return { en: ` (module argument "${f.name}", ${w})`, ja: `（モジュール引数 ${f.name}, ${w}）` };
  }
}

/** Joins a message from localized pieces. */
export function msg(...parts: (Localized | string)[]): Localized {
  return {
    en: parts.map((p) => (typeof p === 'string' ? p : p.en)).join(''),
    ja: parts.map((p) => (typeof p === 'string' ? p : p.ja)).join(''),
  };
}

export function report(at: At, message: Localized, extra: Partial<ReportInput> = {}): ReportInput {
  return { file: at.file, line: at.line, column: at.column, message, ...extra };
}

/** Keys that look secret-like but hold references (ARNs, ids, names). */
export function isSecretKey(key: string): boolean {
  if (!isSecretName(key)) return false;
  return !/(_arns?|_ids?|_names?|_version|_kms_key\w*|_rotation\w*|_recovery_window\w*)$/i.test(key);
}

/** A literal that can be judged as a secret value (not an ARN, not empty, not a reference). */
export function isSecretLiteral(value: string): boolean {
  const v = value.trim();
  return v.length > 0 && !v.startsWith('arn:') && !/^\$\{.*\}$/.test(v);
}

/** The RDS / Aurora master password attributes with a known literal value (also used by tf-aws/hardcoded-secret to avoid double reports). */
export const DB_PASSWORD_ATTRS: Record<string, string> = {
  aws_db_instance: 'password',
  aws_rds_cluster: 'master_password',
};

export function dbPasswordLiterals(facts: readonly TerraformFact[]): { resource: TfResource; attr: TfAttr; value: string }[] {
  const out: { resource: TfResource; attr: TfAttr; value: string }[] = [];
  for (const f of facts) {
    for (const r of f.resources) {
      const name = r.mode === 'managed' ? DB_PASSWORD_ATTRS[r.type] : undefined;
      const a = name ? r.body.attrs[name] : undefined;
      const v = a ? str(a.value) : undefined;
      if (a && a.value.kind === 'string' && v !== undefined && isSecretLiteral(v)) out.push({ resource: r, attr: a, value: v });
    }
  }
  return out;
}

export function locKey(l: { file: string; line: number; column: number }): string {
  return `${l.file}:${l.line}:${l.column}`;
}

/** Nested blocks of a type anywhere below a body. */
export function* deepBlocks(body: { blocks: TfBlock[] }, type: string): Generator<TfBlock> {
  for (const b of body.blocks) {
    if (b.type === type) yield b;
    yield* deepBlocks(b.body, type);
  }
}

/** Secret-named string literals inside a value (object keys). */
export function* secretEntries(key: string, v: TfValue): Generator<{ key: string; value: TfValue & { kind: 'string' } }> {
  for (const { value, key: k } of walk(v)) {
    const name = k ?? key;
    if (value.kind === 'string' && isSecretKey(name) && isSecretLiteral(value.value)) yield { key: name, value };
  }
}

export { isPlaceholder };
