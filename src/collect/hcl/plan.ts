/**
 * `terraform show -json plan.out` output: recognised by its content (`format_version` first, a
 * `planned_values` or `resource_changes` member), read with positions. Planned values have modules,
 * count / for_each, variables and provider defaults resolved: what will really be deployed.
 *
 * Attributes the plan cannot know yet (`after_unknown`) are unknown values; an attribute that is
 * neither configured (`configuration` has no expression for it) nor known is left out, so that
 * rules apply the provider default exactly as they do for the configuration. Sensitive values
 * (`sensitive_values`), which the JSON holds in plain text, are registered as secrets.
 */
import { LineIndex } from '../../lib/lines.js';
import { parseJsonValue } from './json.js';
import type { CharMap, Loc, TfAttr, TfBlock, TfBody, TfEntry, TfObject, TfValue } from '../../facts/terraform/types.js';
import { bool, entry, str } from '../../facts/terraform/values.js';

export { isPlanJson } from '../../lib/tfplan.js';

export interface PlanResource {
  /** `module.net.aws_vpc.this[0]` */
  address: string;
  /** `module.net` (with instance keys), empty for the root module. */
  moduleAddress: string;
  /** The address in its module's configuration, without instance keys: `module.net.aws_vpc.this`. */
  configAddress: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  /** `registry.terraform.io/hashicorp/aws` → aws */
  provider: string;
  /** Where the resource object is written in the plan file. */
  loc: Loc;
  body: TfBody;
  /** Values of attributes marked sensitive (to be masked). */
  secrets: string[];
}

export interface ParsedPlan {
  file: string;
  resources: PlanResource[];
  /** Addresses of the root module's configured resources (`aws_vpc.main`), to match the plan to a root module. */
  rootConfigAddresses: string[];
  terraformVersion?: string;
}

const MAX_RESOURCES = 20_000;

class PlanMap implements CharMap {
  constructor(
    readonly file: string,
    private readonly lines: LineIndex,
  ) {}
  loc(i: number): Loc {
    const p = this.lines.at(i);
    return { file: this.file, line: p.line, column: p.column };
  }
}

/** Instance keys removed from every step: `module.a["x"].aws_b.c[0]` → `module.a.aws_b.c`. */
export function withoutKeys(address: string): string {
  let out = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const c = address[i]!;
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
      continue;
    }
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '"' && depth > 0) quoted = true;
    else if (depth === 0) out += c;
  }
  return out;
}

function providerName(full: string | undefined, type: string): string {
  if (full) {
    const last = full.split('/').pop();
    if (last) return last;
  }
  const i = type.indexOf('_');
  return i > 0 ? type.slice(0, i) : type;
}

/** The configuration's expressions per configuration address (module addresses joined: `module.net.aws_vpc.this`). */
function configuredAttrs(config: TfValue | undefined): { attrs: Map<string, TfValue>; root: string[] } {
  const attrs = new Map<string, TfValue>();
  const root: string[] = [];
  const walkModule = (m: TfValue | undefined, prefix: string, depth: number) => {
    if (!m || m.kind !== 'object' || depth > 16) return;
    const rs = entry(m, 'resources')?.value;
    if (rs?.kind === 'list') {
      for (const r of rs.items) {
        const addr = str(entry(r, 'address')?.value);
        if (!addr) continue;
        if (!prefix) root.push(addr);
        const ex = entry(r, 'expressions')?.value;
        attrs.set(`${prefix}${addr}`, ex?.kind === 'object' ? ex : { kind: 'object', entries: [] });
      }
    }
    const calls = entry(m, 'module_calls')?.value;
    if (calls?.kind === 'object') for (const c of calls.entries) walkModule(entry(c.value, 'module')?.value, `${prefix}module.${c.key}.`, depth + 1);
  };
  walkModule(entry(config, 'root_module')?.value, '', 0);
  return { attrs, root };
}

/** after_unknown / sensitive_values of one resource, by address. */
function changesByAddress(changes: TfValue | undefined): Map<string, { unknown?: TfValue; sensitive?: TfValue; deleted: boolean }> {
  const out = new Map<string, { unknown?: TfValue; sensitive?: TfValue; deleted: boolean }>();
  if (changes?.kind !== 'list') return out;
  for (const c of changes.items) {
    const addr = str(entry(c, 'address')?.value);
    const ch = entry(c, 'change')?.value;
    if (!addr || !ch) continue;
    const actions = entry(ch, 'actions')?.value;
    const list = actions?.kind === 'list' ? actions.items.map((x) => str(x)) : [];
    out.set(addr, { unknown: entry(ch, 'after_unknown')?.value, sensitive: entry(ch, 'after_sensitive')?.value, deleted: list.length === 1 && list[0] === 'delete' });
  }
  return out;
}

/**
 * A JSON value of the plan as a resource body: objects inside lists become nested blocks.
 * `expressions` is the configuration's (what is written); undefined when the plan has no configuration.
 */
