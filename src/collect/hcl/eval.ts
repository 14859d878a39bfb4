/**
 * Resolves expressions the way a reviewer would for one target environment: `var.x` to the module
 * argument of the calls that deploy it, else to the target environment's tfvars, else to its
 * default; `local.x`; resource / data arguments (`aws_s3_bucket.b.bucket`); module outputs;
 * templates whose parts are all known; `jsonencode`, `jsondecode`, `file`, `templatefile` and a few
 * pure functions. What cannot be resolved is `unknown` and keeps its references.
 */
import path from 'node:path';
import { judges } from '../../lib/environment.js';
import { SHARED, type EnvName } from '../../contracts/types.js';
import { parseJsonValue } from './json.js';
import type { ParsedFile } from './parse.js';
import type { LineIndex } from '../../lib/lines.js';
import { UNKNOWN_MARK, type CharMap, type Expr, type Loc, type Offsets, type RawAttr, type RawBlock, type Step, type TfAttr, type TfBlock, type TfBody, type TfEntry, type TfValue, type ValueSource } from '../../facts/terraform/types.js';
import { bool, num, sameValue, str } from '../../facts/terraform/values.js';

export interface FileModel {
  path: string;
  env: EnvName;
  kind: 'terraform' | 'tfvars';
  parsed: ParsedFile;
}

export interface Decl<T> {
  raw: T;
  file: FileModel;
}

export interface CallDecl extends Decl<RawBlock> {
  name: string;
  targetDir?: string;
}

export interface ModuleModel {
  dir: string;
  files: FileModel[];
  variables: Map<string, Decl<RawBlock>>;
  locals: Map<string, Decl<RawAttr>>;
  outputs: Map<string, Decl<RawBlock>>;
  /** `type.name` → resource */
  resources: Map<string, Decl<RawBlock>>;
  /** `type.name` → data source */
  data: Map<string, Decl<RawBlock>>;
  calls: Map<string, CallDecl>;
  providers: Decl<RawBlock>[];
  /** Calls (from other modules of the scan) whose source is this directory. */
  callers: { mod: ModuleModel; call: CallDecl }[];
  /** tfvars assignments that apply (root modules only), lowest precedence first. */
  tfvars: { name: string; attr: RawAttr; file: FileModel }[];
  /** Environment of the directory (from its files' paths). */
  ownEnv: EnvName;
  /** Environment it is deployed in, considering who calls it. */
  effEnv?: EnvName;
}

/** One instance of a module: a root module, or a call of a local module (per count / for_each key). */
export interface Instance {
  /** `''` for a root; `module.a`, `module.a.module.b["x"]` below. */
  key: string;
  mod: ModuleModel;
  /** The call that creates it, and the instance that makes the call. */
  call?: CallDecl;
  parent?: Instance;
  /** `count.index` / `each.*` of the call, for its arguments. */
  callBind?: Map<string, TfValue>;
  /** Prefix of resource ids: the directory for roots, `<dir>#<root dir>:<key>` below. */
  prefix: string;
  depth: number;
  /** Module directories on the way from the root (a module calling itself is not followed). */
  path: Set<string>;
}

export interface Scope {
  mod: ModuleModel;
  inst?: Instance;
  bind?: Map<string, TfValue>;
}

/** Bounds: nested module calls followed, and instances of one count / for_each expanded. */
const MAX_MODULE_DEPTH = 8;
const MAX_INSTANCES = 64;

/** Reads a file of the scan (for `file()` / `templatefile()`). */
export type FileReader = (path: string) => { content: string; lines: LineIndex } | undefined;

class ContiguousMap implements CharMap {
  constructor(
    readonly file: string,
    private readonly start: number,
    private readonly lines: LineIndex,
  ) {}
  loc(i: number): Loc {
    const p = this.lines.at(this.start + i);
    return { file: this.file, line: p.line, column: p.column };
  }
}

class ArrayMap implements CharMap {
  constructor(
    readonly file: string,
    private readonly offsets: number[],
    private readonly lines: LineIndex,
  ) {}
  loc(i: number): Loc {
    const o = this.offsets[Math.min(i, this.offsets.length - 1)] ?? 0;
    const p = this.lines.at(o);
    return { file: this.file, line: p.line, column: p.column };
  }
}

function makeMap(file: string, offsets: Offsets, lines: LineIndex): CharMap {
  return typeof offsets === 'number' ? new ContiguousMap(file, offsets, lines) : new ArrayMap(file, offsets, lines);
}

function offsetAt(o: Offsets, i: number): number {
  return typeof o === 'number' ? o + i : (o[i] ?? o[o.length - 1] ?? 0);
}

const UNKNOWN_NOTE = (text: string, refs?: string[], loc?: Loc): TfValue => ({ kind: 'unknown', text, refs: refs?.length ? refs : undefined, loc });

function unionRefs(...vs: (TfValue | undefined)[]): string[] | undefined {
  let out: string[] | undefined;
  for (const v of vs) {
    if (v?.refs?.length) {
      if (!out) out = [];
      for (const r of v.refs) if (!out.includes(r)) out.push(r);
    }
  }
  return out;
}

function withRefs(v: TfValue, ref: string): TfValue {
  const refs = v.refs ? (v.refs.includes(ref) ? v.refs : [...v.refs, ref]) : [ref];
  return { ...v, refs } as TfValue;
}

