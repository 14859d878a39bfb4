/**
 * Judging helpers over Terraform facts shared by the Terraform rule domains (tf-aws, terraform):
 * provider views (each resource judged by one provider's rules), positions and labels of findings,
 * resolved-value provenance for messages, secret-named literals.
 */
import type { TerraformFact, TfAttr, TfBlock, TfModuleRef, TfResource, TfValue } from './types.js';
import { isPlaceholder, isSecretName } from '../../lib/secrets.js';
import type { Localized, ReportInput } from '../../contracts/types.js';
import { refersTo, str, walk } from './values.js';
import { awsMajor, providerDefault, type ProviderDefault } from './provider-defaults.js';

export interface At {
  file: string;
  line: number;
  column: number;
  /** The finding is about an example deployment (`examples/complete`). */
  example?: string;
}

/** Anything a finding can be about: a resource, policy or container (carrying their module / example). */
interface Owner {
  module?: TfModuleRef;
  example?: string;
}

/** The provider whose resources the tf-aws rules judge. */
export const AWS = 'aws';

/** A module whose resources all belong to other providers (azurerm, google …): not judged by tf-aws. */
function otherProvider(f: TerraformFact): boolean {
  return f.providerNames.length > 0 && !f.providerNames.includes(AWS);
}

/** The facts a tf-aws rule sees: AWS resources only (a provider's rules judge that provider's resources). */
export function awsView(facts: readonly TerraformFact[]): TerraformFact[] {
  return facts.map((f) => {
    if (otherProvider(f)) {
      return { ...f, resources: f.resources.filter((r) => r.provider === AWS), policies: [], containers: [], variables: [], locals: [], outputs: [], moduleCalls: [], providers: f.providers.filter((p) => p.name === AWS), assignments: f.kind === 'tfvars' ? f.assignments : [] };
    }
    if (f.resources.every((r) => r.provider === AWS)) return f;
    const ids = new Set(f.resources.filter((r) => r.provider !== AWS).map((r) => r.id));
    return { ...f, resources: f.resources.filter((r) => r.provider === AWS), policies: f.policies.filter((p) => !ids.has(p.resourceId)), containers: f.containers.filter((c) => !ids.has(c.taskDefinitionId)) };
  });
}

/**
 * The facts a provider-neutral Terraform rule sees: everything the tf-aws rules do not — the
 * resources of other providers (azurerm, google, kubernetes …) and, in a module with no AWS
 * resource, its variables, locals and outputs. Together with awsView, each piece is judged once.
 */
export function otherProvidersView(facts: readonly TerraformFact[]): TerraformFact[] {
  return facts.map((f) => {
    const resources = f.resources.filter((r) => r.provider !== AWS);
    const ids = new Set(resources.map((r) => r.id));
    const policies = f.policies.filter((p) => ids.has(p.resourceId));
    const containers = f.containers.filter((c) => ids.has(c.taskDefinitionId));
    if (otherProvider(f)) return { ...f, resources, policies, containers, moduleCalls: [], providers: f.providers.filter((p) => p.name !== AWS), assignments: [] };
    return { ...f, resources, policies, containers, variables: [], locals: [], outputs: [], moduleCalls: [], providers: f.providers.filter((p) => p.name !== AWS), assignments: [] };
  });
}

/**
 * The provider default assumed for an absent argument, for messages: " (not set: the default of
 * hashicorp/aws, false, is assumed — v1–v6)". Empty when the table has no entry.
 */
export function assumedDefault(tf: readonly TerraformFact[], r: TfResource, path: string): { value?: ProviderDefault['value']; note: Localized } {
  const major = awsMajor(tf, r.moduleDir);
  const d = providerDefault(r, path, major);
  if (!d) return { note: { en: '', ja: '' } };
  const v = JSON.stringify(d.value);
  const range = d.majors[0] === d.majors[1] ? `v${d.majors[0]}` : `v${d.majors[0]}–v${d.majors[1]}`;
  const who = d.by === 'aws' ? { en: 'AWS default', ja: 'AWS のデフォルト' } : { en: 'hashicorp/aws default', ja: 'hashicorp/aws のデフォルト' };
  return {
    value: d.value,
    note: {
      en: ` (not set: ${who.en} ${v} assumed, provider ${range}${d.note ? `; ${d.note}` : ''})`,
      ja: `（未設定: ${who.ja} ${v} を想定, provider ${range}）`,
    },
  };
}

