/**
 * The Terraform project of one scan: every `.tf` file grouped into modules (one directory = one
 * module), module calls linked to the local modules they use, `.tfvars` files linked to the root
 * modules they configure, and every value resolved for the target environment.
 */
import path from 'node:path';
import { isSecretName } from '../../lib/secrets.js';
import type { ProvidedVar } from '../../facts/common.js';
import { EXAMPLE, SHARED, type EnvName, type SourceFile } from '../../contracts/types.js';
import { emptyModule, Evaluator, rootOf, type CallDecl, type FileModel, type Instance, type ModuleModel } from './eval.js';
import { containersOf, policiesOf } from './extract.js';
import { maxMajor } from '../../facts/terraform/provider-defaults.js';
import { alignBody, groupPlanResources, planResource, planRoot, withoutKeysLast } from './plan-project.js';
import { parsePlan, withoutKeys, type ParsedPlan } from './plan.js';
import { CallView, registryModuleFor } from './registry/modules.js';
import { parseHcl, type ParsedFile } from './parse.js';
import { LineIndex } from '../../lib/lines.js';
import type { RawBlock, TerraformFact, TfBody, TfModuleCall, TfModuleRef, TfProvider, TfResource, TfValue } from '../../facts/terraform/types.js';
import { allAttrs, blocks, entry, str, walk } from '../../facts/terraform/values.js';

export interface Project {
  /** Facts by file path. */
  facts: Map<string, TerraformFact>;
  /** Files that could not be parsed at all: path → error. */
  failures: Map<string, { line: number; column: number; message: string }>;
  /** Literal values found under secret-like names (to be masked in every output). */
  secrets: Set<string>;
}

function dirOf(p: string): string {
  const d = path.posix.dirname(p);
  return d === '' ? '.' : d;
}

function isAutoTfvars(base: string): boolean {
  return base === 'terraform.tfvars' || base === 'terraform.tfvars.json' || base.endsWith('.auto.tfvars') || base.endsWith('.auto.tfvars.json');
}

/** `../modules/rds` from `envs/production` → `modules/rds`; undefined for registry / git sources or paths leaving the scan. */
export function resolveSource(fromDir: string, source: string): string | undefined {
  if (!source.startsWith('./') && !source.startsWith('../')) return undefined;
  const joined = path.posix.normalize(path.posix.join(fromDir === '.' ? '' : fromDir, source.replace(/\/+$/, '')));
  if (joined === '..' || joined.startsWith('../')) return undefined;
  return joined === '' || joined === '.' ? '.' : joined.replace(/\/$/, '');
}

/** Root modules a tfvars file configures: its own directory's, else the nearest ancestor's (or their children). */
function tfvarsTargets(tfvarsPath: string, roots: ModuleModel[]): ModuleModel[] {
  let dir = dirOf(tfvarsPath);
  for (;;) {
    const own = roots.filter((m) => m.dir === dir);
    if (own.length) return own;
    const children = roots.filter((m) => dirOf(m.dir === '.' ? '' : m.dir) === dir && m.dir !== dir);
    if (children.length) return children;
    if (dir === '.') return [];
    dir = dirOf(dir);
  }
}

const SECRET_MIN = 4;