function withFrom(v: TfValue, from: ValueSource): TfValue {
  if (v.from) return v;
  return { ...v, from } as TfValue;
}

const PSEUDO_ROOTS = new Set(['each', 'count', 'self', 'terraform']);

export class Evaluator {
  private memo = new Map<string, TfValue>();
  private busy = new Set<string>();
  private bodies = new Map<string, TfBody | null>();
  private callMemo = new Map<string, Instance[]>();
  private allInstances?: Instance[];

  constructor(
    readonly modules: Map<string, ModuleModel>,
    readonly target: EnvName,
    private readonly lineIndexOf: (file: string) => LineIndex | undefined,
    private readonly readFile: FileReader,
  ) {}

  private guarded(key: string, text: string, fn: () => TfValue): TfValue {
    const m = this.memo.get(key);
    if (m) return m;
    if (this.busy.has(key)) return UNKNOWN_NOTE(text);
    this.busy.add(key);
    let v: TfValue;
    try {
      v = fn();
    } finally {
      this.busy.delete(key);
    }
    this.memo.set(key, v);
    return v;
  }

  // ------------------------------------------------------------------ environments and callers

  /** The environment a module is deployed in: its own, else that of the calls that use it. */
  effEnv(mod: ModuleModel, seen = new Set<string>()): EnvName {
    if (mod.effEnv !== undefined) return mod.effEnv;
    if (mod.ownEnv !== 'shared' || mod.callers.length === 0 || seen.has(mod.dir)) return mod.ownEnv;
    seen.add(mod.dir);
    let first: EnvName | undefined;
    for (const c of mod.callers) {
      const env = c.call.file.env !== 'shared' ? c.call.file.env : this.effEnv(c.mod, seen);
      if (judges(this.target, env)) return 'shared';
      first ??= env;
    }
    return first ?? 'shared';
  }

  callJudged(c: { mod: ModuleModel; call: CallDecl }): boolean {
    return judges(this.target, c.call.file.env) && judges(this.target, this.effEnv(c.mod));
  }

  // ------------------------------------------------------------------ module instances

  /** Every module instance of the scan: each root module, and below it every call of a local module (count / for_each expanded). */
  instances(): Instance[] {
    if (this.allInstances) return this.allInstances;
    const out: Instance[] = [];
    for (const m of this.modules.values()) {
      if (m.callers.length) continue;
      const root: Instance = { key: '', mod: m, prefix: m.dir, depth: 0, path: new Set([m.dir]) };
      out.push(root);
      this.expandCalls(root, out);
    }
    this.allInstances = out;
    return out;
  }

  private expandCalls(parent: Instance, out: Instance[]): void {
    if (parent.depth >= MAX_MODULE_DEPTH) return;
    for (const call of parent.mod.calls.values()) {
      const kids = this.callInstances(parent, call);
      for (const k of kids) {
        out.push(k);
        this.expandCalls(k, out);
      }
    }
  }

  /** The instances a call of a local module creates in a parent instance (none when count / for_each is known to be empty). */
  callInstances(parent: Instance, call: CallDecl): Instance[] {
    const memoKey = `${parent.prefix}|module.${call.name}`;
    const have = this.callMemo.get(memoKey);
    if (have) return have;
    const out: Instance[] = [];
    this.callMemo.set(memoKey, out);
    const child = call.targetDir !== undefined ? this.modules.get(call.targetDir) : undefined;
    if (!child || parent.path.has(child.dir)) return out;
    const base = parent.key ? `${parent.key}.module.${call.name}` : `module.${call.name}`;
    for (const ex of this.expansions(call.raw, { mod: parent.mod, inst: parent, bind: parent.callBind })) {
      const key = ex.key === undefined ? base : `${base}[${JSON.stringify(ex.key)}]`;
      out.push({ key, mod: child, call, parent, callBind: ex.bind, prefix: `${child.dir}#${rootOf(parent).mod.dir}:${key}`, depth: parent.depth + 1, path: new Set([...parent.path, child.dir]) });
    }
    return out;
  }

  /**
   * `count` / `for_each` of a block: one entry per instance (with `count.index` / `each.*` bound),
   * none when the collection is known to be empty, and one entry with unknown bindings when it
   * cannot be known (or has more than MAX_INSTANCES items).
   */
  expansions(raw: RawBlock, scope: Scope): { key?: string | number; bind?: Map<string, TfValue> }[] {
    const countA = raw.attrs.find((a) => a.name === 'count');
    const eachA = raw.attrs.find((a) => a.name === 'for_each');
    if (!countA && !eachA) return [{ bind: scope.bind }];
    const unknownBind = () => {
      const bind = new Map(scope.bind ?? []);
      bind.set('each', UNKNOWN_NOTE('each'));
      bind.set('count', UNKNOWN_NOTE('count'));
      return [{ bind }];
    };
    if (countA) {
      const n = num(this.eval(countA.expr, scope));
      if (n === undefined || !Number.isInteger(n) || n < 0 || n > MAX_INSTANCES) return unknownBind();
      return Array.from({ length: n }, (_, i) => {
        const bind = new Map(scope.bind ?? []);
        bind.set('count', { kind: 'object', entries: [{ key: 'index', value: { kind: 'number', value: i } }] });
        return { key: i, bind };
      });
    }
    const coll = this.eval(eachA!.expr, scope);
    let pairs: [string, TfValue][] | undefined;
    if (coll.kind === 'object') pairs = coll.entries.map((e) => [e.key, e.value]);
    else if (coll.kind === 'list') {
      const keys = coll.items.map((x) => str(x));
      if (keys.every((k) => k !== undefined)) pairs = coll.items.map((x, i) => [keys[i]!, x]);
    } else if (coll.kind === 'null') pairs = [];
    if (!pairs || pairs.length > MAX_INSTANCES) return unknownBind();
    return pairs.map(([k, v]) => {
      const bind = new Map(scope.bind ?? []);
      bind.set('each', { kind: 'object', entries: [{ key: 'key', value: { kind: 'string', value: k } }, { key: 'value', value: v }] });
      return { key: k, bind };
    });
  }