export function planBody(values: TfObject, unknown: TfValue | undefined, expressions: TfValue | undefined, objLoc: Loc): TfBody {
  const configured = expressions?.kind === 'object' ? new Set(expressions.entries.map((e) => e.key)) : undefined;
  const attrs: Record<string, TfAttr | undefined> = Object.create(null);
  const blocks: TfBlock[] = [];
  for (const e of values.entries) {
    const u = unknownAt(unknown, e.key);
    const at = e.keyLoc ?? e.value.loc ?? objLoc;
    if (e.value.kind === 'list' && e.value.items.length > 0 && e.value.items.every((x) => x.kind === 'object')) {
      e.value.items.forEach((item, i) => {
        const iu = u?.kind === 'list' ? u.items[i] : undefined;
        const iloc = item.loc ?? at;
        // Nested expressions: one object per written block (a dynamic block or set: the first stands for all).
        const ex = configured ? entry(expressions, e.key)?.value : undefined;
        const iex = ex?.kind === 'list' ? (ex.items[i] ?? ex.items[0]) : ex?.kind === 'object' ? ex : configured ? { kind: 'object' as const, entries: [] } : undefined;
        blocks.push({ type: e.key, labels: [], file: iloc.file, line: iloc.line, column: iloc.column, body: planBody(item as TfObject, iu, iex?.kind === 'object' ? iex : undefined, iloc) });
      });
      continue;
    }
    if (e.value.kind === 'null' && configured && !configured.has(e.key)) continue;
    attrs[e.key] = { name: e.key, file: at.file, line: at.line, column: at.column, value: e.value, text: '' };
  }
  // Known only after apply: an unknown value when configured, left out (provider default) otherwise.
  if (unknown?.kind === 'object') {
    for (const e of unknown.entries) {
      if (bool(e.value) !== true || attrs[e.key] || blocks.some((b) => b.type === e.key)) continue;
      if (configured && !configured.has(e.key)) continue;
      attrs[e.key] = { name: e.key, file: objLoc.file, line: objLoc.line, column: objLoc.column, value: { kind: 'unknown', text: `(known after apply)`, loc: objLoc }, text: '' };
    }
  }
  return { attrs, blocks };
}

function unknownAt(u: TfValue | undefined, key: string): TfValue | undefined {
  return u?.kind === 'object' ? entry(u, key)?.value : undefined;
}

/** String values under `true` leaves of a sensitive_values tree. */
function sensitiveStrings(values: TfValue | undefined, marks: TfValue | undefined, out: string[]): void {
  if (!values || !marks) return;
  if (marks.kind === 'bool' && marks.value) {
    const walk = (v: TfValue) => {
      if (v.kind === 'string' && v.value.length >= 4) out.push(v.value);
      else if (v.kind === 'list') v.items.forEach(walk);
      else if (v.kind === 'object') v.entries.forEach((e) => walk(e.value));
    };
    walk(values);
    return;
  }
  if (marks.kind === 'object' && values.kind === 'object') for (const e of marks.entries) sensitiveStrings(entry(values, e.key)?.value, e.value, out);
  if (marks.kind === 'list' && values.kind === 'list') marks.items.forEach((m, i) => sensitiveStrings(values.items[i], m, out));
}

/** Reads a plan JSON; undefined when the text is not a plan (or not JSON). */
export function parsePlan(file: string, content: string): ParsedPlan | undefined {
  const lines = new LineIndex(content);
  const doc = parseJsonValue(content, new PlanMap(file, lines), { file, line: 1, column: 1 });
  if (!doc || doc.kind !== 'object' || !entry(doc, 'format_version')) return undefined;
  const { attrs: configured, root } = configuredAttrs(entry(doc, 'configuration')?.value);
  const changes = changesByAddress(entry(doc, 'resource_changes')?.value);
  const out: ParsedPlan = { file, resources: [], rootConfigAddresses: root, terraformVersion: str(entry(doc, 'terraform_version')?.value) };
  const walk = (m: TfValue | undefined, depth: number) => {
    if (!m || m.kind !== 'object' || depth > 16) return;
    const moduleAddress = str(entry(m, 'address')?.value) ?? '';
    const rs = entry(m, 'resources')?.value;
    if (rs?.kind === 'list') {
      for (const r of rs.items) {
        if (out.resources.length >= MAX_RESOURCES) return;
        const address = str(entry(r, 'address')?.value);
        const type = str(entry(r, 'type')?.value);
        const name = str(entry(r, 'name')?.value);
        const values = entry(r, 'values')?.value;
        if (!address || !type || !name || values?.kind !== 'object') continue;
        const ch = changes.get(address);
        if (ch?.deleted) continue;
        const mode = str(entry(r, 'mode')?.value) === 'data' ? 'data' : 'managed';
        const configAddress = withoutKeys(address);
        const loc = r.loc ?? { file, line: 1, column: 1 };
        const secrets: string[] = [];
        sensitiveStrings(values, entry(r, 'sensitive_values')?.value ?? ch?.sensitive, secrets);
        out.resources.push({
          address,
          moduleAddress,
          configAddress,
          mode,
          type,
          name,
          provider: providerName(str(entry(r, 'provider_name')?.value), type),
          loc,
          body: planBody(values, ch?.unknown, configured.get(configAddress), loc),
          secrets,
        });
      }
    }
    const kids = entry(m, 'child_modules')?.value;
    if (kids?.kind === 'list') for (const k of kids.items) walk(k, depth + 1);
  };
  walk(entry(entry(doc, 'planned_values')?.value, 'root_module')?.value, 0);
  return out;
}

/** Canonical text of a JSON-like value (object keys sorted): equal documents, whatever their key order. */
export function canonical(v: TfValue): string {
  switch (v.kind) {
    case 'string':
      return JSON.stringify(v.value);
    case 'number':
    case 'bool':
      return JSON.stringify(String(v.value));
    case 'null':
      return 'null';
    case 'list':
      return `[${v.items.map(canonical).join(',')}]`;
    case 'object':
      return `{${[...v.entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((e: TfEntry) => `${JSON.stringify(e.key)}:${canonical(e.value)}`).join(',')}}`;
    case 'unknown':
      return '?';
  }
}