export async function buildProject(files: readonly SourceFile[], target: EnvName, checkpoint?: (path: string) => void): Promise<Project> {
  const facts = new Map<string, TerraformFact>();
  const failures = new Map<string, { line: number; column: number; message: string }>();
  const secrets = new Set<string>();
  const models = new Map<string, FileModel>();

  // 1. Parse.
  const plans: { plan: ParsedPlan; env: EnvName }[] = [];
  for (const f of files) {
    if (f.kind === 'tfplan') {
      // Another environment's plan never applies (like its tfvars).
      if (f.environment !== SHARED && f.environment !== target) continue;
      let plan: ParsedPlan | undefined;
      try {
        plan = parsePlan(f.path, f.content);
      } catch (e) {
        failures.set(f.path, { line: 1, column: 1, message: `cannot read the plan: ${(e as Error).message}` });
        continue;
      }
      if (!plan) failures.set(f.path, { line: 1, column: 1, message: 'not a readable terraform show -json plan' });
      else plans.push({ plan, env: f.environment });
      continue;
    }
    if (f.kind !== 'terraform' && f.kind !== 'tfvars') continue;
    let parsed: ParsedFile;
    checkpoint?.(f.path); // the time budget counts the parse against this file
    try {
      parsed = await parseHcl(f.path, f.content);
    } catch (e) {
      failures.set(f.path, { line: 1, column: 1, message: `cannot parse (${(e as Error).name ?? 'error'})` });
      continue;
    }
    if (parsed.unusable) {
      failures.set(f.path, parsed.error ?? { line: 1, column: 1, message: 'HCL syntax error' });
      continue;
    }
    models.set(f.path, { path: f.path, env: f.environment, kind: f.kind, parsed });
  }

  // 2. Modules: every .tf file of a directory.
  const modules = new Map<string, ModuleModel>();
  for (const fm of models.values()) {
    if (fm.kind !== 'terraform') continue;
    const dir = dirOf(fm.path);
    let m = modules.get(dir);
    if (!m) modules.set(dir, (m = emptyModule(dir)));
    m.files.push(fm);
    for (const b of fm.parsed.blocks) {
      const [l0, l1] = b.labels;
      switch (b.type) {
        case 'resource':
          if (l0 && l1 && !m.resources.has(`${l0}.${l1}`)) m.resources.set(`${l0}.${l1}`, { raw: b, file: fm });
          break;
        case 'data':
          if (l0 && l1 && !m.data.has(`${l0}.${l1}`)) m.data.set(`${l0}.${l1}`, { raw: b, file: fm });
          break;
        case 'variable':
          if (l0 && !m.variables.has(l0)) m.variables.set(l0, { raw: b, file: fm });
          break;
        case 'output':
          if (l0 && !m.outputs.has(l0)) m.outputs.set(l0, { raw: b, file: fm });
          break;
        case 'locals':
          for (const a of b.attrs) if (!m.locals.has(a.name)) m.locals.set(a.name, { raw: a, file: fm });
          break;
        case 'module':
          if (l0 && !m.calls.has(l0)) {
            const srcAttr = b.attrs.find((a) => a.name === 'source');
            const source = srcAttr?.expr.t === 'lit' && typeof srcAttr.expr.v === 'string' ? srcAttr.expr.v : undefined;
            m.calls.set(l0, { raw: b, file: fm, name: l0, targetDir: source !== undefined ? resolveSource(dir, source) : undefined });
          }
          break;
        case 'provider':
          m.providers.push({ raw: b, file: fm });
          break;
      }
    }
  }
  for (const m of modules.values()) {
    const envs = new Set(m.files.map((f) => f.env));
    m.ownEnv = envs.size === 1 ? [...envs][0]! : SHARED;
  }
  // 3. Link calls → modules.
  for (const m of modules.values()) {
    for (const call of m.calls.values()) {
      if (call.targetDir === undefined) continue;
      const child = modules.get(call.targetDir);
      if (child && child !== m) child.callers.push({ mod: m, call });
      else if (!child) call.targetDir = undefined;
    }
  }
  // 4. tfvars → root modules, lowest precedence first: terraform.tfvars, *.auto.tfvars, shared -var-files, then the target's.
  const roots = [...modules.values()].filter((m) => m.callers.length === 0);
  const tfvarsFiles = [...models.values()].filter((f) => f.kind === 'tfvars');
  // Auto-loaded names only auto-load in a root module's own directory; elsewhere (envs/production/terraform.tfvars) they are -var-files.
  const autoLoaded = (f: FileModel) => isAutoTfvars(path.posix.basename(f.path).toLowerCase()) && roots.some((m) => m.dir === dirOf(f.path));
  const rank = (f: FileModel): number => {
    const base = path.posix.basename(f.path).toLowerCase();
    if (autoLoaded(f)) return base.startsWith('terraform.tfvars') ? 0 : 1;
    if (f.env === SHARED || f.env === EXAMPLE) return 2;
    return 3;
  };
  tfvarsFiles.sort((a, b) => rank(a) - rank(b) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const tf of tfvarsFiles) {
    // Another environment's variables never apply; auto-loaded files apply to their own directory.
    // (An example's tfvars configure the example roots beside them.)
    if (tf.env !== SHARED && tf.env !== EXAMPLE && tf.env !== target) continue;
    const targets = autoLoaded(tf) ? roots.filter((m) => m.dir === dirOf(tf.path)) : tfvarsTargets(tf.path, roots);
    for (const m of targets) for (const a of tf.parsed.attrs) m.tfvars.push({ name: a.name, attr: a, file: tf });
  }

  // 5. Evaluate.
  const lineIndexes = new Map<string, LineIndex>();
  for (const fm of models.values()) lineIndexes.set(fm.path, fm.parsed.lines);
  const byPath = new Map(files.map((f) => [f.path, f]));
  const ev = new Evaluator(modules, target, (file) => lineIndexes.get(file), (p) => {
    const f = byPath.get(p);
    if (!f) return undefined;
    let lines = lineIndexes.get(p);
    if (!lines) lineIndexes.set(p, (lines = new LineIndex(f.content)));
    return { content: f.content, lines };
  });
  for (const m of modules.values()) m.effEnv = ev.effEnv(m);

  const registerDeep = (key: string, v: TfValue) => {
    for (const { value, key: k } of walk(v)) {
      const name = k ?? key;
      if (value.kind === 'string' && isSecretName(name)) addSecret(value.value);
    }
  };
  const addSecret = (s: string) => {
    if (s.length >= SECRET_MIN && s !== 'true' && s !== 'false' && !s.startsWith('arn:')) secrets.add(s);
  };

  // Facts of every .tf file: the blocks it declares (variables, locals, outputs, calls, providers).
  for (const m of modules.values()) {
    for (const fm of m.files) {
      // An example of a module (classified `example`, or shared under examples/) is judged as a
      // deployment of its own, marked so that tf-aws rules report it as a demonstration (low).
      const example = fm.env === EXAMPLE || (fm.env === SHARED && exampleDirOf(m.dir) !== undefined) ? (exampleDirOf(m.dir) ?? m.dir) : undefined;
      const env = example ? SHARED : fm.env !== SHARED ? fm.env : (m.effEnv ?? SHARED);
      const fact = emptyFact(fm.path, env, 'terraform', m.dir, fm.parsed.error);
      fact.example = example;
      fact.providerNames = providersOf(m);
      facts.set(fm.path, fact);
      for (const b of fm.parsed.blocks) {
        const [l0] = b.labels;
        if (b.type === 'variable' && l0) {
          if (m.variables.get(l0)?.raw !== b) continue;
          const d = b.attrs.find((a) => a.name === 'default');
          const dv = ev.variableDefault(m, l0);
          const effective = ev.variable(m, l0);
          const sens = b.attrs.find((a) => a.name === 'sensitive');
          fact.variables.push({
            name: l0,
            moduleDir: m.dir,
            file: fm.path,
            line: b.loc.line,
            column: b.loc.column,
            default: d && dv ? { name: 'default', file: fm.path, line: d.loc.line, column: d.loc.column, value: dv, text: d.text } : undefined,
            effective,
            sensitive: sens?.expr.t === 'lit' && sens.expr.v === true,
            overridden: ev.variableOverridden(m, l0),
          });
          if (dv) registerDeep(l0, dv);
          registerDeep(l0, effective);
        } else if (b.type === 'locals') {
          for (const a of b.attrs) {
            if (m.locals.get(a.name)?.raw !== a) continue;
            const value = ev.local(m, a.name);
            fact.locals.push({ name: a.name, moduleDir: m.dir, file: fm.path, line: a.loc.line, column: a.loc.column, value });
            registerDeep(a.name, value);
          }
        } else if (b.type === 'output' && l0) {
          const body = ev.body(b, { mod: m });
          const sens = body.attrs['sensitive'];
          fact.outputs.push({ name: l0, moduleDir: m.dir, file: fm.path, line: b.loc.line, column: b.loc.column, value: body.attrs['value'], sensitive: sens?.value.kind === 'bool' && sens.value.value });
        } else if (b.type === 'module' && l0) {
          const call = m.calls.get(l0);
          if (call?.raw !== b) continue;
          fact.moduleCalls.push(moduleCallFact(m, call, ev.body(b, { mod: m })));
        } else if (b.type === 'provider' && l0) {
          const body = ev.body(b, { mod: m });
          for (const a of allAttrs(body)) registerDeep(a.name, a.value);
          fact.providers.push(providerFact(m, fm.path, b, body));
        } else if (b.type === 'terraform') {
          for (const rp of blocks(ev.body(b, { mod: m }), 'required_providers')) {
            for (const a of Object.values(rp.body.attrs)) {
              if (!a) continue;
              const source = str(entry(a.value, 'source')?.value) ?? (a.name === 'aws' ? 'hashicorp/aws' : undefined);
              const version = str(entry(a.value, 'version')?.value) ?? (a.value.kind === 'string' ? a.value.value : undefined);
              fact.requiredProviders.push({ name: a.name, source, version, file: fm.path, line: a.line, column: a.column });
            }
          }
        }
      }
    }
  }

  // Plans: a plan of a root module of the scan replaces the static reading of that root's managed
  // resources (positions still come from the configuration); a plan without its configuration is judged on its own.
  const rootsByDir = new Map([...modules.values()].filter((m) => m.callers.length === 0).map((m) => [m.dir, m]));
  const plannedRoots = new Map<string, ParsedPlan>();
  const looseplans: { plan: ParsedPlan; env: EnvName }[] = [];
  for (const p of plans) {
    const root = planRoot(p.plan, rootsByDir);
    if (root && !plannedRoots.has(root.dir)) plannedRoots.set(root.dir, p.plan);
    else looseplans.push(p);
  }
  const staticByAddr = new Map<string, { r: TfResource; fact: TerraformFact }>();
  const place = (fact: TerraformFact, r: TfResource, rootDir: string) => {
    if (r.mode === 'managed' && plannedRoots.has(rootDir)) {
      for (const k of [`${rootDir}|${r.address}`, `${rootDir}|${withoutKeys(r.address)}`]) if (!staticByAddr.has(k)) staticByAddr.set(k, { r, fact });
      return;
    }
    addResource(fact, r);
  };

  // Resources and data sources, per module instance: a root module's in the files that declare them,
  // a called module's in the file of the root module's call (the deployment that creates them).
  const homeOf = (inst: Instance): FileModel | undefined => {
    let top = inst;
    while (top.parent && top.parent.key !== '') top = top.parent;
    return top.call?.file;
  };
  for (const inst of ev.instances()) {
    const m = inst.mod;
    const home = inst.call ? homeOf(inst) : undefined;
    const ref = inst.call ? moduleRef(inst) : undefined;
    for (const [mode, decls] of [['managed', m.resources], ['data', m.data]] as const) {
      for (const [key, decl] of decls) {
        const fact = facts.get(home?.path ?? decl.file.path);
        if (!fact) continue;
        const b = decl.raw;
        const [l0, l1] = b.labels as [string, string];
        const groups = ev.resourceInstances({ mod: m, inst }, mode, key);
        const local = mode === 'data' ? `data.${key}` : key;
        for (const g of groups) {
          const indexed = groups.length > 1 && g.keys.length > 0 ? `[${JSON.stringify(g.keys[0])}]` : '';
          const address = `${inst.key ? inst.key + '.' : ''}${local}${indexed}`;
          const r: TfResource = {
            id: `${inst.prefix}|${local}${indexed}`,
            address,
            mode,
            type: l0,
            name: l1,
            moduleDir: m.dir,
            file: decl.file.path,
            line: b.loc.line,
            column: b.loc.column,
            endLine: b.endLine,
            body: g.body,
            multi: b.attrs.some((a) => a.name === 'count' || a.name === 'for_each'),
            instanceKeys: g.expanded ? g.keys : undefined,
            provider: providerOf(l0, b),
            module: ref,
          };
          place(fact, r, rootOf(inst).mod.dir);
        }
      }
    }
  }

  // Registry modules honban has facts about: the resources each call creates.
  for (const inst of ev.instances()) {
    for (const call of inst.mod.calls.values()) {
      if (call.targetDir !== undefined) continue;
      const srcAttr = call.raw.attrs.find((a) => a.name === 'source');
      const source = srcAttr?.expr.t === 'lit' && typeof srcAttr.expr.v === 'string' ? srcAttr.expr.v : undefined;
      const found = source ? registryModuleFor(source) : undefined;
      if (!found) continue;
      const verAttr = call.raw.attrs.find((a) => a.name === 'version');
      const version = (verAttr?.expr.t === 'lit' && typeof verAttr.expr.v === 'string' ? verAttr.expr.v : undefined) ?? found.refVersion;
      const { majors } = found.spec;
      const wanted = version ? maxMajor(version) : undefined;
      const major = Math.max(majors[0], Math.min(majors[1], wanted ?? majors[1]));
      const home = inst.call ? homeOf(inst) : call.file;
      const fact = home ? facts.get(home.path) : undefined;
      if (!fact) continue;
      const base = inst.key ? `${inst.key}.module.${call.name}` : `module.${call.name}`;
      const top = inst.call ? moduleRef(inst) : undefined;
      for (const ex of ev.expansions(call.raw, { mod: inst.mod, inst, bind: inst.callBind })) {
        const key = ex.key === undefined ? base : `${base}[${JSON.stringify(ex.key)}]`;
        const argBody = ev.body(call.raw, { mod: inst.mod, inst, bind: ex.bind });
        const label = `${found.spec.source} v${major}.x`;
        const idPrefix = `${inst.prefix}|${key}`;
        const view = new CallView(argBody, major, call.raw.loc, label, idPrefix);
        const ref: TfModuleRef = {
          key,
          call: top?.call ?? call.raw.loc,
          source,
          version,
          registry: { name: found.spec.source, versions: `${majors[0]}.x–${majors[1]}.x (v${major}.x assumed${version ? ` for "${version}"` : ''})` },
        };
        for (const sr of found.spec.build(view)) {
          const local = `${sr.type}.${sr.name}`;
          place(fact, {
            id: `${idPrefix}.${local}`,
            aliases: sr.primary ? [idPrefix] : undefined,
            address: `${key}.${local}`,
            mode: 'managed',
            type: sr.type,
            name: sr.name,
            moduleDir: inst.mod.dir,
            file: call.file.path,
            line: call.raw.loc.line,
            column: call.raw.loc.column,
            endLine: call.raw.endLine,
            body: sr.body,
            multi: false,
            provider: 'aws',
            module: ref,
          }, rootOf(inst).mod.dir);
        }
      }
    }
  }

  for (const [rootDir, plan] of plannedRoots) {
    for (const group of groupPlanResources(plan.resources.filter((x) => x.mode === 'managed'))) {
      const pr = group[0]!;
      const exact = staticByAddr.get(`${rootDir}|${pr.address}`);
      const st = exact ?? staticByAddr.get(`${rootDir}|${pr.configAddress}`);
      const fact = st?.fact ?? planFact(plan.file, SHARED);
      const address = exact ? exact.r.address : group.length > 1 ? withoutKeysLast(pr.address) : pr.address;
      const r: TfResource = st
        ? { ...st.r, id: exact ? st.r.id : `${st.r.id}#${pr.address}`, address, body: alignBody(pr.body, st.r.body, st.r.module ? st.r.module.call : { file: st.r.file, line: st.r.line, column: st.r.column }), plan: plan.file, provider: pr.provider }
        : planResource(pr, plan.file, address);
      addResource(fact, r);
      for (const x of group) for (const sec of x.secrets) addSecret(sec);
    }
  }
  for (const { plan, env } of looseplans) {
    const fact = planFact(plan.file, env);
    for (const group of groupPlanResources(plan.resources)) {
      const pr = group[0]!;
      addResource(fact, planResource(pr, plan.file, group.length > 1 ? withoutKeysLast(pr.address) : pr.address));
      for (const x of group) for (const sec of x.secrets) addSecret(sec);
    }
  }

  function planFact(file: string, env: EnvName): TerraformFact {
    let f = facts.get(file);
    if (!f) {
      f = emptyFact(file, env, 'plan', dirOf(file), undefined);
      facts.set(file, f);
    }
    return f;
  }

  for (const fact of facts.values()) {
    // An example provides no variables to the application (the env contract ignores it).
    if (fact.example) continue;
    for (const c of fact.containers) {
      for (const e of c.environment) {
        const value = str(e.value);
        fact.provides.push(provided(e.name, value, 'ecs-environment', false, e));
        if (value !== undefined && isSecretName(e.name)) addSecret(value);
      }
      for (const e of c.secrets) fact.provides.push(provided(e.name, undefined, 'ecs-secret', true, e));
      for (const ef of c.environmentFiles) fact.provides.push(provided(ef.value ?? '*', undefined, 'ecs-environment-file', false, ef));
      if (c.environmentUnknown) fact.provides.push(provided('*', undefined, 'ecs-environment', false, c));
    }
  }

  function addResource(fact: TerraformFact, r: TfResource): void {
    if (fact.example) r.example = fact.example;
    fact.resources.push(r);
    fact.policies.push(...policiesOf(r));
    const containers = containersOf(r);
    fact.containers.push(...containers);
    const defs = r.type === 'aws_ecs_task_definition' ? r.body.attrs['container_definitions'] : undefined;
    // A task definition whose containers cannot be read provides variables nobody can see.
    if (defs && !containers.length && !fact.example) fact.provides.push(provided('*', undefined, 'ecs-environment', false, defs));
    for (const a of allAttrs(r.body)) registerDeep(a.name, a.value);
  }

  // tfvars facts
  for (const fm of models.values()) {
    if (fm.kind !== 'tfvars') continue;
    const fact = emptyFact(fm.path, fm.env, 'tfvars', dirOf(fm.path), fm.parsed.error);
    const scopeMod = emptyModule('.');
    for (const a of fm.parsed.attrs) {
      const value = ev.eval(a.expr, { mod: scopeMod });
      fact.assignments.push({ name: a.name, file: fm.path, line: a.loc.line, column: a.loc.column, value });
      registerDeep(a.name, value);
    }
    facts.set(fm.path, fact);
  }
  return { facts, failures, secrets };
}