  // ------------------------------------------------------------------ named values

  /** Memo prefix of a scope: the instance, or the module directory (callers' consensus). */
  private prefixOf(scope: Scope): string {
    if (scope.inst) return scope.inst.prefix;
    return scope.mod.callers.length ? `~${scope.mod.dir}` : scope.mod.dir;
  }

  /** The resource-id prefix of a scope: what `refs` carry. */
  idPrefix(scope: Scope): string {
    return scope.inst ? scope.inst.prefix : scope.mod.dir;
  }

  variable(scope: Scope | ModuleModel, name: string): TfValue {
    const sc: Scope = 'dir' in scope ? { mod: scope } : scope;
    const mod = sc.mod;
    const inst = sc.inst;
    return this.guarded(`var|${this.prefixOf(sc)}|${name}`, `var.${name}`, () => {
      const decl = mod.variables.get(name);
      if (!decl) return UNKNOWN_NOTE(`var.${name}`);
      const dflt = this.variableDefault(mod, name, inst);
      if (inst?.call && inst.parent) {
        const arg = inst.call.raw.attrs.find((a) => a.name === name);
        if (arg) return withFrom(this.eval(arg.expr, { mod: inst.parent.mod, inst: inst.parent, bind: inst.callBind }), { kind: 'module-argument', name, loc: arg.loc });
        return dflt ?? UNKNOWN_NOTE(`var.${name}`);
      }
      if (!inst && mod.callers.length) {
        const judged = mod.callers.filter((c) => this.callJudged(c));
        if (!judged.length) return dflt ?? UNKNOWN_NOTE(`var.${name}`);
        const vals = judged.map((c) => {
          const arg = c.call.raw.attrs.find((a) => a.name === name);
          if (arg) return withFrom(this.eval(arg.expr, { mod: c.mod }), { kind: 'module-argument', name, loc: arg.loc });
          return dflt ?? UNKNOWN_NOTE(`var.${name}`);
        });
        const first = vals[0]!;
        if (vals.every((v) => sameValue(v, first))) return first;
        return { kind: 'unknown', text: `var.${name}`, refs: unionRefs(...vals) };
      }
      for (let i = mod.tfvars.length - 1; i >= 0; i--) {
        const tv = mod.tfvars[i]!;
        if (tv.name === name) return withFrom(this.eval(tv.attr.expr, { mod: TFVARS_MODULE }), { kind: 'tfvars', name, loc: tv.attr.loc });
      }
      return dflt ?? UNKNOWN_NOTE(`var.${name}`);
    });
  }

  variableDefault(mod: ModuleModel, name: string, inst?: Instance): TfValue | undefined {
    const decl = mod.variables.get(name);
    const d = decl?.raw.attrs.find((a) => a.name === 'default');
    if (!d) return undefined;
    return withFrom(this.eval(d.expr, { mod, inst }), { kind: 'variable-default', name, loc: d.loc });
  }

  /** Whether the effective value of a variable comes from a module argument or tfvars (not its default). */
  variableOverridden(mod: ModuleModel, name: string): boolean {
    if (mod.callers.length) return mod.callers.some((c) => this.callJudged(c) && c.call.raw.attrs.some((a) => a.name === name));
    return mod.tfvars.some((t) => t.name === name);
  }

  local(scope: Scope | ModuleModel, name: string): TfValue {
    const sc: Scope = 'dir' in scope ? { mod: scope } : { mod: scope.mod, inst: scope.inst };
    return this.guarded(`local|${this.prefixOf(sc)}|${name}`, `local.${name}`, () => {
      const d = sc.mod.locals.get(name);
      return d ? this.eval(d.raw.expr, sc) : UNKNOWN_NOTE(`local.${name}`);
    });
  }

  output(scope: Scope, name: string): TfValue {
    return this.guarded(`out|${this.prefixOf(scope)}|${name}`, `output.${name}`, () => {
      const d = scope.mod.outputs.get(name);
      const v = d?.raw.attrs.find((a) => a.name === 'value');
      return v ? this.eval(v.expr, { mod: scope.mod, inst: scope.inst }) : UNKNOWN_NOTE(`output.${name}`);
    });
  }

