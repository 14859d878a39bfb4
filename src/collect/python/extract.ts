/**
 * Walks one Python syntax tree and extracts the python fact: env reads, configuration assignments
 * (module, class with inheritance, app.config), calls rules need, error handlers, uploads, string
 * literals under names, Django list settings. A small evaluator resolves each value to the literal
 * it has when no environment variable is set.
 */
import { classifyClassName, normalizeEnvName } from '../../lib/environment.js';
import { isPlaceholder, isSecretName, weakSecretReason } from '../../lib/secrets.js';
import { SHARED, type EnvName } from '../../contracts/types.js';
import { envRead } from '../../facts/env-read.js';
import type { LiteNode as TSNode } from '../lite-tree.js';
import { castValue, numberValue, pyEquals, pyIn, pyStr, stringValue } from './literals.js';
import { truthy } from '../../facts/python/query.js';
import {
  RECORDED_CALLS,
  type AssignmentVia,
  type ErrorExposure,
  type ErrorHandler,
  type ExposureKind,
  type ListSetting,
  type PyAssignment,
  type PyCall,
  type PyDictEntry,
  type PyEnv,
  type PyLiteral,
  type PyLoc,
  type PyValue,
  type PythonFact,
} from '../../facts/python/types.js';

const KNOWN_ENVS = new Set(['production', 'staging', 'development', 'test']);

function loc(n: TSNode): PyLoc {
  return { line: n.startPosition.row + 1, column: n.startPosition.column + 1, endLine: n.endPosition.row + 1, endColumn: n.endPosition.column + 1 };
}

function named(n: TSNode | null | undefined): TSNode[] {
  return n ? (n.namedChildren.filter(Boolean) as TSNode[]) : [];
}

function field(n: TSNode, name: string): TSNode | undefined {
  return n.childForFieldName(name) ?? undefined;
}

function unparen(n: TSNode): TSNode {
  let cur = n;
  while (cur.type === 'parenthesized_expression' && cur.namedChildCount === 1) cur = cur.namedChildren[0]!;
  return cur;
}

/** `a.b.c` for identifier / attribute chains; undefined otherwise. */
export function dottedName(n: TSNode): string | undefined {
  n = unparen(n);
  if (n.type === 'identifier') return n.text;
  if (n.type === 'attribute') {
    const obj = field(n, 'object');
    const attr = field(n, 'attribute');
    if (!obj || !attr) return undefined;
    const base = dottedName(obj);
    return base === undefined ? undefined : `${base}.${attr.text}`;
  }
  return undefined;
}

/** `create_app().run` — a method called on the result of an argument-less call (an application factory). */
function factoryCallee(n: TSNode): string | undefined {
  n = unparen(n);
  if (n.type !== 'attribute') return undefined;
  const obj = field(n, 'object');
  const attr = field(n, 'attribute');
  if (!obj || !attr || unparen(obj).type !== 'call') return undefined;
  const inner = unparen(obj);
  const f = field(inner, 'function');
  const args = field(inner, 'arguments');
  if (!f || (args && args.namedChildCount > 0)) return undefined;
  const name = dottedName(f);
  return name === undefined ? undefined : `${name}().${attr.text}`;
}

function mergeNames(...vals: (PyValue | undefined)[]): string[] | undefined {
  const set = new Set<string>();
  for (const v of vals) for (const n of v?.envNames ?? []) set.add(n);
  return set.size ? [...set] : undefined;
}

function shortText(n: TSNode): string {
  const t = n.text.replace(/\s+/g, ' ');
  return t.length > 120 ? t.slice(0, 117) + '...' : t;
}

class Scope {
  readonly vars = new Map<string, PyValue>();
  constructor(readonly parent?: Scope) {}
  get(name: string): PyValue | undefined {
    return this.vars.get(name) ?? this.parent?.get(name);
  }
}

interface ClassInfo {
  name: string;
  bases: string[];
  env: EnvName | undefined;
  line: number;
  column: number;
  /** Keys assigned in the body (for inheritance). */
  keys: Set<string>;
  pydantic: boolean;
  envPrefix: string;
}

interface Ctx {
  env: EnvName;
  scope: Scope;
  cls?: ClassInfo;
  fn?: string;
  /** Directly at module level (statement context, not in a def / class). */
  module: boolean;
  mainGuard: boolean;
  /**
   * Inside the body of an `if` whose condition reads the environment (`if "X" in os.environ:`,
   * `if os.getenv("X"):`, a feature switch such as `if os.environ.get("CACHE", "") == "on":`): the
   * body runs only when the deployment sets it, so reads there are optional.
   */
  envGuard?: boolean;
}

interface EnvReadInfo {
  name: string;
  via: string;
  hasDefault: boolean;
  required: boolean;
  defaultNode?: TSNode;
  /** A schema default (django-environ `Env(DEBUG=(bool, False))`). */
  schemaDefault?: PyValue;
  cast?: string;
}

const ENV_CASTS: Record<string, string> = { bool: 'bool', int: 'int', float: 'float', str: 'str', list: 'list', tuple: 'list', Csv: 'list' };
const DJANGO_ENV_METHODS: Record<string, string | undefined> = {
  str: 'str', bool: 'bool', int: 'int', float: 'float', list: 'list', tuple: 'list', dict: undefined, json: undefined, url: undefined,
  db: undefined, db_url: undefined, cache: undefined, cache_url: undefined, email: undefined, email_url: undefined,
  search_url: undefined, path: undefined, bytes: undefined, parse_value: undefined, get_value: undefined,
};
/** environs `Env` parser methods (`env.bool("X", default)`): the second positional argument is the default. */
const ENVIRONS_METHODS: Record<string, string | undefined> = {
  str: 'str', bool: 'bool', int: 'int', float: 'float', decimal: 'float', list: 'list', dict: undefined, json: undefined,
  url: undefined, path: undefined, datetime: undefined, date: undefined, time: undefined, timedelta: undefined, uuid: undefined,
  log_level: undefined, enum: undefined, dj_db_url: undefined, dj_email_url: undefined, dj_cache_url: undefined,
};

/** Attributes of a Flask app object that mirror a config key. */
const APP_ATTRIBUTES: Record<string, string> = {
  secret_key: 'SECRET_KEY',
  debug: 'DEBUG',
  testing: 'TESTING',
  permanent_session_lifetime: 'PERMANENT_SESSION_LIFETIME',
  session_cookie_name: 'SESSION_COOKIE_NAME',
};

const ROUTE_DECORATORS = new Set(['route', 'get', 'post', 'put', 'patch', 'delete', 'api_route', 'websocket', 'view', 'head', 'options']);

export interface ExtractOptions {
  file: string;
  environment: EnvName;
  customEnvs: readonly string[];
  isDjangoSettings: boolean;
  isGunicornConfig: boolean;
  registerSecret(value: string): void;
}

export class PythonExtractor {
  readonly fact: PythonFact;
  /** Local name → qualified name (`environ` → `os.environ`, `config` → `decouple.config`). */
  private readonly imports = new Map<string, string>();
  /** Names bound to django-environ `Env(...)` instances, with their schema defaults. */
  private readonly envObjects = new Map<string, Map<string, { cast?: string; def?: PyValue }>>();
  /** Names bound to python-decouple / starlette `Config(...)` callables: which flavour. */
  private readonly configObjects = new Map<string, 'decouple' | 'starlette' | 'environs'>();
  private readonly classes = new Map<string, ClassInfo>();
  private readonly classAssignments = new Map<string, PyAssignment[]>();
  private readonly functions = new Map<string, TSNode>();
  private readonly recordedEnvNodes = new Set<number>();
  private readonly moduleScope = new Scope();
  private readonly djangoLists = new Map<string, ListSetting>();
  private usesRequestFiles = false;

  constructor(private readonly root: TSNode, private readonly opts: ExtractOptions) {
    this.fact = {
      file: opts.file,
      environment: opts.environment,
      imports: [],
      flaskApps: [],
      envReads: [],
      assignments: [],
      calls: [],
      fileUploads: [],
      fileSaves: [],
      errorHandlers: [],
      literalAssignments: [],
      django: opts.isDjangoSettings ? { starImports: [] } : undefined,
      gunicornConfig: opts.isGunicornConfig,
      hasMainGuard: false,
      syntaxErrors: 0,
    };
  }

  run(): PythonFact {
    this.usesRequestFiles = /\brequest\.files\b/.test(this.root.text);
    const ctx: Ctx = { env: this.opts.environment, scope: this.moduleScope, module: true, mainGuard: false };
    this.block(this.root, ctx);
    this.inheritance();
    this.postHandlers();
    if (this.fact.django) {
      const d = this.fact.django;
      d.installedApps = this.djangoLists.get('INSTALLED_APPS');
      d.middleware = this.djangoLists.get('MIDDLEWARE') ?? this.djangoLists.get('MIDDLEWARE_CLASSES');
    }
    this.fact.imports = [...new Set([...this.imports.values()].map((q) => q.split('.')[0]!).filter(Boolean))].sort();
    this.fact.importedNames = [...new Set([...this.imports.values()].filter(Boolean))].sort();
    return this.fact;
  }

  // ---------------------------------------------------------------- environments

  /** The environment of something in `ctx` with an own classification `own` (class name, if branch). */
  private envWith(ctx: Ctx, own: EnvName | undefined): EnvName {
    if (this.opts.environment !== SHARED) return this.opts.environment;
    return own ?? ctx.env;
  }

  private qualify(dotted: string): string {
    const [head, ...rest] = dotted.split('.');
    const q = this.imports.get(head!);
    return q ? [q, ...rest].join('.') : dotted;
  }

  // ---------------------------------------------------------------- statements

  private block(node: TSNode, ctx: Ctx): void {
    for (const st of named(node)) this.statement(st, ctx);
  }

