/**
 * Plans within the project: which root module a plan was made from, and the plan's resources
 * positioned in the configuration (the attribute, the caller's argument, the module call) so that a
 * finding from a plan points where the configuration reading would have pointed.
 */
import path from 'node:path';
import { asDocument } from './extract.js';
import { bodyFingerprint, type ModuleModel } from './eval.js';
import { canonical, type ParsedPlan, type PlanResource } from './plan.js';
import type { Loc, TfAttr, TfBlock, TfBody, TfResource, TfValue } from '../../facts/terraform/types.js';

/** The root module a plan was made from: the one in the plan's directory, else the one whose resources the plan configures. */
export function planRoot(plan: ParsedPlan, roots: Map<string, ModuleModel>): ModuleModel | undefined {
  const planned = new Set(plan.rootConfigAddresses);
  const score = (m: ModuleModel): number => {
    const keys = [...m.resources.keys(), ...[...m.data.keys()].map((k) => `data.${k}`)];
    if (!keys.length) return 0;
    return keys.filter((k) => planned.has(k)).length / keys.length;
  };
  const dir = path.posix.dirname(plan.file);
  const own = roots.get(dir === '' ? '.' : dir);
  if (own && (score(own) > 0 || !planned.size)) return own;
  let best: ModuleModel | undefined;
  let bestScore = 0.8;
  for (const m of roots.values()) {
    const s = score(m);
    if (s >= bestScore) [best, bestScore] = [m, s];
  }
  return best;
}

/** `aws_x.y[0]` → `aws_x.y` (only the last step's key). */
export function withoutKeysLast(address: string): string {
  return address.replace(/\[[^\]]*\]$/, '');
}

/** count / for_each instances with identical planned values form one group (as the configuration reading merges them). */
export function groupPlanResources(resources: PlanResource[]): PlanResource[][] {
  const groups = new Map<string, PlanResource[]>();
  for (const r of resources) {
    const k = `${r.mode}|${r.configAddress}|${bodyFingerprint(r.body)}`;
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  return [...groups.values()];
}

/** A plan resource judged on its own (no configuration in the scan): positions in the plan file. */
export function planResource(pr: PlanResource, file: string, address: string): TfResource {
  return {
    id: `plan:${file}|${address}`,
    address,
    mode: pr.mode,
    type: pr.type,
    name: pr.name,
    moduleDir: path.posix.dirname(file) || '.',
    file,
    line: pr.loc.line,
    column: pr.loc.column,
    endLine: pr.loc.line,
    body: pr.body,
    multi: address !== pr.address,
    provider: pr.provider,
    plan: file,
  };
}

/** Attributes holding JSON documents: the configuration's structure (with its positions) is kept when the plan says the same. */
const DOCUMENT_ATTRS = new Set(['policy', 'assume_role_policy', 'container_definitions', 'inline_policy']);

/**
 * The plan's values with the configuration's positions: an attribute written in the configuration
 * takes its place (and its value's origin: the caller's argument, tfvars, a default); an attribute
 * the plan adds (a provider default) takes `fallback` (the resource, or the module call that creates
 * it); what the plan only knows after apply keeps the configuration's reading (its references).
 */
export function alignBody(plan: TfBody, config: TfBody, fallback: Loc): TfBody {
  const attrs: Record<string, TfAttr | undefined> = Object.create(null);
  for (const [name, a] of Object.entries(plan.attrs)) {
    if (!a) continue;
    const c = config.attrs[name];
    if (!c) {
      attrs[name] = { ...a, file: fallback.file, line: fallback.line, column: fallback.column, value: { ...a.value, loc: fallback } as TfValue };
      continue;
    }
    if (a.value.kind === 'unknown') {
      attrs[name] = c;
      continue;
    }
    if (DOCUMENT_ATTRS.has(name) && a.value.kind === 'string' && c.value.kind !== 'string') {
      const doc = asDocument(a.value, fallback);
      if (doc && c.value.kind !== 'unknown' && canonical(doc) === canonical(c.value)) {
        attrs[name] = c;
        continue;
      }
    }
    attrs[name] = { ...a, file: c.file, line: c.line, column: c.column, text: c.text, value: relocate(a.value, c.value) };
  }
  // Written in the configuration, absent from the plan's values: unknown until apply.
  for (const [name, c] of Object.entries(config.attrs)) if (c && !(name in attrs) && c.value.kind === 'unknown') attrs[name] = c;
  const blocks: TfBlock[] = [];
  const seen = new Map<string, number>();
  for (const b of plan.blocks) {
    const i = seen.get(b.type) ?? 0;
    seen.set(b.type, i + 1);
    const cb = config.blocks.filter((x) => x.type === b.type)[i];
    if (!cb) {
      blocks.push({ ...b, file: fallback.file, line: fallback.line, column: fallback.column, body: alignBody(b.body, { attrs: Object.create(null), blocks: [] }, fallback) });
      continue;
    }
    blocks.push({ ...b, file: cb.file, line: cb.line, column: cb.column, dynamic: cb.dynamic, body: alignBody(b.body, cb.body, { file: cb.file, line: cb.line, column: cb.column }) });
  }
  return { attrs, blocks };
}

/** The plan's value at the configuration value's place (and origin); list items and object entries too. */
function relocate(p: TfValue, c: TfValue): TfValue {
  const base = { ...p, loc: c.loc ?? p.loc, from: c.from, refs: c.refs } as TfValue;
  if (p.kind === 'list' && c.kind === 'list' && base.kind === 'list') base.items = p.items.map((x, i) => (c.items[i] ? relocate(x, c.items[i]!) : { ...x, loc: c.loc ?? x.loc }));
  if (p.kind === 'object' && c.kind === 'object' && base.kind === 'object')
    base.entries = p.entries.map((e) => {
      const ce = c.entries.find((x) => x.key === e.key);
      return ce ? { key: e.key, keyLoc: ce.keyLoc, value: relocate(e.value, ce.value) } : { ...e, keyLoc: c.loc ?? e.keyLoc, value: { ...e.value, loc: c.loc ?? e.value.loc } as TfValue };
    });
  return base;
}