  /**
   * The evaluated body of a resource or data source, as other blocks see it through references
   * (memoized; undefined while it is being built: a cycle). With one known instance, that instance;
   * otherwise `count` / `each` are unknown.
   */
  resourceBody(scope: Scope | ModuleModel, mode: 'managed' | 'data', key: string): TfBody | undefined {
    const sc: Scope = 'dir' in scope ? { mod: scope } : { mod: scope.mod, inst: scope.inst };
    const id = `${this.prefixOf(sc)}|${mode === 'data' ? 'data.' : ''}${key}`;
    const have = this.bodies.get(id);
    if (have !== undefined) return have ?? undefined;
    const decl = (mode === 'data' ? sc.mod.data : sc.mod.resources).get(key);
    if (!decl) return undefined;
    this.bodies.set(id, null);
    const ex = this.expansions(decl.raw, sc);
    const body = this.body(decl.raw, { ...sc, bind: ex.length === 1 ? ex[0]!.bind : this.expansionsUnknown(sc) });
    this.bodies.set(id, body);
    return body;
  }

  private expansionsUnknown(sc: Scope): Map<string, TfValue> {
    const bind = new Map(sc.bind ?? []);
    bind.set('each', UNKNOWN_NOTE('each'));
    bind.set('count', UNKNOWN_NOTE('count'));
    return bind;
  }

  /**
   * The instances of a resource declared in a module instance: bodies per `count` / `for_each`
   * instance, instances with identical bodies merged (their keys listed). Empty when the resource is
   * known not to be created (`count = 0`, an empty `for_each`).
   */
  resourceInstances(scope: Scope, mode: 'managed' | 'data', key: string): { keys: (string | number)[]; body: TfBody; expanded: boolean }[] {
    const decl = (mode === 'data' ? scope.mod.data : scope.mod.resources).get(key);
    if (!decl) return [];
    const ex = this.expansions(decl.raw, scope);
    if (ex.length === 1 && ex[0]!.key === undefined) {
      const body = this.resourceBody(scope, mode, key);
      return body ? [{ keys: [], body, expanded: false }] : [];
    }
    const groups = new Map<string, { keys: (string | number)[]; body: TfBody; expanded: boolean }>();
    for (const e of ex) {
      const body = this.body(decl.raw, { ...scope, bind: e.bind });
      const fp = bodyFingerprint(body);
      const g = groups.get(fp);
      if (g) g.keys.push(e.key!);
      else groups.set(fp, { keys: [e.key!], body, expanded: true });
    }
    return [...groups.values()];
  }

  // ------------------------------------------------------------------ bodies

  body(raw: { attrs: RawAttr[]; blocks: RawBlock[] }, scope: Scope): TfBody {
    const attrs: Record<string, TfAttr | undefined> = Object.create(null);
    for (const a of raw.attrs) attrs[a.name] = { name: a.name, line: a.loc.line, column: a.loc.column, file: a.loc.file, value: this.eval(a.expr, scope), text: a.text };
    const blocks: TfBlock[] = [];
    for (const b of raw.blocks) {
      if (b.type === 'dynamic' && b.labels[0]) blocks.push(...this.dynamic(b, scope));
      else blocks.push({ type: b.type, labels: b.labels, file: b.loc.file, line: b.loc.line, column: b.loc.column, body: this.body(b, scope) });
    }
    return { attrs, blocks };
  }

  private dynamic(b: RawBlock, scope: Scope): TfBlock[] {
    const type = b.labels[0]!;
    const content = b.blocks.find((x) => x.type === 'content');
    if (!content) return [];
    const forEach = b.attrs.find((a) => a.name === 'for_each');
    const itAttr = b.attrs.find((a) => a.name === 'iterator');
    const itName = itAttr && itAttr.expr.t === 'trav' && itAttr.expr.steps.length === 0 ? itAttr.expr.root : type;
    const coll = forEach ? this.eval(forEach.expr, scope) : undefined;
    const mk = (key: TfValue, value: TfValue, mode: 'expanded' | 'unknown'): TfBlock => {
      const bind = new Map(scope.bind ?? []);
      bind.set(itName, { kind: 'object', entries: [{ key: 'key', value: key }, { key: 'value', value }] });
      return { type, labels: [], file: content.loc.file, line: content.loc.line, column: content.loc.column, body: this.body(content, { ...scope, bind }), dynamic: mode };
    };
    if (coll?.kind === 'list') return coll.items.map((v, i) => mk({ kind: 'number', value: i }, v, 'expanded'));
    if (coll?.kind === 'object') return coll.entries.map((e) => mk({ kind: 'string', value: e.key }, e.value, 'expanded'));
    const unk = UNKNOWN_NOTE(forEach?.text ?? 'for_each', coll?.refs);
    return [mk(unk, unk, 'unknown')];
  }

  // ------------------------------------------------------------------ expressions

