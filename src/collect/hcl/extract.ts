/**
 * Structures read out of resources: IAM policy statements (JSON strings, heredocs, `jsonencode`,
 * `data "aws_iam_policy_document"`) and ECS container definitions, with positions.
 */
import { parseJsonValue } from './json.js';
import type { Loc, TfAttr, TfBody, TfContainer, TfContainerEnv, TfObject, TfPolicy, TfPolicyItem, TfResource, TfStatement, TfValue } from '../../facts/terraform/types.js';
import { blocks, entryCI, items, str } from '../../facts/terraform/values.js';

/** A JSON document held by a value: the structure itself (jsonencode) or a JSON string / heredoc. */
export function asDocument(v: TfValue | undefined, fallback: Loc): TfValue | undefined {
  if (!v) return undefined;
  if (v.kind === 'object' || v.kind === 'list') return v;
  if (v.kind === 'string') return parseJsonValue(v.value, v.map, v.loc ?? fallback, v.refs);
  if (v.kind === 'unknown' && v.partial !== undefined) return parseJsonValue(v.partial, v.map, v.loc ?? fallback, v.refs);
  return undefined;
}

/** Identity policies (attached to principals), resource policies, trust policies: attribute per resource type. */
const POLICY_ATTRS: Record<string, { attr: string; kind: TfPolicy['kind'] }[]> = {
  aws_iam_policy: [{ attr: 'policy', kind: 'identity' }],
  aws_iam_role_policy: [{ attr: 'policy', kind: 'identity' }],
  aws_iam_user_policy: [{ attr: 'policy', kind: 'identity' }],
  aws_iam_group_policy: [{ attr: 'policy', kind: 'identity' }],
  aws_ssoadmin_permission_set_inline_policy: [{ attr: 'inline_policy', kind: 'identity' }],
  aws_iam_role: [{ attr: 'assume_role_policy', kind: 'trust' }],
  aws_s3_bucket_policy: [{ attr: 'policy', kind: 'resource' }],
  aws_s3_bucket: [{ attr: 'policy', kind: 'resource' }],
  aws_sqs_queue_policy: [{ attr: 'policy', kind: 'resource' }],
  aws_sqs_queue: [{ attr: 'policy', kind: 'resource' }],
  aws_sns_topic_policy: [{ attr: 'policy', kind: 'resource' }],
  aws_sns_topic: [{ attr: 'policy', kind: 'resource' }],
  aws_kms_key: [{ attr: 'policy', kind: 'resource' }],
  aws_ecr_repository_policy: [{ attr: 'policy', kind: 'resource' }],
  aws_secretsmanager_secret_policy: [{ attr: 'policy', kind: 'resource' }],
  aws_secretsmanager_secret: [{ attr: 'policy', kind: 'resource' }],
};

function policyItems(v: TfValue | undefined, fallback: Loc): { list: TfPolicyItem[]; partial: boolean } {
  if (!v) return { list: [], partial: false };
  const it = items(v);
  if (!it) {
    const loc = v.loc ?? fallback;
    return { list: [{ partial: v.kind === 'unknown' ? v.partial : undefined, ...loc }], partial: true };
  }
  let partial = false;
  const list = it.map((x) => {
    const loc = x.loc ?? v.loc ?? fallback;
    const s = str(x);
    if (s === undefined) partial = true;
    return { value: s, partial: x.kind === 'unknown' ? x.partial : undefined, file: loc.file, line: loc.line, column: loc.column };
  });
  return { list, partial };
}

function jsonStatements(doc: TfValue, fallback: Loc): TfStatement[] {
  const st = entryCI(doc, 'Statement')?.value;
  const list = items(st) ?? [];
  const out: TfStatement[] = [];
  for (const s of list) {
    if (s.kind !== 'object') continue;
    const loc = s.loc ?? fallback;
    const a = policyItems(entryCI(s, 'Action')?.value, loc);
    const na = policyItems(entryCI(s, 'NotAction')?.value, loc);
    const r = policyItems(entryCI(s, 'Resource')?.value, loc);
    const nr = policyItems(entryCI(s, 'NotResource')?.value, loc);
    const effectV = entryCI(s, 'Effect')?.value;
    out.push({
      file: loc.file,
      line: loc.line,
      column: loc.column,
      sid: str(entryCI(s, 'Sid')?.value),
      effect: effectV ? str(effectV) : undefined,
      actions: a.list,
      notActions: na.list,
      resources: r.list,
      notResources: nr.list,
      hasPrincipal: !!(entryCI(s, 'Principal') || entryCI(s, 'NotPrincipal')),
      hasCondition: !!entryCI(s, 'Condition'),
      partial: a.partial || na.partial || r.partial || nr.partial || (!!effectV && str(effectV) === undefined),
    });
  }
  return out;
}