/** A resource that copies another database (a read replica, a restore from a snapshot, a cross-region replica of a cluster). */
export function isDbCopy(r: TfResource): boolean {
  const a = r.body.attrs;
  return !isUnsetAttr(a['replicate_source_db']) || !isUnsetAttr(a['replication_source_identifier']);
}

function isUnsetAttr(a: TfAttr | undefined): boolean {
  return !a || a.value.kind === 'null';
}

/** Does the value reference the resource (by its id, or an alias: `module.<call>` for a registry module's main resource)? */
export function refersToResource(v: TfValue | undefined, r: TfResource): boolean {
  return refersTo(v, r.id) || (r.aliases ?? []).some((a) => refersTo(v, a));
}

/** Resources by id (and alias). */
export function resourceIndex(facts: readonly TerraformFact[]): Map<string, TfResource> {
  const out = new Map<string, TfResource>();
  for (const f of facts) {
    for (const r of f.resources) {
      out.set(r.id, r);
      for (const a of r.aliases ?? []) if (!out.has(a)) out.set(a, r);
    }
  }
  return out;
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
  return { file: x.file, line: x.line, column: x.column, example: x.example };
}

function isResource(x: unknown): x is TfResource {
  return !!x && typeof x === 'object' && 'address' in x && 'body' in x && 'mode' in x;
}

/**
 * Where a finding about a resource points: the resource, or for a resource of a module instance
 * the module call in the root module that creates it (what the user of the module edits).
 */
export function posOf(r: TfResource | (At & Owner)): At {
  if (r.module) return { file: r.module.call.file, line: r.module.call.line, column: r.module.call.column, example: r.example };
  return { file: r.file, line: r.line, column: r.column, example: r.example };
}

/**
 * Position for an attribute, or the resource / block start when the attribute is absent. For a
 * resource of a module instance, a value written outside the module (the caller's argument, a
 * tfvars file, a variable default) is reported where it is written; an absent attribute at the call.
 */
export function attrOr(a: TfAttr | undefined, r: At & Owner): At {
  if (!a) return isResource(r) || r.module ? posOf(r as TfResource) : at(r);
  const v = a.value.loc;
  if (r.module && v && v.file !== a.file) return { file: v.file, line: v.line, column: v.column, example: r.example };
  return { file: a.file, line: a.line, column: a.column, example: r.example };
}

/** A resource's address for messages; for a module instance also where the module declares it. */
export function label(r: { address: string; module?: TfModuleRef; file?: string; line?: number }): string {
  if (r.module?.registry) return `${r.address} (${r.module.registry.name}${r.module.version ? ` ${r.module.version}` : ''})`;
  return r.module && r.file ? `${r.address} (${r.file}:${r.line})` : r.address;
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
    case 'module-default':
      return { en: ` (input "${f.name}" not set: the default of ${f.module ?? 'the module'} applies, module call ${w})`, ja: `（入力 ${f.name} が未設定: ${f.module ?? 'モジュール'} のデフォルト値, モジュール呼び出し ${w}）` };
  }
}

/** Joins a message from localized pieces. */
export function msg(...parts: (Localized | string)[]): Localized {
  return {
    en: parts.map((p) => (typeof p === 'string' ? p : p.en)).join(''),
    ja: parts.map((p) => (typeof p === 'string' ? p : p.ja)).join(''),
  };
}

/** A finding at a position (a resource: its position by posOf; an example deployment is marked). */
export function report(where: At | TfResource, message: Localized, extra: Partial<ReportInput> = {}): ReportInput & { example?: string } {
  const p = isResource(where) ? posOf(where) : where;
  return { file: p.file, line: p.line, column: p.column, message, ...extra, ...(p.example ? { example: p.example } : {}) };
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