  eval(e: Expr, scope: Scope): TfValue {
    switch (e.t) {
      case 'lit': {
        if (typeof e.v === 'string') {
          const lines = this.lineIndexOf(e.loc.file);
          // The map starts after the opening quote: offsets point at the characters themselves.
          return { kind: 'string', value: e.v, loc: e.loc, map: lines && e.offsets !== undefined ? makeMap(e.loc.file, e.offsets, lines) : undefined };
        }
        if (typeof e.v === 'number') return { kind: 'number', value: e.v, loc: e.loc };
        if (typeof e.v === 'boolean') return { kind: 'bool', value: e.v, loc: e.loc };
        return { kind: 'null', loc: e.loc };
      }
      case 'tmpl':
        return this.template(e, scope);
      case 'tuple': {
        const items = e.items.map((x) => this.eval(x, scope));
        return { kind: 'list', items, loc: e.loc, refs: unionRefs(...items) };
      }
      case 'object': {
        const entries: TfEntry[] = [];
        for (const it of e.items) {
          const key = it.keyName ?? str(this.eval(it.key, scope));
          const value = this.eval(it.value, scope);
          if (key === undefined) continue;
          entries.push({ key, keyLoc: it.loc, value });
        }
        return { kind: 'object', entries, loc: e.loc, refs: unionRefs(...entries.map((x) => x.value)) };
      }
      case 'trav':
        return this.traversal(e, scope);
      case 'call':
        return this.call(e, scope);
      case 'cond': {
        const c = this.eval(e.c, scope);
        const b = bool(c);
        if (b === true) return this.eval(e.a, scope);
        if (b === false) return this.eval(e.b, scope);
        const a1 = this.eval(e.a, scope);
        const b1 = this.eval(e.b, scope);
        if (sameValue(a1, b1)) return a1;
        return { kind: 'unknown', text: shortText(e), refs: unionRefs(c, a1, b1), loc: e.loc };
      }
      case 'unop': {
        const x = this.eval(e.x, scope);
        if (e.op === '!') {
          const b = bool(x);
          if (b !== undefined) return { kind: 'bool', value: !b, loc: e.loc };
        } else if (e.op === '-') {
          const n = num(x);
          if (n !== undefined) return { kind: 'number', value: -n, loc: e.loc };
        }
        return { kind: 'unknown', refs: x.refs, loc: e.loc };
      }
      case 'binop':
        return this.binop(e.op, this.eval(e.l, scope), this.eval(e.r, scope), e.loc);
      case 'access':
        return this.steps(this.eval(e.base, scope), e.steps, scope, e.text);
      case 'other': {
        const inner = e.inner.map((x) => this.eval(x, scope));
        return { kind: 'unknown', text: e.text, refs: unionRefs(...inner), loc: e.loc };
      }
    }
  }

  private binop(op: string, l: TfValue, r: TfValue, loc: Loc): TfValue {
    const refs = unionRefs(l, r);
    if (op === '==' || op === '!=') {
      if (l.kind === 'unknown' || r.kind === 'unknown') return { kind: 'unknown', refs, loc };
      const eq = sameValue(l, r) || (str(l) !== undefined && str(l) === str(r));
      return { kind: 'bool', value: op === '==' ? eq : !eq, loc };
    }
    if (op === '&&' || op === '||') {
      const a = bool(l);
      const b = bool(r);
      if (op === '&&' && (a === false || b === false)) return { kind: 'bool', value: false, loc };
      if (op === '||' && (a === true || b === true)) return { kind: 'bool', value: true, loc };
      if (a !== undefined && b !== undefined) return { kind: 'bool', value: op === '&&' ? a && b : a || b, loc };
      return { kind: 'unknown', refs, loc };
    }
    const a = num(l);
    const b = num(r);
    if (a === undefined || b === undefined) return { kind: 'unknown', refs, loc };
    switch (op) {
      case '+': return { kind: 'number', value: a + b, loc };
      case '-': return { kind: 'number', value: a - b, loc };
      case '*': return { kind: 'number', value: a * b, loc };
      case '/': return b === 0 ? { kind: 'unknown', loc } : { kind: 'number', value: a / b, loc };
      case '%': return b === 0 ? { kind: 'unknown', loc } : { kind: 'number', value: a % b, loc };
      case '>': return { kind: 'bool', value: a > b, loc };
      case '>=': return { kind: 'bool', value: a >= b, loc };
      case '<': return { kind: 'bool', value: a < b, loc };
      case '<=': return { kind: 'bool', value: a <= b, loc };
    }
    return { kind: 'unknown', refs, loc };
  }

  private steps(v: TfValue, steps: Step[], scope: Scope, text: string): TfValue {
    let cur = v;
    for (const s of steps) {
      if (cur.kind === 'unknown') return { kind: 'unknown', text, refs: cur.refs, loc: cur.loc };
      if (s.k === 'splat') return { kind: 'unknown', text, refs: cur.refs, loc: cur.loc };
      if (s.k === 'attr') {
        if (cur.kind !== 'object') return { kind: 'unknown', text, refs: cur.refs, loc: cur.loc };
        const en = [...cur.entries].reverse().find((x) => x.key === s.name);
        if (!en) return { kind: 'unknown', text, refs: cur.refs, loc: cur.loc };
        cur = en.value;
        continue;
      }
      const idx = this.eval(s.e, scope);
      if (cur.kind === 'list') {
        const i = num(idx);
        if (i === undefined || !cur.items[i]) return { kind: 'unknown', text, refs: unionRefs(cur, idx), loc: cur.loc };
        cur = cur.items[i]!;
      } else if (cur.kind === 'object') {
        const k = str(idx);
        const en = k === undefined ? undefined : [...cur.entries].reverse().find((x) => x.key === k);
        if (!en) return { kind: 'unknown', text, refs: unionRefs(cur, idx), loc: cur.loc };
        cur = en.value;
      } else return { kind: 'unknown', text, refs: cur.refs, loc: cur.loc };
    }
    return cur;
  }