function documentStatements(body: TfBody): TfStatement[] {
  const out: TfStatement[] = [];
  for (const b of blocks(body, 'statement')) {
    const loc = { file: b.file, line: b.line, column: b.column };
    const at = (name: string) => b.body.attrs[name];
    const pi = (name: string) => {
      const attr = at(name);
      return policyItems(attr?.value, attr ? { file: attr.file, line: attr.line, column: attr.column } : loc);
    };
    const a = pi('actions');
    const na = pi('not_actions');
    const r = pi('resources');
    const nr = pi('not_resources');
    const effAttr = at('effect');
    const effect = effAttr ? str(effAttr.value) : 'Allow';
    out.push({
      ...loc,
      sid: str(at('sid')?.value),
      effect,
      actions: a.list,
      notActions: na.list,
      resources: r.list,
      notResources: nr.list,
      hasPrincipal: blocks(b.body, 'principals').length + blocks(b.body, 'not_principals').length > 0,
      hasCondition: blocks(b.body, 'condition').length > 0,
      partial: a.partial || na.partial || r.partial || nr.partial || effect === undefined || b.dynamic === 'unknown',
    });
  }
  return out;
}

function attrLoc(a: TfAttr): Loc {
  return { file: a.file, line: a.line, column: a.column };
}

/** The IAM policies a resource (or `aws_iam_policy_document` data source) holds. */
export function policiesOf(r: TfResource): TfPolicy[] {
  const out: TfPolicy[] = [];
  const base = { resourceId: r.id, address: r.address, resourceType: r.type, module: r.module, example: r.example };
  if (r.mode === 'data') {
    if (r.type !== 'aws_iam_policy_document') return out;
    const statements = documentStatements(r.body);
    const kind = statements.some((s) => s.hasPrincipal) ? 'resource' : 'identity';
    out.push({ ...base, attr: 'statement', kind, file: r.file, line: r.line, column: r.column, statements });
    return out;
  }
  const add = (attr: TfAttr | undefined, name: string, kind: TfPolicy['kind']) => {
    if (!attr) return;
    const doc = asDocument(attr.value, attrLoc(attr));
    if (!doc) return;
    out.push({ ...base, attr: name, kind, ...attrLoc(attr), statements: jsonStatements(doc, attrLoc(attr)) });
  };
  for (const spec of POLICY_ATTRS[r.type] ?? []) add(r.body.attrs[spec.attr], spec.attr, spec.kind);
  if (r.type === 'aws_iam_role') for (const b of blocks(r.body, 'inline_policy')) add(b.body.attrs['policy'], 'inline_policy.policy', 'identity');
  return out;
}

function envList(v: TfValue | undefined, valueKey: string, fallback: Loc): TfContainerEnv[] {
  const out: TfContainerEnv[] = [];
  for (const e of items(v) ?? []) {
    if (e.kind !== 'object') continue;
    const ne = entryCI(e, 'name');
    const name = str(ne?.value);
    if (name === undefined) continue;
    const ve = entryCI(e, valueKey);
    const value: TfValue = ve?.value ?? { kind: 'null' };
    // Where the entry is written in the task definition (the value itself may come from a variable default).
    const loc = ne?.value.loc ?? e.loc ?? fallback;
    out.push({ name, value, file: loc.file, line: loc.line, column: loc.column });
  }
  return out;
}

/** The containers of an `aws_ecs_task_definition` (from jsonencode, a JSON string / heredoc, or file()). */
export function containersOf(r: TfResource): TfContainer[] {
  if (r.mode !== 'managed' || r.type !== 'aws_ecs_task_definition') return [];
  const attr = r.body.attrs['container_definitions'];
  if (!attr) return [];
  const doc = asDocument(attr.value, attrLoc(attr));
  const list = doc?.kind === 'list' ? doc.items : doc?.kind === 'object' ? [doc] : [];
  const out: TfContainer[] = [];
  for (const c of list) {
    if (c.kind !== 'object') continue;
    const loc = c.loc ?? attrLoc(attr);
    const envV = entryCI(c, 'environment')?.value;
    const secV = entryCI(c, 'secrets')?.value;
    const files = items(entryCI(c, 'environmentFiles')?.value) ?? [];
    out.push({
      taskDefinitionId: r.id,
      module: r.module,
      example: r.example,
      taskDefinition: r.address,
      name: str(entryCI(c, 'name')?.value),
      file: loc.file,
      line: loc.line,
      column: loc.column,
      image: entryCI(c, 'image'),
      user: entryCI(c, 'user'),
      privileged: entryCI(c, 'privileged'),
      environment: envList(entryCI(c, 'environment')?.value, 'value', loc),
      secrets: envList(entryCI(c, 'secrets')?.value, 'valueFrom', loc),
      environmentFiles: files.map((f) => {
        const at = f.loc ?? loc;
        return { value: str(entryCI(f, 'value')?.value), file: at.file, line: at.line, column: at.column };
      }),
      environmentUnknown: (!!envV && (envV.kind === 'unknown' || (items(envV) ?? []).some((x) => x.kind !== 'object' || str(entryCI(x, 'name')?.value) === undefined))) || (!!secV && secV.kind === 'unknown'),
      definition: c as TfObject,
    });
  }
  return out;
}