/** Directory names that hold examples of a module (not deployments of their own). */
const EXAMPLE_DIRS = new Set(['examples', 'example', '_examples', 'samples', 'sample']);

/** `examples/complete/` for a module under `examples/complete/…`; undefined outside examples. */
export function exampleDirOf(dir: string): string | undefined {
  const segs = dir === '.' ? [] : dir.split('/');
  const i = segs.findIndex((s) => EXAMPLE_DIRS.has(s.toLowerCase()));
  if (i < 0) return undefined;
  return segs.slice(0, Math.min(i + 2, segs.length)).join('/');
}

/** Providers a module uses: its resources' (meta-argument or type prefix), provider blocks, required_providers. */
function providersOf(m: ModuleModel): string[] {
  const out = new Set<string>();
  for (const d of [...m.resources.values(), ...m.data.values()]) out.add(providerOf(d.raw.labels[0] ?? '', d.raw));
  for (const p of m.providers) if (p.raw.labels[0]) out.add(p.raw.labels[0]);
  return [...out].sort();
}

/** The provider of a resource: its `provider` meta-argument (`aws.west` → aws), else the prefix of its type. */
export function providerOf(type: string, b: RawBlock): string {
  const p = b.attrs.find((a) => a.name === 'provider');
  if (p?.expr.t === 'trav') return p.expr.root;
  const i = type.indexOf('_');
  return i > 0 ? type.slice(0, i) : type;
}