  private traversal(e: Expr & { t: 'trav' }, scope: Scope): TfValue {
    const { root, steps } = e;
    const mod = scope.mod;
    if (scope.bind?.has(root)) return this.steps(scope.bind.get(root)!, steps, scope, e.text);
    const first = steps[0]?.k === 'attr' ? steps[0].name : undefined;
    switch (root) {
      case 'var':
        if (!first) return UNKNOWN_NOTE(e.text, undefined, e.loc);
        return this.steps(this.variable(scope, first), steps.slice(1), scope, e.text);
      case 'local':
        if (!first) return UNKNOWN_NOTE(e.text, undefined, e.loc);
        return this.steps(this.local(scope, first), steps.slice(1), scope, e.text);
      case 'module': {
        if (!first) return UNKNOWN_NOTE(e.text, undefined, e.loc);
        const callId = `${this.idPrefix(scope)}|module.${first}`;
        let rest = steps.slice(1);
        while (rest[0] && rest[0].k !== 'attr') rest = rest.slice(1); // module.x[0].out
        const out = rest[0]?.k === 'attr' ? rest[0].name : undefined;
        const ref = out ? `${callId}.${out}` : callId;
        const call = mod.calls.get(first);
        const child = call?.targetDir !== undefined ? this.modules.get(call.targetDir) : undefined;
        if (!child || !out || !child.outputs.has(out)) return { kind: 'unknown', text: e.text, refs: [ref], loc: e.loc };
        if (!scope.inst) return withRefs(this.steps(this.output({ mod: child }, out), rest.slice(1), scope, e.text), ref);
        const kids = this.callInstances(scope.inst, call!);
        const vals = kids.map((k) => this.steps(this.output({ mod: child, inst: k }, out), rest.slice(1), scope, e.text));
        if (vals.length && vals.every((v) => sameValue(v, vals[0]!))) return withRefs(vals[0]!, ref);
        return { kind: 'unknown', text: e.text, refs: unionRefs({ kind: 'null', refs: [ref] }, ...vals), loc: e.loc };
      }
      case 'data': {
        const type = first;
        const name = steps[1]?.k === 'attr' ? steps[1].name : undefined;
        if (!type || !name) return UNKNOWN_NOTE(e.text, undefined, e.loc);
        return this.resourceRef(mod, 'data', type, name, steps.slice(2), scope, e);
      }
      case 'path': {
        if (first === 'module') return { kind: 'string', value: mod.dir, loc: e.loc };
        if (first === 'root' || first === 'cwd') return { kind: 'string', value: mod.dir, loc: e.loc };
        return UNKNOWN_NOTE(e.text, undefined, e.loc);
      }
      default:
        // Resource types always carry their provider prefix (`aws_vpc`, `random_id`); anything else is
        // a for-expression or iterator variable, not a reference.
        if (PSEUDO_ROOTS.has(root) || !first || !root.includes('_')) return UNKNOWN_NOTE(e.text, undefined, e.loc);
        return this.resourceRef(mod, 'managed', root, first, steps.slice(1), scope, e);
    }
  }

  private resourceRef(mod: ModuleModel, mode: 'managed' | 'data', type: string, name: string, rest: Step[], scope: Scope, e: Expr & { t: 'trav' }): TfValue {
    const key = `${type}.${name}`;
    const id = `${this.idPrefix(scope)}|${mode === 'data' ? 'data.' : ''}${key}`;
    let r = rest;
    while (r[0] && r[0].k !== 'attr') r = r.slice(1); // aws_x.y[0].id, aws_x.y[*].id
    const attr = r[0]?.k === 'attr' ? r[0].name : undefined;
    const ref = attr ? `${id}.${attr}` : id;
    const decl = (mode === 'data' ? mod.data : mod.resources).get(key);
    if (!decl || !attr) return { kind: 'unknown', text: e.text, refs: [ref], loc: e.loc };
    const body = this.resourceBody(scope, mode, key);
    const a = body?.attrs[attr];
    if (!a) return { kind: 'unknown', text: e.text, refs: [ref], loc: e.loc };
    return withRefs(this.steps(a.value, r.slice(1), scope, e.text), ref);
  }

  private template(e: Expr & { t: 'tmpl' }, scope: Scope): TfValue {
    const parts = e.parts;
    if (parts.length === 1 && 'e' in parts[0]!) return this.eval(parts[0].e, scope);
    const file = e.loc.file;
    let s = '';
    const offsets: number[] = [];
    let known = true;
    let refs: string[] | undefined;
    const addRefs = (v: TfValue) => {
      refs = unionRefs({ kind: 'null', refs }, v);
    };
    for (const p of parts) {
      if ('s' in p) {
        for (let i = 0; i < p.s.length; i++) offsets.push(offsetAt(p.offsets, i));
        s += p.s;
      } else if ('e' in p) {
        const v = this.eval(p.e, scope);
        addRefs(v);
        const sv = str(v);
        if (sv !== undefined) {
          for (let i = 0; i < sv.length; i++) offsets.push(p.offset);
          s += sv;
        } else if (v.kind === 'unknown' && v.partial !== undefined) {
          for (let i = 0; i < v.partial.length; i++) offsets.push(p.offset);
          s += v.partial;
          known = false;
        } else {
          offsets.push(p.offset);
          s += UNKNOWN_MARK;
          known = false;
        }
      } else {
        const inner = p.refs.map((x) => this.eval(x, scope));
        return { kind: 'unknown', text: e.heredoc ? '<<heredoc with directives>>' : 'template with directives', refs: unionRefs({ kind: 'null', refs }, ...inner), loc: e.loc };
      }
    }
    const lines = this.lineIndexOf(file);
    const map = lines ? new ArrayMap(file, offsets, lines) : undefined;
    if (known) return { kind: 'string', value: s, loc: e.loc, map, refs };
    return { kind: 'unknown', partial: s, map, loc: e.loc, refs, text: shorten(s.replaceAll(UNKNOWN_MARK, '${…}')) };
  }