  private statement(st: TSNode, ctx: Ctx): void {
    switch (st.type) {
      case 'ERROR':
        this.fact.syntaxErrors++;
        return; // collect nothing from what did not parse
      case 'comment':
        return;
      case 'import_statement':
      case 'import_from_statement':
      case 'future_import_statement':
        this.importStatement(st);
        return;
      case 'expression_statement':
        for (const e of named(st)) this.expressionStatement(e, ctx);
        return;
      case 'class_definition':
        this.classDefinition(st, ctx, []);
        return;
      case 'function_definition':
        this.functionDefinition(st, ctx, []);
        return;
      case 'decorated_definition': {
        const decorators = named(st).filter((c) => c.type === 'decorator');
        for (const d of decorators) this.expressions(d, ctx);
        const def = field(st, 'definition');
        if (def?.type === 'function_definition') this.functionDefinition(def, ctx, decorators);
        else if (def?.type === 'class_definition') this.classDefinition(def, ctx, decorators);
        return;
      }
      case 'if_statement':
        this.ifStatement(st, ctx);
        return;
      case 'return_statement':
      case 'raise_statement':
      case 'assert_statement':
      case 'delete_statement':
      case 'print_statement':
      case 'exec_statement':
      case 'global_statement':
      case 'nonlocal_statement':
      case 'type_alias_statement':
        this.expressions(st, ctx);
        return;
      default:
        // for / while / try / with / match and their clauses: walk headers as expressions and bodies as blocks
        for (const c of named(st)) {
          if (c.type === 'block') this.block(c, ctx);
          else if (['else_clause', 'except_clause', 'except_group_clause', 'finally_clause', 'elif_clause', 'case_clause', 'with_clause', 'match_statement'].includes(c.type)) this.statement(c, ctx);
          else if (c.type.endsWith('_statement') || c.type === 'decorated_definition' || c.type.endsWith('_definition')) this.statement(c, ctx);
          else this.expressions(c, ctx);
        }
    }
  }

  private importStatement(st: TSNode): void {
    if (st.type === 'import_statement') {
      for (const c of named(st)) {
        if (c.type === 'dotted_name') this.imports.set(c.text.split('.')[0]!, c.text.split('.')[0]!);
        else if (c.type === 'aliased_import') {
          const n = field(c, 'name');
          const a = field(c, 'alias');
          if (n && a) this.imports.set(a.text, n.text);
        }
      }
      return;
    }
    if (st.type !== 'import_from_statement') return;
    const mod = field(st, 'module_name');
    if (!mod) return;
    const modName = mod.type === 'relative_import' ? '' : mod.text;
    if (this.fact.django && mod.type === 'relative_import' || this.fact.django && /settings/.test(modName)) {
      if (named(st).some((c) => c.type === 'wildcard_import')) this.fact.django!.starImports.push(mod.text);
    }
    for (const c of st.childrenForFieldName('name')) {
      if (!c) continue;
      let name: string;
      let alias: string;
      if (c.type === 'aliased_import') {
        name = field(c, 'name')?.text ?? '';
        alias = field(c, 'alias')?.text ?? name;
      } else {
        name = c.text;
        alias = c.text;
      }
      if (!name) continue;
      this.imports.set(alias, modName ? `${modName}.${name}` : `.${name}`);
      // `from app import app` / `from myproject import create_app`: a Flask application defined elsewhere
      if (/^(app|application|flask_app)$/.test(alias) && !/^(fastapi|starlette|django|celery|sanic|litestar|quart)/.test(modName)) this.addFlaskApp(alias);
    }
  }

  private addFlaskApp(name: string): void {
    if (!this.fact.flaskApps.includes(name)) this.fact.flaskApps.push(name);
  }

  private expressionStatement(e: TSNode, ctx: Ctx): void {
    if (e.type === 'assignment') this.assignment(e, ctx);
    else if (e.type === 'augmented_assignment') this.augmented(e, ctx);
    else this.expressions(e, ctx);
  }

  private classDefinition(st: TSNode, ctx: Ctx, _decorators: TSNode[]): void {
    const nameNode = field(st, 'name');
    const body = field(st, 'body');
    if (!nameNode || !body) return;
    const bases: string[] = [];
    const sc = field(st, 'superclasses');
    for (const b of named(sc)) {
      if (b.type === 'keyword_argument') continue;
      const d = dottedName(b);
      if (d) bases.push(d);
    }
    const name = nameNode.text;
    if (!ctx.module) {
      // A class inside a class or function (Meta, pydantic's inner Config): not a configuration class.
      this.block(body, { ...ctx, cls: undefined, module: false, scope: new Scope(ctx.scope) });
      return;
    }
    // Own name first (ProductionConfig), then a base class of this file (HerokuConfig(ProductionConfig)).
    let own = classifyClassName(name, this.opts.customEnvs);
    if (!own) for (const b of bases) {
      const bi = this.classes.get(b);
      if (bi?.env && bi.env !== SHARED) { own = bi.env; break; }
    }
    const info: ClassInfo = {
      name,
      bases,
      env: this.envWith(ctx, own),
      line: nameNode.startPosition.row + 1,
      column: nameNode.startPosition.column + 1,
      keys: new Set(),
      pydantic: bases.some((b) => /(^|\.)BaseSettings$/.test(b)),
      envPrefix: '',
    };
    if (info.pydantic) info.envPrefix = this.pydanticPrefix(body);
    this.classes.set(name, info);
    const inner: Ctx = { ...ctx, cls: info, env: info.env!, scope: new Scope(this.moduleScope), module: false };
    this.block(body, inner);
  }

  private pydanticPrefix(body: TSNode): string {
    // model_config = SettingsConfigDict(env_prefix="APP_")  /  class Config: env_prefix = "APP_"
    for (const st of named(body)) {
      const text = st.text;
      const m = /env_prefix\s*=\s*['"]([^'"]*)['"]/.exec(text);
      if (m && (st.type === 'expression_statement' || st.type === 'class_definition')) return m[1]!;
    }
    return '';
  }