function moduleRef(inst: Instance): TfModuleRef {
  let top = inst;
  while (top.parent && top.parent.key !== '') top = top.parent;
  const call = top.call!;
  const src = call.raw.attrs.find((a) => a.name === 'source');
  const ver = call.raw.attrs.find((a) => a.name === 'version');
  return {
    key: inst.key,
    call: call.raw.loc,
    source: src?.expr.t === 'lit' && typeof src.expr.v === 'string' ? src.expr.v : undefined,
    version: ver?.expr.t === 'lit' && typeof ver.expr.v === 'string' ? ver.expr.v : undefined,
  };
}

function moduleCallFact(m: ModuleModel, call: CallDecl, body: TfBody): TfModuleCall {
  return {
    id: `${m.dir}|module.${call.name}`,
    name: call.name,
    moduleDir: m.dir,
    file: call.file.path,
    line: call.raw.loc.line,
    column: call.raw.loc.column,
    source: str(body.attrs['source']?.value),
    targetDir: call.targetDir,
    body,
  };
}

function providerFact(m: ModuleModel, file: string, b: RawBlock, body: TfBody): TfProvider {
  return { name: b.labels[0]!, alias: str(body.attrs['alias']?.value), moduleDir: m.dir, file, line: b.loc.line, column: b.loc.column, body };
}

function provided(name: string, value: string | undefined, mechanism: string, viaSecretStore: boolean, at: { file: string; line: number; column: number }): ProvidedVar {
  return { name, value, mechanism, viaSecretStore, file: at.file, line: at.line, column: at.column };
}

/** A file's fact before its blocks are read. */
function emptyFact(file: string, environment: TerraformFact['environment'], kind: TerraformFact['kind'], moduleDir: string, syntaxError: TerraformFact['syntaxError']): TerraformFact {
  return {
    file,
    environment,
    kind,
    moduleDir,
    resources: [],
    variables: [],
    locals: [],
    outputs: [],
    moduleCalls: [],
    providers: [],
    assignments: [],
    policies: [],
    containers: [],
    requiredProviders: [],
    providerNames: [],
    provides: [],
    hasSecretMechanism: true,
    syntaxError,
  };
}