  // ------------------------------------------------------------------ functions

  private call(e: Expr & { t: 'call' }, scope: Scope): TfValue {
    const args = e.args.map((a) => this.eval(a, scope));
    const unk = (): TfValue => ({ kind: 'unknown', text: e.text, refs: unionRefs(...args), loc: e.loc });
    const a0 = args[0];
    switch (e.name) {
      case 'jsonencode':
      case 'yamlencode':
        // The structure itself: rules read policies and container definitions from it with positions.
        return a0 && a0.kind !== 'unknown' ? a0 : unk();
      case 'jsondecode': {
        if (!a0) return unk();
        const text = a0.kind === 'string' ? a0.value : a0.kind === 'unknown' ? a0.partial : undefined;
        if (text === undefined) return unk();
        return parseJsonValue(text, (a0 as { map?: CharMap }).map, a0.loc ?? e.loc, a0.refs) ?? unk();
      }
      case 'file':
      case 'templatefile': {
        const p = str(a0);
        if (p === undefined || path.posix.isAbsolute(p)) return unk();
        // path.module evaluates to the module directory relative to the scan root: such paths are used as they are.
        const dir = scope.mod.dir === '.' ? '' : scope.mod.dir;
        const rel = path.posix.normalize(dir && (p === dir || p.startsWith(dir + '/')) ? p : path.posix.join(dir, p));
        const f = this.readFile(rel);
        if (!f) return unk();
        if (e.name === 'file') return { kind: 'string', value: f.content, loc: { file: rel, line: 1, column: 1 }, map: new ContiguousMap(rel, 0, f.lines) };
        return renderTemplateFile(rel, f, args[1]) ?? unk();
      }
      case 'tostring':
      case 'tonumber':
      case 'tobool':
      case 'tolist':
      case 'toset':
      case 'tomap':
      case 'sensitive':
      case 'nonsensitive':
        return a0 ?? unk();
      case 'lower':
      case 'upper':
      case 'trimspace': {
        const s = str(a0);
        if (s === undefined) return unk();
        const out = e.name === 'lower' ? s.toLowerCase() : e.name === 'upper' ? s.toUpperCase() : s.trim();
        return { kind: 'string', value: out, loc: a0!.loc, refs: a0!.refs };
      }
      case 'concat': {
        if (!args.every((a) => a.kind === 'list')) return unk();
        return { kind: 'list', items: args.flatMap((a) => (a.kind === 'list' ? a.items : [])), loc: e.loc, refs: unionRefs(...args) };
      }
      case 'merge': {
        const entries: TfEntry[] = [];
        for (const a of args) {
          if (a.kind === 'null') continue;
          if (a.kind !== 'object') return unk();
          for (const en of a.entries) {
            const i = entries.findIndex((x) => x.key === en.key);
            if (i >= 0) entries.splice(i, 1);
            entries.push(en);
          }
        }
        return { kind: 'object', entries, loc: e.loc, refs: unionRefs(...args) };
      }
      case 'lookup': {
        const k = str(args[1]);
        if (a0?.kind !== 'object' || k === undefined) return unk();
        const en = [...a0.entries].reverse().find((x) => x.key === k);
        return en ? en.value : (args[2] ?? unk());
      }
      case 'coalesce': {
        for (const a of args) {
          if (a.kind === 'unknown') return unk();
          if (a.kind === 'null' || (a.kind === 'string' && a.value === '')) continue;
          return a;
        }
        return unk();
      }
      case 'try':
      case 'can':
        return e.name === 'try' && a0 && a0.kind !== 'unknown' ? a0 : unk();
      case 'join': {
        const sep = str(a0);
        const list = args[1];
        if (sep === undefined || list?.kind !== 'list') return unk();
        const parts = list.items.map((x) => str(x));
        if (parts.some((x) => x === undefined)) return unk();
        return { kind: 'string', value: parts.join(sep), loc: e.loc, refs: unionRefs(...args) };
      }
      case 'split': {
        const sep = str(a0);
        const s = str(args[1]);
        if (sep === undefined || s === undefined) return unk();
        return { kind: 'list', items: s.split(sep).map((x) => ({ kind: 'string', value: x, loc: e.loc })), loc: e.loc };
      }
      case 'format': {
        const f = str(a0);
        if (f === undefined) return unk();
        let i = 1;
        let bad = false;
        const out = f.replace(/%(%|[-+# 0]*\d*(?:\.\d+)?[sdvqft])/g, (m, spec: string) => {
          if (spec === '%') return '%';
          const v = str(args[i++]);
          if (v === undefined) bad = true;
          return v ?? '';
        });
        return bad ? unk() : { kind: 'string', value: out, loc: e.loc, refs: unionRefs(...args) };
      }
      case 'replace': {
        const [s, a, b] = [str(a0), str(args[1]), str(args[2])];
        if (s === undefined || a === undefined || b === undefined || (a.startsWith('/') && a.endsWith('/'))) return unk();
        return { kind: 'string', value: s.split(a).join(b), loc: e.loc, refs: unionRefs(...args) };
      }
      case 'element': {
        const i = num(args[1]);
        if (a0?.kind !== 'list' || i === undefined || a0.items.length === 0) return unk();
        return a0.items[i % a0.items.length]!;
      }
      case 'length': {
        if (a0?.kind === 'list') return { kind: 'number', value: a0.items.length, loc: e.loc };
        if (a0?.kind === 'object') return { kind: 'number', value: a0.entries.length, loc: e.loc };
        if (a0?.kind === 'string') return { kind: 'number', value: a0.value.length, loc: e.loc };
        return unk();
      }
      case 'compact':
      case 'distinct':
      case 'flatten': {
        if (a0?.kind !== 'list') return unk();
        let list = a0.items;
        if (e.name === 'flatten') list = list.flatMap((x) => (x.kind === 'list' ? x.items : [x]));
        if (e.name === 'compact') list = list.filter((x) => !(x.kind === 'null' || (x.kind === 'string' && x.value === '')));
        if (e.name === 'distinct') list = list.filter((x, i) => list.findIndex((y) => sameValue(x, y)) === i);
        return { kind: 'list', items: list, loc: a0.loc, refs: a0.refs };
      }
      default:
        return unk();
    }
  }
}

/** A module with nothing in it (a new module directory; the scope of tfvars values, which cannot reference anything). */
export function emptyModule(dir: string): ModuleModel {
  return {
    dir,
    files: [],
    variables: new Map(),
    locals: new Map(),
    outputs: new Map(),
    resources: new Map(),
    data: new Map(),
    calls: new Map(),
    providers: [],
    callers: [],
    tfvars: [],
    ownEnv: SHARED,
  };
}

const TFVARS_MODULE: ModuleModel = emptyModule('');

/**
 * `templatefile(path, vars)`: `${name}` from the vars object; other interpolations become unknown
 * parts; `%{…}` directives make the whole result unknown. Characters map back to the template file.
 */
function renderTemplateFile(file: string, f: { content: string; lines: LineIndex }, vars: TfValue | undefined): TfValue | undefined {
  const src = f.content;
  let s = '';
  const offsets: number[] = [];
  let known = true;
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if ((ch === '$' || ch === '%') && src[i + 1] === ch && src[i + 2] === '{') {
      s += ch + '{';
      offsets.push(i, i + 2);
      i += 3;
      continue;
    }
    if (ch === '%' && src[i + 1] === '{') return undefined;
    if (ch === '$' && src[i + 1] === '{') {
      let depth = 1;
      let j = i + 2;
      while (j < src.length && depth > 0) {
        if (src[j] === '{') depth++;
        else if (src[j] === '}') depth--;
        j++;
      }
      const inner = src.slice(i + 2, j - 1).replace(/^~/, '').replace(/~$/, '').trim();
      let value: string | undefined;
      if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(inner) && vars?.kind === 'object') value = str([...vars.entries].reverse().find((x) => x.key === inner)?.value);
      if (value === undefined) {
        value = UNKNOWN_MARK;
        known = false;
      }
      for (let k = 0; k < value.length; k++) offsets.push(i);
      s += value;
      i = j;
      continue;
    }
    s += ch;
    offsets.push(i);
    i++;
  }
  const map = new ArrayMap(file, offsets, f.lines);
  const loc = { file, line: 1, column: 1 };
  if (known) return { kind: 'string', value: s, loc, map };
  return { kind: 'unknown', partial: s, map, loc, refs: vars?.refs };
}