  private functionDefinition(st: TSNode, ctx: Ctx, decorators: TSNode[]): void {
    const nameNode = field(st, 'name');
    const body = field(st, 'body');
    const params = field(st, 'parameters');
    if (!nameNode || !body) return;
    const name = nameNode.text;
    if (ctx.module) this.functions.set(name, st);
    const scope = new Scope(this.moduleScope);
    const inner: Ctx = { ...ctx, cls: undefined, fn: name, scope, module: false };
    // Default parameter values: string literals under names (`def connect(password="…")`).
    for (const p of named(params)) {
      if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
        const pn = field(p, 'name');
        const pv = field(p, 'value');
        if (pn && pv) {
          this.expressions(pv, inner);
          this.literal(`${name}(${pn.text})`, pn.text, pv, inner, 'parameter');
        }
      }
    }
    // Decorators: error handlers and views.
    let handler: { kind: ErrorHandler['kind']; handles: string } | undefined;
    let view = false;
    for (const d of decorators) {
      const expr = named(d)[0];
      if (!expr) continue;
      const callee = expr.type === 'call' ? dottedName(field(expr, 'function')!) : dottedName(expr);
      const last = callee?.split('.').pop() ?? '';
      if (last === 'errorhandler' || last === 'app_errorhandler') {
        const arg = expr.type === 'call' ? named(field(expr, 'arguments'))[0] : undefined;
        handler = { kind: 'errorhandler', handles: arg ? shortText(arg) : '' };
      } else if (last === 'exception_handler') {
        const arg = expr.type === 'call' ? named(field(expr, 'arguments'))[0] : undefined;
        handler = { kind: 'exception_handler', handles: arg ? shortText(arg) : '' };
      } else if (ROUTE_DECORATORS.has(last) && callee?.includes('.')) view = true;
    }
    const paramNames = named(params).map((p) => (p.type === 'identifier' ? p.text : field(p, 'name')?.text ?? (p.type === 'typed_parameter' ? named(p)[0]?.text : undefined))).filter((x): x is string => !!x);
    if (paramNames.includes('request') && !handler) view = true;
    this.block(body, inner);
    if (handler) {
      const excParam = handler.kind === 'exception_handler' ? paramNames.filter((p) => p !== 'self')[1] : paramNames.filter((p) => p !== 'self')[0];
      this.recordHandler(handler.kind, handler.handles, name, st, body, excParam, inner.env);
    }
    if (view) this.exceptExposures(name, body, inner.env);
    if (this.usesRequestFiles) this.fileSaves(name, body, inner.env);
  }

  private ifStatement(st: TSNode, ctx: Ctx): void {
    const cond = field(st, 'condition');
    const cls = cond ? this.classifyCondition(cond) : {};
    if (cond) this.expressions(cond, ctx, [], true);
    if (cls.mainGuard && ctx.module) this.fact.hasMainGuard = true;
    const cons = field(st, 'consequence');
    const envGuard = ctx.envGuard || (cond !== undefined && this.readsEnvironment(cond));
    if (cons) this.block(cons, { ...ctx, env: this.envWith(ctx, cls.then), mainGuard: ctx.mainGuard || !!cls.mainGuard, envGuard });
    let elseEnv = cls.else;
    for (const alt of st.childrenForFieldName('alternative')) {
      if (!alt) continue;
      if (alt.type === 'elif_clause') {
        const c2 = field(alt, 'condition');
        const cl2 = c2 ? this.classifyCondition(c2) : {};
        if (c2) this.expressions(c2, ctx, [], true);
        const b = field(alt, 'consequence');
        if (b) this.block(b, { ...ctx, env: this.envWith(ctx, cl2.then ?? elseEnv) });
        if (cl2.then && !elseEnv) elseEnv = cl2.else;
      } else if (alt.type === 'else_clause') {
        const b = field(alt, 'body');
        if (b) this.block(b, { ...ctx, env: this.envWith(ctx, elseEnv) });
      }
    }
  }

  /** Does a condition read the environment: an env read, or a membership test on `os.environ` (`"X" in os.environ`)? */
  private readsEnvironment(n: TSNode): boolean {
    const stack: TSNode[] = [n];
    let seen = 0;
    while (stack.length && seen++ < 2000) {
      const x = stack.pop()!;
      if (x.type === 'call' || x.type === 'subscript') {
        if (this.envReadOf(x)) return true;
      }
      if (x.type === 'comparison_operator' && x.children.some((c) => c && !c.isNamed && (c.type === 'in' || c.type === 'not in'))) {
        const right = named(x).pop();
        const name = right ? dottedName(right) : undefined;
        if (name && /(^|\.)environ$/.test(name)) return true;
      }
      for (const c of named(x)) stack.push(c);
    }
    return false;
  }

  /**
   * Which environment an `if` branch runs in: `if ENV == "production"`, `if app.debug`,
   * `if settings.DEBUG`, `if not IS_PRODUCTION`, `if __name__ == "__main__"`.
   */
  classifyCondition(n: TSNode): { then?: EnvName; else?: EnvName; mainGuard?: boolean } {
    n = unparen(n);
    if (n.type === 'not_operator') {
      const a = field(n, 'argument');
      const r = a ? this.classifyCondition(a) : {};
      return { then: r.else, else: r.then };
    }
    if (n.type === 'boolean_operator') {
      const op = field(n, 'operator')?.type;
      const l = this.classifyCondition(field(n, 'left')!);
      const r = this.classifyCondition(field(n, 'right')!);
      if (op === 'and') return { then: l.then ?? r.then, mainGuard: l.mainGuard || r.mainGuard };
      return { then: l.then && l.then === r.then ? l.then : undefined, else: l.else && l.else === r.else ? l.else : undefined };
    }
    if (n.type === 'comparison_operator') {
      const kids = n.children.filter(Boolean) as TSNode[];
      const operands = kids.filter((c) => c.isNamed);
      const ops = kids.filter((c) => !c.isNamed).map((c) => c.type);
      if (operands.length !== 2 || ops.length < 1) return {};
      const op = ops.join(' ');
      const [a, b] = operands as [TSNode, TSNode];
      if ((a.text === '__name__' && /^['"]__main__['"]$/.test(b.text)) || (b.text === '__name__' && /^['"]__main__['"]$/.test(a.text))) return op === '==' ? { mainGuard: true } : {};
      const values: string[] = [];
      let subject: TSNode | undefined;
      for (const [x, y] of [[a, b], [b, a]] as const) {
        const y2 = unparen(y);
        if (y2.type === 'string' || y2.type === 'concatenated_string') {
          const s = stringValue(y2);
          if (s !== undefined) { values.push(s); subject = x; break; }
        } else if (['list', 'tuple', 'set'].includes(y2.type)) {
          const ss = named(y2).map((c) => stringValue(c)).filter((s): s is string => s !== undefined);
          if (ss.length) { values.push(...ss); subject = x; break; }
        }
      }
      if (!subject || !this.looksEnvSubject(subject)) return {};
      const envs = new Set(values.map((v) => normalizeEnvName(v)).filter((e) => KNOWN_ENVS.has(e) || this.opts.customEnvs.includes(e)));
      if (envs.size !== 1) return {};
      const env = [...envs][0]!;
      const positive = op === '==' || op === 'in' || op === 'is';
      const negated = op === '!=' || op === 'not in' || op === 'is not';
      if (!positive && !negated) return {};
      const other = env === 'production' ? 'development' : undefined;
      return positive ? { then: env, else: other } : { then: other, else: env };
    }
    // A bare test of a debug / environment flag: `if app.debug:`, `if DEBUG:`, `if IS_PRODUCTION:`, `if is_dev():`
    const subj = n.type === 'call' ? field(n, 'function') : n;
    const text = subj ? (dottedName(subj) ?? (subj.type === 'subscript' ? subj.text : undefined)) : undefined;
    const envRead = this.envReadOf(n);
    const probe = envRead?.name ?? text;
    if (!probe) return {};
    const last = probe.replace(/\[['"]([^'"]+)['"]\]/g, '.$1').split('.').pop() ?? '';
    if (/(^|_)debug($|_)|^debug$/i.test(last)) return { then: 'development' };
    if (/^(testing|is_?testing|test_?mode)$/i.test(last)) return { then: 'test' };
    const env = classifyClassName(last, this.opts.customEnvs);
    if (env) return { then: env, else: env === 'production' ? 'development' : undefined };
    return {};
  }

  private looksEnvSubject(n: TSNode): boolean {
    if (this.envReadOf(unparen(n))) return true;
    const t = n.text;
    return /(env|environment|stage|mode|config\[['"]ENV['"]\]|deployment|profile)/i.test(t) && t.length < 200;
  }

  // ---------------------------------------------------------------- assignments

  private assignment(e: TSNode, ctx: Ctx): void {
    const left = field(e, 'left');
    let right = field(e, 'right');
    const typeNode = field(e, 'type');
    if (!left) return;
    // a = b = value: every target gets the value
    const targets: TSNode[] = [left];
    while (right && right.type === 'assignment') {
      const l2 = field(right, 'left');
      if (l2) targets.push(l2);
      right = field(right, 'right');
    }
    if (!right) {
      // `name: str` (annotation only): a required pydantic field
      if (typeNode && ctx.cls?.pydantic && left.type === 'identifier') this.pydanticField(left, undefined, ctx);
      return;
    }
    const prev = this.currentSetting;
    this.currentSetting = this.settingOf(targets[0]!);
    this.expressions(right, ctx, [e]);
    this.currentSetting = prev;
    for (const t of targets) this.assignTarget(t, right, ctx);
  }

  private assignTarget(left: TSNode, right: TSNode, ctx: Ctx): void {
    if (left.type === 'identifier') {
      const name = left.text;
      let value: PyValue;
      if (ctx.cls?.pydantic && !name.startsWith('_') && name !== 'model_config') {
        this.pydanticField(left, right, ctx);
        return;
      }
      value = this.value(right, ctx.scope);
      ctx.scope.vars.set(name, value);
      this.trackBindings(name, right);
      if (ctx.cls) {
        ctx.cls.keys.add(name);
        this.record({ key: name, target: name, via: 'class', className: ctx.cls.name, classBases: ctx.cls.bases, value, environment: ctx.cls.env ?? ctx.env, ...this.pos(left) }, ctx);
      } else if (ctx.module) {
        this.record({ key: name, target: name, via: 'module', value, environment: ctx.env, ...this.pos(left) }, ctx);
        if (this.fact.django) this.djangoList(name, right, 'set');
      }
      this.literal(ctx.cls ? `${ctx.cls.name}.${name}` : name, name, right, ctx, 'assign');
      return;
    }
    if (left.type === 'attribute') {
      const obj = field(left, 'object');
      const attr = field(left, 'attribute')?.text;
      const objName = obj ? dottedName(obj) : undefined;
      if (attr && objName && APP_ATTRIBUTES[attr] && objName !== 'self') {
        const value = this.value(right, ctx.scope);
        this.record({ key: APP_ATTRIBUTES[attr]!, target: `${objName}.${attr}`, via: 'app-attribute', object: objName, value, environment: ctx.env, ...this.pos(left) }, ctx);
      }
      if (attr) this.literal(left.text, attr, right, ctx, 'attribute');
      return;
    }
    if (left.type === 'subscript') {
      const obj = field(left, 'value');
      const key = this.subscriptKey(left);
      if (obj && key !== undefined) {
        const objName = dottedName(obj);
        if (objName && /(^|\.)config$/.test(objName)) {
          const value = this.value(right, ctx.scope);
          this.record({ key, target: `${objName}['${key}']`, via: 'config-item', object: objName.replace(/\.config$/, ''), value, environment: ctx.env, ...this.pos(left) }, ctx);
        }
        this.literal(`${obj.text.length < 60 ? obj.text : '…'}['${key}']`, key, right, ctx, 'dict-key');
      }
    }
  }

  /** The setting an assignment target names (`SECRET_KEY`, `app.config['SECRET_KEY']`, `app.secret_key`). */
  private settingOf(t: TSNode): string | undefined {
    if (t.type === 'identifier') return t.text;
    if (t.type === 'attribute') {
      const attr = field(t, 'attribute')?.text;
      return attr ? APP_ATTRIBUTES[attr] ?? attr : undefined;
    }
    if (t.type === 'subscript') return this.subscriptKey(t);
    return undefined;
  }

  private currentSetting: string | undefined;

  private subscriptKey(sub: TSNode): string | undefined {
    const s = sub.childForFieldName('subscript');
    return s ? stringValue(unparen(s)) : undefined;
  }

  private augmented(e: TSNode, ctx: Ctx): void {
    const left = field(e, 'left');
    const right = field(e, 'right');
    if (!left || !right) return;
    this.expressions(right, ctx);
    if (left.type === 'identifier' && ctx.module && !ctx.cls) {
      const value = this.value(right, ctx.scope);
      this.record({ key: left.text, target: left.text, via: 'augmented', value, environment: ctx.env, ...this.pos(left) }, ctx);
      if (this.fact.django) this.djangoList(left.text, right, 'extend');
    }
  }

  private pos(n: TSNode): { line: number; column: number } {
    return { line: n.startPosition.row + 1, column: n.startPosition.column + 1 };
  }

  private record(a: Omit<PyAssignment, 'function'> & { function?: string }, ctx: Ctx): void {
    const full: PyAssignment = { ...a };
    if (ctx.fn) full.function = ctx.fn;
    this.fact.assignments.push(full);
    if (full.via === 'class' && full.className) {
      const list = this.classAssignments.get(full.className) ?? [];
      list.push(full);
      this.classAssignments.set(full.className, list);
    }
    this.registerIfSecret(full.key, full.value);
  }

  private registerIfSecret(key: string, v: PyValue): void {
    if (!isSecretName(key)) return;
    const lit = v.kind === 'str' ? v.value : v.kind === 'env' && v.default?.kind === 'str' ? v.default.value : undefined;
    if (lit !== undefined) this.register(lit);
  }

  private register(value: string): void {
    if (!value.trim() || isPlaceholder(value)) return;
    const r = weakSecretReason(value);
    if (r === 'empty' || r === 'placeholder' || r === 'well-known') return;
    this.opts.registerSecret(value);
  }

  /** pydantic BaseSettings field: the class attribute is an env read with the field's default. */
  private pydanticField(left: TSNode, right: TSNode | undefined, ctx: Ctx): void {
    const cls = ctx.cls!;
    const field_ = left.text;
    let envName = (cls.envPrefix + field_).toUpperCase();
    let defNode: TSNode | undefined = right;
    if (right && unparen(right).type === 'call') {
      const call = unparen(right);
      const callee = dottedName(field(call, 'function')!) ?? '';
      if (/(^|\.)Field$/.test(callee)) {
        defNode = undefined;
        const args = named(field(call, 'arguments'));
        for (const a of args) {
          if (a.type === 'keyword_argument') {
            const k = field(a, 'name')?.text;
            const v = field(a, 'value');
            if (!v) continue;
            if (k === 'default') defNode = v;
            else if (k === 'alias' || k === 'validation_alias' || k === 'env') {
              const s = stringValue(unparen(v));
              if (s) envName = s.toUpperCase();
            }
          } else if (!defNode && a.type !== 'list_splat' && a.type !== 'dictionary_splat') defNode = a;
        }
        if (defNode && unparen(defNode).type === 'ellipsis') defNode = undefined;
      }
    }
    const at = loc(left);
    const def = defNode ? this.value(defNode, ctx.scope) : undefined;
    const value: PyEnv = {
      kind: 'env', name: envName, via: 'pydantic-settings', hasDefault: !!def, required: !def, default: def,
      resolved: def ? def.resolved : undefined, envNames: [envName], ...at,
    };
    cls.keys.add(field_);
    ctx.scope.vars.set(field_, value);
    this.record({ key: field_, target: field_, via: 'class', className: cls.name, classBases: cls.bases, value, environment: cls.env ?? ctx.env, ...this.pos(left) }, ctx);
    this.fact.envReads.push(
      envRead({
        key: envName,
        via: 'pydantic-settings',
        file: this.opts.file,
        line: at.line,
        column: at.column,
        fallback: def ? { literal: def.resolved !== undefined && def.resolved !== null && typeof def.resolved !== 'object' ? pyStr(def.resolved) : undefined } : undefined,
        environment: cls.env && cls.env !== this.opts.environment ? cls.env : undefined,
      }),
    );
    if (defNode) this.literal(`${cls.name}.${field_}`, field_, defNode, ctx, 'env-default');
  }

  /** Names bound to Flask apps, django-environ Env objects, decouple / starlette Config objects. */
  private trackBindings(name: string, right: TSNode): void {
    const r = unparen(right);
    if (r.type !== 'call') return;
    const fn = field(r, 'function');
    const callee = fn ? dottedName(fn) : undefined;
    if (!callee) return;
    const q = this.qualify(callee);
    const last = callee.split('.').pop()!;
    if (last === 'Flask' || last === 'Quart' || /^(create|make|get|build)_app$/.test(last)) this.addFlaskApp(name);
    if (/^environ\.(Env|FileAwareEnv)$/.test(q)) {
      const schema = new Map<string, { cast?: string; def?: PyValue }>();
      for (const a of named(field(r, 'arguments'))) {
        if (a.type !== 'keyword_argument') continue;
        const k = field(a, 'name')?.text;
        const v = field(a, 'value');
        if (!k || !v) continue;
        const vv = unparen(v);
        if (vv.type === 'tuple' && vv.namedChildCount >= 2) {
          const [c, d] = named(vv) as [TSNode, TSNode];
          schema.set(k, { cast: ENV_CASTS[c.text], def: this.value(d, this.moduleScope) });
        } else schema.set(k, { cast: ENV_CASTS[vv.text] });
      }
      this.envObjects.set(name, schema);
    } else if (/^decouple\.(AutoConfig|Config)$/.test(q)) this.configObjects.set(name, 'decouple');
    else if (/^starlette\.config\.Config$/.test(q)) this.configObjects.set(name, 'starlette');
    else if (/^environs\.Env$/.test(q)) this.configObjects.set(name, 'environs');
  }

  // ---------------------------------------------------------------- expressions

  /** Walks an expression subtree for env reads, recorded calls, literals under keys, request.files. */
  private expressions(n: TSNode, ctx: Ctx, parents: readonly TSNode[] = [], condition = false): void {
    const rootIndex = parents.length;
    // Ancestors of the node being visited (node.parent is costly in web-tree-sitter: it re-descends from the root).
    const anc: TSNode[] = [...parents];
    const walk = (x: TSNode): void => {
      const prev = this.currentSetting;
      const setting = this.configArgSetting(x, anc[anc.length - 1], anc[anc.length - 2]);
      if (setting) this.currentSetting = setting;
      anc.push(x);
      try {
        walkNode(x);
      } finally {
        anc.pop();
        this.currentSetting = prev;
      }
    };
    const walkNode = (x: TSNode): void => {
      switch (x.type) {
        case 'ERROR':
          this.fact.syntaxErrors++;
          return;
        case 'function_definition':
        case 'class_definition':
        case 'decorated_definition':
          this.statement(x, ctx);
          return;
        case 'boolean_operator': {
          const left = field(x, 'left');
          const right = field(x, 'right');
          if (field(x, 'operator')?.type === 'or' && left && right) {
            const info = this.envReadOf(unparen(left));
            if (info && !this.recordedEnvNodes.has(unparen(left).id)) {
              const def = info.hasDefault && info.defaultNode ? this.value(info.defaultNode, ctx.scope) : undefined;
              const fallback = def && def.resolved !== undefined && truthy(def.resolved) ? def : this.value(right, ctx.scope);
              this.pushEnvRead(unparen(left), info, fallback, true, ctx, false);
              const r = unparen(right);
              const other = this.envReadOf(r);
              if (other) this.alternativesOf.set(r.id, [...(this.alternativesOf.get(unparen(left).id) ?? []), info.name]);
              this.literal(this.envReadLabel(info), info.name, fallback === def ? info.defaultNode! : right, ctx, 'env-default');
            }
          }
          break;
        }
        case 'call':
          this.call(x, ctx, this.guardedAt(anc, rootIndex, condition), this.orFallbackAt(anc));
          break;
        case 'subscript': {
          const info = this.envReadOf(x);
          if (info && !this.recordedEnvNodes.has(x.id)) this.pushEnvRead(x, info, undefined, false, ctx, false);
          break;
        }
        case 'attribute':
          if (x.text === 'request.files') this.fact.fileUploads.push({ ...this.pos(x), ...(ctx.fn ? { function: ctx.fn } : {}) });
          break;
        case 'pair': {
          const k = field(x, 'key');
          const v = field(x, 'value');
          const key = k ? stringValue(unparen(k)) : undefined;
          if (key !== undefined && v) this.literal(this.pairPath(anc.slice(0, -1), key), key, v, ctx, 'dict-key');
          break;
        }
        case 'keyword_argument': {
          const k = field(x, 'name')?.text;
          const v = field(x, 'value');
          const call = anc[anc.length - 3]; // keyword_argument ← argument_list ← call
          if (k && v && call?.type === 'call') {
            const callee = dottedName(field(call, 'function')!) ?? 'call';
            if (!this.envReadOf(call)) this.literal(`${callee}(${k}=)`, k, v, ctx, 'keyword');
          }
          break;
        }
      }
      for (const c of named(x)) walk(c);
    };
    walk(n);
  }

  /** Inside `app.config.update(KEY=…)` / `from_mapping(KEY=…)` / `setdefault('KEY', …)`: the setting that argument sets. */
  private configArgSetting(x: TSNode, args: TSNode | undefined, call: TSNode | undefined): string | undefined {
    if (args?.type !== 'argument_list' || call?.type !== 'call') return undefined;
    const callee = dottedName(field(call, 'function')!) ?? '';
    if (!/(^|\.)config\.(update|from_mapping|setdefault)$/.test(callee)) return undefined;
    if (x.type === 'keyword_argument') return field(x, 'name')?.text;
    if (callee.endsWith('.setdefault')) {
      const list = named(args);
      if (list[1]?.id === x.id) return stringValue(unparen(list[0]!));
    }
    return undefined;
  }

  /** `DATABASES['default']['PASSWORD']` for a pair, from its ancestors (innermost last; the pair itself is not in the list). */
  private pairPath(anc: readonly TSNode[], key: string): string {
    const parts = [`['${key}']`];
    // anc ends with: … (pair dictionary)* dictionary ; walk upwards from the dictionary holding the pair
    let i = anc.length - 1; // the dictionary
    while (i >= 1) {
      const up = anc[i - 1]!;
      if (up.type === 'parenthesized_expression') { i--; continue; }
      if (up.type === 'pair') {
        const k = field(up, 'key');
        const ks = k ? stringValue(unparen(k)) : undefined;
        parts.unshift(ks !== undefined ? `['${ks}']` : '[…]');
        i -= 2; // the pair, then its dictionary
        continue;
      }
      if (up.type === 'assignment') {
        const l = field(up, 'left');
        if (l && l.text.length < 60) parts.unshift(l.text);
      } else if (up.type === 'keyword_argument') {
        const k = field(up, 'name');
        if (k) parts.unshift(k.text);
      }
      break;
    }
    return parts.join('');
  }

  /** Records a string literal assigned to `name` (key = the segment a secret-name check judges). */
  private literal(name: string, key: string, valueNode: TSNode, ctx: Ctx, how: string): void {
    const v = unparen(valueNode);
    if (v.type !== 'string' && v.type !== 'concatenated_string') return;
    const s = stringValue(v);
    if (s === undefined) return;
    const p = this.pos(v);
    const setting = how === 'keyword' || how === 'parameter' ? undefined : this.currentSetting;
    this.fact.literalAssignments.push({ name, key, value: s, file: this.opts.file, line: p.line, column: p.column, environment: ctx.env, how, ...(setting ? { setting } : {}) });
    if (isSecretName(key)) this.register(s);
    const url = /^[a-z][a-z0-9+.-]*:\/\/([^:/@\s]*):([^@/\s]+)@([^/:?#\s]+)/i.exec(s);
    if (url) this.register(decodeURIComponentSafe(url[2]!));
  }

  /**
   * The read only tests presence or compares (`os.environ.get('X') == '1'`, `if os.getenv('X'):`,
   * `bool(os.environ.get('X'))`): a missing variable is a handled case. `anc` ends with the read.
   */
  private guardedAt(anc: readonly TSNode[], rootIndex: number, condition: boolean): boolean {
    for (let i = anc.length - 2; i >= 0; i--) {
      const up = anc[i]!;
      const below = anc[i + 1]!;
      switch (up.type) {
        case 'comparison_operator':
        case 'not_operator':
          return true;
        case 'conditional_expression':
          return named(up)[1]?.id === below.id;
        case 'call': {
          const fn = field(up, 'function');
          if (fn && fn.type === 'identifier' && fn.text === 'bool') return true;
          if (fn?.id === below.id) continue; // os.environ.get('X').lower(): still the same value
          continue;
        }
        case 'attribute':
        case 'argument_list':
        case 'parenthesized_expression':
          continue;
        case 'boolean_operator':
          if (condition) continue;
          return false;
        default:
          return false;
      }
    }
    return condition && anc.length - 1 >= rootIndex;
  }

  /** `a or os.environ.get('X') or 'd'`: the operand an `or` chain falls back to after the read (`anc` ends with the read). */
  private orFallbackAt(anc: readonly TSNode[]): TSNode | undefined {
    for (let i = anc.length - 2; i >= 0; i--) {
      const up = anc[i]!;
      const below = anc[i + 1]!;
      if (up.type === 'parenthesized_expression') continue;
      if (up.type !== 'boolean_operator' || field(up, 'operator')?.type !== 'or') return undefined;
      if (field(up, 'left')?.id === below.id) return field(up, 'right');
    }
    return undefined;
  }

  private readonly alternativesOf = new Map<number, string[]>();

  private call(x: TSNode, ctx: Ctx, guarded = false, orFallback?: TSNode): void {
    const info = this.envReadOf(x);
    if (info) {
      if (!this.recordedEnvNodes.has(x.id)) {
        const own = info.defaultNode ? this.value(info.defaultNode, ctx.scope) : info.schemaDefault;
        const def = own ?? (orFallback && !info.required ? this.value(orFallback, ctx.scope) : undefined);
        this.pushEnvRead(x, info, def, info.hasDefault || (!!orFallback && !info.required), ctx, guarded && !info.required);
        if (info.defaultNode) this.literal(this.envReadLabel(info), info.name, info.defaultNode, ctx, 'env-default');
      }
      return;
    }
    const fn = field(x, 'function');
    if (!fn) return;
    const callee = dottedName(fn) ?? factoryCallee(fn);
    if (!callee) return;
    const last = callee.split('.').pop()!;
    const argsNode = field(x, 'arguments');
    // app.config.update(...) / from_mapping(...) / setdefault(...)
    if (/(^|\.)config\.(update|from_mapping|setdefault)$/.test(callee)) this.configCall(callee, last, argsNode, ctx);
    // MIDDLEWARE.append / insert / extend in Django settings
    if (this.fact.django && ctx.module && /^(INSTALLED_APPS|MIDDLEWARE|MIDDLEWARE_CLASSES)\.(append|insert|extend)$/.test(callee)) {
      const [listName, method] = callee.split('.') as [string, string];
      const args = named(argsNode);
      const item = method === 'insert' ? args[1] : args[0];
      if (item) this.djangoList(listName, item, method === 'extend' ? 'extend' : 'append');
    }
    if (callee === 'app.register_error_handler' || last === 'register_error_handler' || last === 'add_exception_handler') {
      const args = named(argsNode);
      const fnName = args[1] ? dottedName(args[1]) : undefined;
      if (fnName) this.pendingHandlers.push({ kind: last === 'add_exception_handler' ? 'exception_handler' : 'errorhandler', handles: args[0] ? shortText(args[0]) : '', fn: fnName });
    }
    if (!RECORDED_CALLS.has(last) && last !== 'CORSMiddleware') return;
    const args: PyValue[] = [];
    const kwargs: Record<string, PyValue> = {};
    const kwargPos: Record<string, { line: number; column: number }> = {};
    let spread = false;
    for (const a of named(argsNode)) {
      if (a.type === 'keyword_argument') {
        const k = field(a, 'name');
        const v = field(a, 'value');
        if (k && v) { kwargs[k.text] = this.value(v, ctx.scope); kwargPos[k.text] = this.pos(k); }
      } else if (a.type === 'list_splat' || a.type === 'dictionary_splat') spread = true;
      else if (a.type !== 'comment') args.push(this.value(a, ctx.scope));
    }
    const rec: PyCall = { callee, name: last, args, kwargs, kwargPos, spread, inMainGuard: ctx.mainGuard, environment: ctx.env, ...this.pos(x) };
    const q = this.qualify(callee);
    if (q !== callee) (rec as PyCall & { qualified?: string }).qualified = q;
    if (ctx.fn) rec.function = ctx.fn;
    this.fact.calls.push(rec);
  }

  private readonly pendingHandlers: { kind: ErrorHandler['kind']; handles: string; fn: string }[] = [];

  private configCall(callee: string, method: string, argsNode: TSNode | undefined, ctx: Ctx): void {
    const object = callee.replace(/\.config\.\w+$/, '');
    const via: AssignmentVia = method === 'update' ? 'config-update' : method === 'from_mapping' ? 'config-mapping' : 'config-setdefault';
    const args = named(argsNode);
    if (method === 'setdefault') {
      const k = args[0] ? stringValue(unparen(args[0])) : undefined;
      if (k !== undefined && args[1]) {
        this.record({ key: k, target: `${callee}('${k}')`, via, object, value: this.value(args[1], ctx.scope), environment: ctx.env, ...this.pos(args[0]!) }, ctx);
        this.literal(`${object}.config['${k}']`, k, args[1], ctx, 'dict-key');
      }
      return;
    }
    for (const a of args) {
      if (a.type === 'keyword_argument') {
        const k = field(a, 'name');
        const v = field(a, 'value');
        if (k && v) this.record({ key: k.text, target: `${callee}(${k.text}=)`, via, object, value: this.value(v, ctx.scope), environment: ctx.env, ...this.pos(k) }, ctx);
        continue;
      }
      // update({...}) / update(dict(...)) / from_mapping(mapping)
      const v = this.value(a, ctx.scope);
      const d = v.kind === 'ref' && v.value ? v.value : v;
      if (d.kind === 'dict') {
        for (const e of d.entries) this.record({ key: e.key, target: `${callee}({'${e.key}'})`, via, object, value: e.value, environment: ctx.env, line: e.line, column: e.column }, ctx);
      }
    }
  }

  // ---------------------------------------------------------------- env reads

  private envReadLabel(info: EnvReadInfo): string {
    return `${info.via}('${info.name}')`;
  }

  /** Maps a read and what surrounds it onto the one env-read analysis (src/facts/env-read.ts). */
  private pushEnvRead(node: TSNode, info: EnvReadInfo, def: PyValue | undefined, hasDefault: boolean, ctx: Ctx, guarded: boolean): void {
    this.recordedEnvNodes.add(node.id);
    const p = this.pos(node);
    const dv = def?.resolved;
    let literal: string | undefined;
    if (def && dv !== undefined && dv !== null && typeof dv !== 'object') literal = pyStr(castValue(dv, info.cast) ?? dv);
    else if (def?.kind === 'str') literal = def.value;
    this.fact.envReads.push(
      envRead({
        key: info.name,
        via: info.via,
        file: this.opts.file,
        ...p,
        fallback: hasDefault || info.hasDefault ? { literal } : undefined,
        presenceTest: guarded,
        presenceGuard: ctx.envGuard,
        devOnlyBranch: ctx.mainGuard,
        alternatives: this.alternativesOf.get(node.id),
        environment: ctx.env !== this.opts.environment ? ctx.env : undefined,
      }),
    );
    if (def && isSecretName(info.name) && def.kind === 'str') this.register(def.value);
  }

  /** Recognizes an environment-variable read. */
  envReadOf(node: TSNode): EnvReadInfo | undefined {
    if (node.type === 'subscript') {
      const obj = field(node, 'value');
      const name = this.subscriptKey(node);
      if (!obj || name === undefined) return undefined;
      const d = dottedName(obj);
      if (d && this.qualify(d) === 'os.environ') return { name, via: 'os.environ[]', hasDefault: false, required: true };
      return undefined;
    }
    if (node.type !== 'call') return undefined;
    const fn = field(node, 'function');
    const callee = fn ? dottedName(fn) : undefined;
    if (!callee) return undefined;
    const q = this.qualify(callee);
    const args = named(field(node, 'arguments'));
    const pos = args.filter((a) => a.type !== 'keyword_argument' && a.type !== 'comment');
    const kw = new Map<string, TSNode>();
    for (const a of args) if (a.type === 'keyword_argument') { const k = field(a, 'name'); const v = field(a, 'value'); if (k && v) kw.set(k.text, v); }
    const first = pos[0] ? stringValue(unparen(pos[0])) : kw.get('key') ? stringValue(unparen(kw.get('key')!)) : undefined;
    if (first === undefined) return undefined;
    const castOf = (n: TSNode | undefined): string | undefined => {
      if (!n) return undefined;
      const u = unparen(n);
      const t = u.type === 'call' ? dottedName(field(u, 'function')!) : u.text;
      const lastT = t?.split('.').pop() ?? '';
      return ENV_CASTS[lastT];
    };
    switch (q) {
      case 'os.environ.get':
      case 'os.getenv': {
        const d = pos[1] ?? kw.get('default');
        return { name: first, via: q === 'os.getenv' ? 'os.getenv' : 'os.environ.get', hasDefault: !!d, required: false, defaultNode: d };
      }
      case 'os.environ.setdefault':
        return { name: first, via: 'os.environ.setdefault', hasDefault: !!pos[1], required: false, defaultNode: pos[1] };
      case 'os.environ.pop':
        return { name: first, via: 'os.environ.pop', hasDefault: !!pos[1], required: !pos[1], defaultNode: pos[1] };
      case 'decouple.config': {
        const d = kw.get('default') ?? pos[1];
        return { name: first, via: 'decouple.config', hasDefault: !!d, required: !d, defaultNode: d, cast: castOf(kw.get('cast') ?? pos[2]) };
      }
    }
    const [head, method, ...rest] = callee.split('.');
    if (rest.length) return undefined;
    // django-environ: env("X", cast, default) / env.bool("X", default)
    const schema = this.envObjects.get(head!);
    if (schema) {
      const sch = schema.get(first);
      if (method === undefined) {
        const d = kw.get('default') ?? pos[2];
        const cast = castOf(kw.get('cast') ?? pos[1]) ?? sch?.cast;
        return { name: first, via: 'django-environ', hasDefault: !!d || !!sch?.def, required: !d && !sch?.def, defaultNode: d, schemaDefault: d ? undefined : sch?.def, cast };
      }
      if (method in DJANGO_ENV_METHODS) {
        const d = kw.get('default') ?? pos[1];
        return { name: first, via: 'django-environ', hasDefault: !!d || !!sch?.def, required: !d && !sch?.def, defaultNode: d, schemaDefault: d ? undefined : sch?.def, cast: DJANGO_ENV_METHODS[method] ?? sch?.cast };
      }
      return undefined;
    }
    const flavour = this.configObjects.get(head!);
    // environs: env("X", default) / env.bool("X", default) / env.str("X", default=…)
    if (flavour === 'environs' && (method === undefined || method in ENVIRONS_METHODS)) {
      const d = kw.get('default') ?? pos[1];
      return { name: first, via: 'environs', hasDefault: !!d, required: !d, defaultNode: d, cast: method === undefined ? undefined : ENVIRONS_METHODS[method] };
    }
    if (flavour && flavour !== 'environs' && method === undefined) {
      if (flavour === 'decouple') {
        const d = kw.get('default') ?? pos[1];
        return { name: first, via: 'decouple.config', hasDefault: !!d, required: !d, defaultNode: d, cast: castOf(kw.get('cast') ?? pos[2]) };
      }
      const d = kw.get('default') ?? pos[2];
      return { name: first, via: 'starlette.config', hasDefault: !!d, required: !d, defaultNode: d, cast: castOf(kw.get('cast') ?? pos[1]) };
    }
    return undefined;
  }

  // ---------------------------------------------------------------- evaluator

  /** The structured value of an expression, resolved as far as the file allows. */
  value(node: TSNode, scope: Scope): PyValue {
    const n = unparen(node);
    const at = loc(n);
    switch (n.type) {
      case 'string':
      case 'concatenated_string': {
        const s = stringValue(n);
        if (s !== undefined) return { kind: 'str', value: s, resolved: s, ...at };
        // f-string: the env reads inside still count
        const inner = n.descendantsOfType('interpolation').filter(Boolean).map((i) => this.value(named(i!)[0] ?? i!, scope));
        return { kind: 'expr', text: shortText(n), envNames: mergeNames(...inner), ...at };
      }
      case 'integer':
      case 'float': {
        const v = numberValue(n);
        return v === undefined ? { kind: 'expr', text: shortText(n), ...at } : { kind: 'num', value: v, resolved: v, ...at };
      }
      case 'true':
      case 'false':
        return { kind: 'bool', value: n.type === 'true', resolved: n.type === 'true', ...at };
      case 'none':
        return { kind: 'none', resolved: null, ...at };
      case 'list':
      case 'tuple':
      case 'set':
      case 'expression_list': {
        const items: PyValue[] = [];
        let open = false;
        for (const c of named(n)) {
          if (c.type === 'comment') continue;
          if (c.type === 'list_splat' || c.type === 'parenthesized_list_splat') { open = true; continue; }
          items.push(this.value(c, scope));
        }
        const res = !open && items.every((i) => i.resolved !== undefined) ? items.map((i) => i.resolved!) : undefined;
        return { kind: 'list', items, ...(open ? { open } : {}), resolved: res, envNames: mergeNames(...items), ...at };
      }
      case 'list_comprehension':
      case 'set_comprehension':
      case 'generator_expression':
        return { kind: 'list', items: [], open: true, ...at };
      case 'dictionary': {
        const entries: PyDictEntry[] = [];
        let open = false;
        for (const c of named(n)) {
          if (c.type === 'comment') continue;
          if (c.type !== 'pair') { open = true; continue; }
          const k = field(c, 'key');
          const v = field(c, 'value');
          const key = k ? stringValue(unparen(k)) ?? (k.type === 'integer' ? k.text : undefined) : undefined;
          if (key === undefined || !v) { open = true; continue; }
          entries.push({ key, value: this.value(v, scope), ...loc(k!) });
        }
        return { kind: 'dict', entries, ...(open ? { open } : {}), resolved: this.dictResolved(entries, open), envNames: mergeNames(...entries.map((e) => e.value)), ...at };
      }
      case 'identifier': {
        const bound = scope.get(n.text);
        return { kind: 'ref', name: n.text, ...(bound ? { value: bound, resolved: bound.resolved, envNames: bound.envNames } : {}), ...at };
      }
      case 'attribute': {
        const d = dottedName(n);
        if (d) return { kind: 'ref', name: d, ...at };
        return { kind: 'expr', text: shortText(n), ...at };
      }
      case 'subscript': {
        const info = this.envReadOf(n);
        if (info) return { kind: 'env', name: info.name, via: info.via, hasDefault: false, required: true, envNames: [info.name], ...at };
        return { kind: 'expr', text: shortText(n), ...at };
      }
      case 'call':
        return this.callValue(n, scope, at);
      case 'boolean_operator': {
        const op = field(n, 'operator')?.type;
        const l = this.value(field(n, 'left')!, scope);
        const r = this.value(field(n, 'right')!, scope);
        if (op === 'or' && l.kind === 'env') {
          const useOwn = l.default && l.default.resolved !== undefined && truthy(l.default.resolved);
          const def = useOwn ? l.default! : r;
          return { ...l, hasDefault: true, required: false, default: def, resolved: def.resolved, envNames: mergeNames(l, r), ...at };
        }
        let res: PyLiteral | undefined;
        if (l.resolved !== undefined) {
          const t = truthy(l.resolved);
          res = op === 'or' ? (t ? l.resolved : r.resolved) : t ? r.resolved : l.resolved;
        }
        return { kind: 'expr', text: shortText(n), resolved: res, envNames: mergeNames(l, r), ...at };
      }
      case 'not_operator': {
        const a = this.value(field(n, 'argument')!, scope);
        return { kind: 'expr', text: shortText(n), resolved: a.resolved === undefined ? undefined : !truthy(a.resolved), envNames: a.envNames, ...at };
      }
      case 'comparison_operator':
        return this.comparison(n, scope, at);
      case 'binary_operator': {
        const l = this.value(field(n, 'left')!, scope);
        const r = this.value(field(n, 'right')!, scope);
        const op = field(n, 'operator')?.type;
        return { kind: 'expr', text: shortText(n), resolved: binary(op, l.resolved, r.resolved), envNames: mergeNames(l, r), ...at };
      }
      case 'unary_operator': {
        const a = this.value(field(n, 'argument')!, scope);
        const op = field(n, 'operator')?.type;
        const res = typeof a.resolved === 'number' ? (op === '-' ? -a.resolved : op === '+' ? a.resolved : undefined) : undefined;
        if (res !== undefined && a.kind === 'num') return { kind: 'num', value: res, resolved: res, ...at };
        return { kind: 'expr', text: shortText(n), resolved: res, envNames: a.envNames, ...at };
      }
      case 'conditional_expression': {
        const [a, c, b] = named(n) as [TSNode, TSNode, TSNode];
        const va = this.value(a, scope);
        const vc = this.value(c, scope);
        const vb = this.value(b, scope);
        const res = vc.resolved === undefined ? undefined : truthy(vc.resolved) ? va.resolved : vb.resolved;
        return { kind: 'expr', text: shortText(n), resolved: res, envNames: mergeNames(va, vc, vb), ...at };
      }
      default:
        return { kind: 'expr', text: shortText(n), ...at };
    }
  }

  private dictResolved(entries: PyDictEntry[], open: boolean): PyLiteral | undefined {
    if (open || entries.some((e) => e.value.resolved === undefined)) return undefined;
    const o: Record<string, PyLiteral> = {};
    for (const e of entries) o[e.key] = e.value.resolved!;
    return o;
  }

  private comparison(n: TSNode, scope: Scope, at: PyLoc): PyValue {
    const kids = n.children.filter(Boolean) as TSNode[];
    const operands = kids.filter((c) => c.isNamed).map((c) => this.value(c, scope));
    const ops: string[] = [];
    let cur = '';
    for (const c of kids) {
      if (c.isNamed) { if (cur) { ops.push(cur.trim()); cur = ''; } } else cur += ' ' + c.type;
    }
    const envNames = mergeNames(...operands);
    let res: boolean | undefined = true;
    for (let i = 0; i < ops.length && res !== undefined; i++) {
      const a = operands[i]?.resolved;
      const b = operands[i + 1]?.resolved;
      if (a === undefined || b === undefined) { res = undefined; break; }
      let r: boolean | undefined;
      switch (ops[i]) {
        case '==': r = pyEquals(a, b); break;
        case '!=': r = !pyEquals(a, b); break;
        case 'is': r = a === null || b === null || typeof a === 'boolean' ? a === b : undefined; break;
        case 'is not': r = a === null || b === null || typeof a === 'boolean' ? a !== b : undefined; break;
        case 'in': r = pyIn(a, b); break;
        case 'not in': { const x = pyIn(a, b); r = x === undefined ? undefined : !x; break; }
        case '<': case '>': case '<=': case '>=':
          r = typeof a === 'number' && typeof b === 'number' ? (ops[i] === '<' ? a < b : ops[i] === '>' ? a > b : ops[i] === '<=' ? a <= b : a >= b) : undefined;
          break;
        default: r = undefined;
      }
      res = r === undefined ? undefined : res && r;
    }
    return { kind: 'expr', text: shortText(n), resolved: res, envNames, ...at };
  }

  private callValue(n: TSNode, scope: Scope, at: PyLoc): PyValue {
    const info = this.envReadOf(n);
    if (info) {
      const def = info.defaultNode ? this.value(info.defaultNode, scope) : info.schemaDefault;
      let resolved: PyLiteral | undefined;
      if (def) resolved = def.resolved === undefined ? undefined : castValue(def.resolved, info.cast);
      else resolved = info.required ? undefined : null;
      return { kind: 'env', name: info.name, via: info.via, hasDefault: info.hasDefault, required: info.required, ...(def ? { default: def } : {}), resolved, envNames: mergeNames(def, { envNames: [info.name] } as PyValue), ...at };
    }
    const fn = field(n, 'function')!;
    const argsNode = field(n, 'arguments');
    const args: PyValue[] = [];
    const kwargs: Record<string, PyValue> = {};
    for (const a of named(argsNode)) {
      if (a.type === 'keyword_argument') {
        const k = field(a, 'name');
        const v = field(a, 'value');
        if (k && v) kwargs[k.text] = this.value(v, scope);
      } else if (a.type !== 'comment' && a.type !== 'list_splat' && a.type !== 'dictionary_splat') args.push(this.value(a, scope));
    }
    const all = [...args, ...Object.values(kwargs)];
    // Method call on a value: os.environ.get("X", "False").lower()
    if (fn.type === 'attribute') {
      const recvNode = field(fn, 'object')!;
      const method = field(fn, 'attribute')!.text;
      const callee = dottedName(fn);
      const recv = callee && !this.isValueExpr(recvNode) ? undefined : this.value(recvNode, scope);
      if (recv) {
        const r = recv.resolved;
        let res: PyLiteral | undefined;
        if (typeof r === 'string') {
          const a0 = args[0]?.resolved;
          switch (method) {
            case 'lower': case 'casefold': res = r.toLowerCase(); break;
            case 'upper': res = r.toUpperCase(); break;
            case 'strip': res = typeof a0 === 'string' ? stripChars(r, a0) : r.trim(); break;
            case 'lstrip': res = r.trimStart(); break;
            case 'rstrip': res = r.trimEnd(); break;
            case 'title': case 'capitalize': res = r.length ? r[0]!.toUpperCase() + r.slice(1).toLowerCase() : r; break;
            case 'split': res = typeof a0 === 'string' ? r.split(a0) : r.trim() === '' ? [] : r.trim().split(/\s+/); break;
            case 'startswith': res = typeof a0 === 'string' ? r.startsWith(a0) : undefined; break;
            case 'endswith': res = typeof a0 === 'string' ? r.endsWith(a0) : undefined; break;
            case 'isdigit': res = /^\d+$/.test(r); break;
          }
        } else if (r === null && method === 'lower') res = undefined; // AttributeError at runtime
        const callee2 = `${method}`;
        return { kind: 'call', callee: callee ?? callee2, args, kwargs, receiver: recv, resolved: res, envNames: mergeNames(recv, ...all), ...at };
      }
    }
    const callee = dottedName(fn) ?? shortText(fn);
    const last = callee.split('.').pop()!;
    let res: PyLiteral | undefined;
    const a0 = args[0]?.resolved;
    if (!callee.includes('.') || /^(distutils\.util|str2bool)/.test(callee)) {
      switch (last) {
        case 'str': res = args.length === 0 ? '' : a0 === undefined ? undefined : pyStr(a0); break;
        case 'int': res = args.length === 0 ? 0 : a0 === undefined ? undefined : castValue(a0, 'int'); break;
        case 'float': res = a0 === undefined ? undefined : castValue(a0, 'float'); break;
        case 'bool': res = args.length === 0 ? false : a0 === undefined ? undefined : truthy(a0); break;
        case 'strtobool':
        case 'str2bool':
        case 'to_bool':
        case 'as_bool':
        case 'parse_bool': {
          const b = a0 === undefined ? undefined : castValue(a0, 'bool');
          res = b === undefined ? undefined : last === 'strtobool' ? (b ? 1 : 0) : b;
          break;
        }
        case 'list': case 'tuple': case 'set': res = args.length === 0 ? [] : Array.isArray(a0) ? a0 : undefined; break;
        case 'dict': {
          if (args.length === 0) {
            const entries: PyDictEntry[] = Object.entries(kwargs).map(([key, value]) => ({ key, value, line: value.line, column: value.column, endLine: value.endLine, endColumn: value.endColumn }));
            return { kind: 'dict', entries, resolved: this.dictResolved(entries, false), envNames: mergeNames(...all), ...at };
          }
        }
      }
    }
    return { kind: 'call', callee, args, kwargs, resolved: res, envNames: mergeNames(...all), ...at };
  }

  /** Is the receiver of a method call a value (string, env read) rather than a module path? */
  private isValueExpr(n: TSNode): boolean {
    const u = unparen(n);
    if (u.type === 'identifier') return !this.imports.has(u.text);
    if (u.type === 'attribute') return false;
    return true;
  }

  // ---------------------------------------------------------------- classes

  /** Subclasses inherit attributes of their bases in this file; bases learn who shadows them. */
  private inheritance(): void {
    const ancestors = (name: string, seen = new Set<string>()): string[] => {
      const c = this.classes.get(name);
      if (!c || seen.has(name)) return [];
      seen.add(name);
      const out: string[] = [];
      for (const b of c.bases) {
        if (this.classes.has(b)) { out.push(b, ...ancestors(b, seen)); }
      }
      return out;
    };
    for (const [name, info] of this.classes) {
      const chain = ancestors(name);
      if (!chain.length) continue;
      const have = new Set(info.keys);
      for (const anc of chain) {
        const ainfo = this.classes.get(anc)!;
        for (const a of this.classAssignments.get(anc) ?? []) {
          // This subclass decides the value for its environment: the base entry is shadowed there.
          if (info.env && info.env !== ainfo.env && info.env !== SHARED) {
            a.shadowedFor = [...new Set([...(a.shadowedFor ?? []), info.env])];
          }
          if (have.has(a.key)) continue;
          have.add(a.key);
          if (info.env === ainfo.env) continue; // same environment: the base entry already counts
          this.fact.assignments.push({ ...a, className: name, classBases: info.bases, inheritedFrom: anc, environment: info.env ?? a.environment, shadowedFor: undefined });
        }
        for (const k of ainfo.keys) have.add(k);
      }
    }
    for (const a of this.fact.assignments) if (a.shadowedFor === undefined) delete a.shadowedFor;
  }

  // ---------------------------------------------------------------- error handlers

  private postHandlers(): void {
    for (const p of this.pendingHandlers) {
      const def = this.functions.get(p.fn);
      if (!def) continue;
      const body = field(def, 'body');
      if (!body) continue;
      const params = named(field(def, 'parameters')).map((x) => (x.type === 'identifier' ? x.text : field(x, 'name')?.text ?? named(x)[0]?.text)).filter((x): x is string => !!x && x !== 'self');
      const exc = p.kind === 'exception_handler' ? params[1] : params[0];
      if (this.fact.errorHandlers.some((h) => h.function === p.fn && h.kind !== 'except')) continue;
      this.recordHandler(p.kind, p.handles, p.fn, def, body, exc, this.opts.environment);
    }
  }

  private recordHandler(kind: ErrorHandler['kind'], handles: string, fn: string, def: TSNode, body: TSNode, exc: string | undefined, env: EnvName): void {
    const exposures = this.exposures(body, exc ? new Set([exc]) : new Set(), false);
    const p = this.pos(field(def, 'name') ?? def);
    this.fact.errorHandlers.push({ kind, handles, function: fn, exposures, environment: env, ...p });
  }

  /** `except Exception as e: return jsonify(error=str(e))` inside a view. */
  private exceptExposures(fn: string, body: TSNode, env: EnvName): void {
    const visit = (n: TSNode, guarded: boolean): void => {
      for (const c of named(n)) {
        if (c.type === 'function_definition' || c.type === 'class_definition' || c.type === 'decorated_definition') continue;
        if (c.type === 'except_clause' || c.type === 'except_group_clause') {
          const asPat = named(c).find((x) => x.type === 'as_pattern');
          const alias = asPat ? named(asPat).find((x) => x.type === 'as_pattern_target')?.text : undefined;
          const block = named(c).find((x) => x.type === 'block');
          if (alias && block) {
            const exps = this.exposures(block, new Set([alias]), guarded);
            if (exps.length) {
              const p = this.pos(c);
              const handles = asPat ? shortText(named(asPat)[0]!) : '';
              this.fact.errorHandlers.push({ kind: 'except', handles, function: fn, exposures: exps, environment: env, ...p });
            }
          }
          if (block) visit(block, guarded);
          continue;
        }
        if (c.type === 'if_statement') {
          const cond = field(c, 'condition');
          const cls = cond ? this.classifyCondition(cond) : {};
          visit(c, guarded || !!cls.then || !!cls.else);
          continue;
        }
        visit(c, guarded);
      }
    };
    visit(body, false);
  }

  /** Returns / raises in `body` whose value carries the exception's text. */
  private exposures(body: TSNode, excNames: Set<string>, guardedIn: boolean): ErrorExposure[] {
    const tainted = new Map<string, ExposureKind>();
    const out: ErrorExposure[] = [];
    const kindIn = (n: TSNode): ExposureKind | undefined => {
      const u = unparen(n);
      if (u.type === 'call') {
        const callee = dottedName(field(u, 'function')!) ?? '';
        const args = named(field(u, 'arguments'));
        const a0 = args[0] ? unparen(args[0]) : undefined;
        if ((callee === 'str' || callee === 'repr' || callee === 'format') && a0 && a0.type === 'identifier' && excNames.has(a0.text)) return callee === 'repr' ? 'repr(e)' : 'str(e)';
        if (/^traceback\.(format_exc|format_exception|format_tb|format_stack|extract_tb)$/.test(this.qualify(callee)) || /^(format_exc|format_exception)$/.test(callee)) return 'traceback';
        if (/\.format$/.test(callee) && args.some((a) => a.type === 'identifier' && excNames.has(a.text))) return 'format';
      }
      if (u.type === 'attribute') {
        const o = field(u, 'object');
        const a = field(u, 'attribute')?.text;
        if (o?.type === 'identifier' && excNames.has(o.text) && (a === 'args' || a === 'message' || a === 'strerror' || a === '__str__')) return 'e.args';
      }
      if (u.type === 'interpolation') {
        const e = named(u)[0];
        if (e && e.type === 'identifier' && excNames.has(e.text)) return 'f-string';
      }
      if (u.type === 'binary_operator' && field(u, 'operator')?.type === '%') {
        const r = field(u, 'right');
        const ru = r ? unparen(r) : undefined;
        if (ru && (ru.type === 'identifier' && excNames.has(ru.text) || ru.type === 'tuple' && named(ru).some((x) => x.type === 'identifier' && excNames.has(x.text)))) return 'format';
      }
      if (u.type === 'identifier' && tainted.has(u.text)) return tainted.get(u.text);
      for (const c of named(u)) {
        if (c.type === 'lambda') continue;
        const k = kindIn(c);
        if (k) return k;
      }
      return undefined;
    };
    const visit = (n: TSNode, guardedIn: boolean): void => {
      let guarded = guardedIn;
      for (const c of named(n)) {
        if (c.type === 'function_definition' || c.type === 'class_definition' || c.type === 'decorated_definition') continue;
        if (c.type === 'expression_statement') {
          for (const e of named(c)) {
            if (e.type === 'assignment') {
              const l = field(e, 'left');
              const r = field(e, 'right');
              if (l?.type === 'identifier' && r) {
                const k = kindIn(r);
                if (k) tainted.set(l.text, k);
                else tainted.delete(l.text);
              }
            } else if (e.type === 'call') {
              // abort(500, str(e)) / abort(500, description=str(e))
              const callee = dottedName(field(e, 'function')!) ?? '';
              if (/(^|\.)abort$/.test(callee)) {
                const k = kindIn(field(e, 'arguments')!);
                if (k) out.push({ kind: k, ...this.pos(e), guarded });
              }
            }
          }
          continue;
        }
        if (c.type === 'return_statement' || c.type === 'raise_statement') {
          const e = named(c)[0];
          if (e) {
            // `raise` re-raising the exception itself is not an exposure; `raise HTTPException(detail=str(e))` is.
            const k = c.type === 'raise_statement' && !(unparen(e).type === 'call' && /HTTPException|APIException|ValidationError/.test(dottedName(field(unparen(e), 'function')!) ?? '')) ? undefined : kindIn(e);
            if (k) out.push({ kind: k, ...this.pos(e), guarded });
          }
          continue;
        }
        if (c.type === 'if_statement') {
          const cond = field(c, 'condition');
          const cls = cond ? this.classifyCondition(cond) : {};
          const envDependent = !!cls.then || !!cls.else;
          visit(c, guarded || envDependent);
          // `if ENV == 'production': return generic` — what follows runs only in the other environments.
          const cons = field(c, 'consequence');
          const last = cons ? named(cons).filter((x) => x.type !== 'comment').pop() : undefined;
          if (envDependent && !c.childrenForFieldName('alternative').some(Boolean) && (last?.type === 'return_statement' || last?.type === 'raise_statement')) guarded = true;
          continue;
        }
        visit(c, guarded);
      }
    };
    visit(body, guardedIn);
    return out;
  }

  // ---------------------------------------------------------------- uploads

  private fileSaves(fn: string, body: TSNode, env: EnvName): void {
    if (!body.text.includes('.save(')) return;
    const raw = new Set<string>();
    const rawIn = (n: TSNode): boolean => {
      const u = unparen(n);
      if (u.type === 'call') {
        const callee = dottedName(field(u, 'function')!) ?? '';
        // secure_filename() sanitizes; splitext() keeps only the extension; generated names carry nothing of the client's
        if (/(^|\.)(secure_filename|splitext|uuid4|uuid1|token_hex|token_urlsafe)$/.test(callee)) return false;
      }
      if (u.type === 'attribute' && field(u, 'attribute')?.text === 'filename') return true;
      if (u.type === 'identifier' && raw.has(u.text)) return true;
      return named(u).some((c) => rawIn(c));
    };
    const visit = (n: TSNode): void => {
      for (const c of named(n)) {
        if (c.type === 'function_definition' || c.type === 'class_definition' || c.type === 'decorated_definition') continue;
        if (c.type === 'assignment') {
          const l = field(c, 'left');
          const r = field(c, 'right');
          if (l?.type === 'identifier' && r) {
            if (rawIn(r)) raw.add(l.text);
            else raw.delete(l.text);
          }
        }
        if (c.type === 'call') {
          const f = field(c, 'function');
          if (f?.type === 'attribute' && field(f, 'attribute')?.text === 'save') {
            const args = named(field(c, 'arguments')).filter((a) => a.type !== 'keyword_argument' || field(a, 'name')?.text === 'dst');
            if (args.length) {
              const rawName = args.some((a) => rawIn(a.type === 'keyword_argument' ? field(a, 'value')! : a));
              this.fact.fileSaves.push({ rawFilename: rawName, function: fn, environment: env, ...this.pos(c) });
            }
          }
        }
        visit(c);
      }
    };
    visit(body);
  }

  // ---------------------------------------------------------------- django lists

  private djangoList(name: string, valueNode: TSNode, mode: 'set' | 'extend' | 'append'): void {
    if (!/^(INSTALLED_APPS|MIDDLEWARE|MIDDLEWARE_CLASSES)$/.test(name)) return;
    const v = unparen(valueNode);
    const p = this.pos(v);
    const cur: ListSetting = mode === 'set' ? { items: [], open: false, line: p.line, column: p.column } : this.djangoLists.get(name) ?? { items: [], open: false, extends: true, line: p.line, column: p.column };
    const add = (n: TSNode): void => {
      const u = unparen(n);
      if (mode === 'append') {
        const s = stringValue(u);
        if (s !== undefined) cur.items.push({ value: s, ...this.pos(u) });
        else cur.open = true;
        return;
      }
      if (u.type === 'list' || u.type === 'tuple') {
        for (const c of named(u)) {
          if (c.type === 'comment') continue;
          const s = stringValue(unparen(c));
          if (s !== undefined) cur.items.push({ value: s, ...this.pos(c) });
          else cur.open = true;
        }
      } else if (u.type === 'binary_operator' && field(u, 'operator')?.type === '+') {
        add(field(u, 'left')!);
        add(field(u, 'right')!);
      } else if (u.type === 'identifier' && u.text === name && mode === 'set') {
        // MIDDLEWARE = MIDDLEWARE + [...]: keep what came before
        const prev = this.djangoLists.get(name);
        if (prev) { cur.items.push(...prev.items); cur.open ||= prev.open; } else cur.open = true;
      } else cur.open = true;
    };
    add(v);
    this.djangoLists.set(name, cur);
  }
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function stripChars(s: string, chars: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && chars.includes(s[a]!)) a++;
  while (b > a && chars.includes(s[b - 1]!)) b--;
  return s.slice(a, b);
}

function binary(op: string | undefined, a: PyLiteral | undefined, b: PyLiteral | undefined): PyLiteral | undefined {
  if (a === undefined || b === undefined) return undefined;
  if (op === '+') {
    if (typeof a === 'string' && typeof b === 'string') return a + b;
    if (typeof a === 'number' && typeof b === 'number') return a + b;
    if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
    return undefined;
  }
  if (typeof a !== 'number' || typeof b !== 'number') return undefined;
  switch (op) {
    case '-': return a - b;
    case '*': return a * b;
    case '/': return b === 0 ? undefined : a / b;
    case '//': return b === 0 ? undefined : Math.floor(a / b);
    case '%': return b === 0 ? undefined : ((a % b) + b) % b;
    case '**': return a ** b;
    default: return undefined;
  }
}