function shorten(s: string): string {
  const one = s.replace(/\s*\n\s*/g, ' ');
  return one.length > 120 ? one.slice(0, 117) + '...' : one;
}

function shortText(e: Expr): string {
  return 'text' in e ? e.text : '';
}

/** The root instance above an instance. */
export function rootOf(inst: Instance): Instance {
  let r = inst;
  while (r.parent) r = r.parent;
  return r;
}

/** A text that is equal for bodies with equal values (positions ignored): merges identical count / for_each instances. */
export function bodyFingerprint(body: TfBody): string {
  const val = (v: TfValue): string => {
    switch (v.kind) {
      case 'string':
        return JSON.stringify(v.value);
      case 'number':
      case 'bool':
        return String(v.value);
      case 'null':
        return 'null';
      case 'list':
        return `[${v.items.map(val).join(',')}]`;
      case 'object':
        return `{${v.entries.map((e) => `${JSON.stringify(e.key)}:${val(e.value)}`).join(',')}}`;
      case 'unknown':
        return `?${JSON.stringify(v.partial ?? v.text ?? '')}`;
    }
  };
  const b = (x: TfBody): string =>
    `{${Object.keys(x.attrs)
      .sort()
      .map((k) => `${k}=${val(x.attrs[k]!.value)}`)
      .join(';')}|${x.blocks.map((bl) => `${bl.type}${b(bl.body)}`).join(',')}}`;
  return b(body);
}
