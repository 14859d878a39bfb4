/**
 * Read-only helpers over python facts for rules (flask, django, fastapi, gunicorn, code): which
 * entries count for the target environment, following references, describing where a value comes
 * from. Nothing here reports.
 */
import type { EnvName, RuleContext } from '../../contracts/types.js';
import type { PyAssignment, PyCall, PyLiteral, PyStr, PyValue, PythonFact } from './types.js';

/** Entries that count when judging the target: their environment is judged and no subclass decides instead. */
export function judged<T extends { environment: EnvName; shadowedFor?: EnvName[] }>(items: readonly T[], ctx: RuleContext): T[] {
  return items.filter((i) => ctx.judges(i.environment) && !i.shadowedFor?.includes(ctx.environment));
}

export interface Setting {
  fact: PythonFact;
  a: PyAssignment;
}

/**
 * Judged assignments of `keys` across facts, one per source position (a base-class attribute
 * inherited by several production classes is one place to fix).
 */
export function settingsOf(facts: readonly PythonFact[], ctx: RuleContext, keys: ReadonlySet<string> | ((key: string) => boolean), accept: (fact: PythonFact, a: PyAssignment) => boolean = () => true): Setting[] {
  const has = typeof keys === 'function' ? keys : (k: string) => keys.has(k);
  const seen = new Set<string>();
  const out: Setting[] = [];
  for (const fact of facts) {
    for (const a of judged(fact.assignments, ctx)) {
      if (!has(a.key) || !accept(fact, a)) continue;
      const id = `${fact.file}:${a.line}:${a.column}:${a.key}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ fact, a });
    }
  }
  return out;
}

/** Follows `name` references to the value they are bound to in the same file. */
export function deref(v: PyValue | undefined): PyValue | undefined {
  let cur = v;
  for (let i = 0; cur && cur.kind === 'ref' && cur.value && i < 10; i++) cur = cur.value;
  return cur;
}

/** The value reads the environment (its resolved value is then the fallback used when the variable is missing). */
export function fromEnv(v: PyValue | undefined): boolean {
  return !!v?.envNames?.length;
}

/** Is the resolved value known? (`null` is Python None, and known.) */
export function known(v: PyValue | undefined): v is PyValue & { resolved: PyLiteral } {
  return !!v && v.resolved !== undefined;
}

/** Python truthiness of a known value; undefined when unknown. */
export function truthyValue(v: PyValue | undefined): boolean | undefined {
  return known(v) ? truthy(v.resolved) : undefined;
}

/** The string literals of a value: a string, or the strings of a list / tuple / set (references followed). */
export function stringItems(v: PyValue | undefined): PyStr[] {
  const d = deref(v);
  if (!d) return [];
  if (d.kind === 'str') return [d];
  if (d.kind === 'list') return d.items.flatMap((i) => stringItems(i));
  return [];
}

/** An entry of a dict value (references followed). */
export function dictGet(v: PyValue | undefined, key: string): PyValue | undefined {
  const d = deref(v);
  if (d?.kind !== 'dict') return undefined;
  return d.entries.find((e) => e.key === key)?.value;
}

/** A keyword argument or a positional one (0-based) of a call. */
export function argOf(call: { args: PyValue[]; kwargs: Record<string, PyValue> }, kw: string, index?: number): PyValue | undefined {
  return call.kwargs[kw] ?? (index !== undefined ? call.args[index] : undefined);
}

/** Where a value comes from, for messages: the environment variable(s) it reads, or nothing for a literal. */
export function envNote(v: PyValue): { en: string; ja: string } {
  const names = v.envNames ?? [];
  if (!names.length) return { en: '', ja: '' };
  const list = names.join(', ');
  return { en: ` when ${list} is not set`, ja: `(${list} が未設定のとき)` };
}

/** The project uses Flask (some file imports flask or a Flask extension). */
export function usesFlask(facts: readonly PythonFact[]): boolean {
  return facts.some((f) => f.imports.some((m) => m === 'flask' || m.startsWith('flask_')) || f.flaskApps.length > 0 && f.imports.some((m) => m.startsWith('flask')));
}

function base(path: string): string {
  return (path.split('/').pop() ?? path).toLowerCase();
}

/** A file whose name makes its module-level names Flask configuration (`config.py`, `instance/config.py`, `default_settings.py`, `*_config.py` …). */
export function isFlaskConfigModuleName(path: string): boolean {
  return /^(config|configs|settings|default_settings|default_config|app_config|flask_config|base_config|.*_config|.*_settings)\.py$/.test(base(path));
}

/** A module whose module-level names are Flask configuration (by its name, or a module that imports flask). */
function flaskConfigModule(fact: PythonFact): boolean {
  if (fact.django || fact.gunicornConfig) return false;
  if (isFlaskConfigModuleName(fact.file)) return true;
  return fact.imports.some((m) => m === 'flask' || m.startsWith('flask_'));
}

/** Is this assignment Flask configuration? (app.config, app attributes, Config classes, config modules) */
export function isFlaskSetting(fact: PythonFact, a: PyAssignment): boolean {
  switch (a.via) {
    case 'config-item':
    case 'config-update':
    case 'config-mapping':
    case 'config-setdefault':
    case 'app-attribute':
      return !fact.django;
    case 'class':
      if (fact.django || a.value.kind === 'env' && a.value.via === 'pydantic-settings') return false;
      return /(Config|Configuration|Settings)$/.test(a.className ?? '') || (a.classBases ?? []).some((b) => /(Config|Configuration|Settings)$/.test(b));
    case 'module':
    case 'augmented':
      return flaskConfigModule(fact);
  }
}

/** Facts of Django settings modules, grouped by settings package (directory). */
export function djangoGroups(facts: readonly PythonFact[]): Map<string, PythonFact[]> {
  const groups = new Map<string, PythonFact[]>();
  for (const f of facts) {
    if (!f.django) continue;
    const dir = f.file.includes('/') ? f.file.slice(0, f.file.lastIndexOf('/')) : '';
    const list = groups.get(dir) ?? [];
    list.push(f);
    groups.set(dir, list);
  }
  return groups;
}

/**
 * Every file parsed cleanly. A rule that reports a setting as absent stays silent otherwise: the
 * setting may be in the part that failed to parse (the parse error itself is the report's entry).
 */
export function readInFull(facts: readonly PythonFact[]): boolean {
  return facts.every((f) => !f.parseError);
}

/** The settings module of a group a finding about a missing setting points at: the target's own module first. */
export function djangoAnchor(group: readonly PythonFact[], target: EnvName): PythonFact {
  return (
    group.find((f) => f.environment === target) ??
    group.find((f) => /(^|\/)settings\.py$/.test(f.file)) ??
    group.find((f) => /(^|\/)(base|common|defaults?)\.py$/.test(f.file)) ??
    group[0]!
  );
}

/** The last judged module-level assignment of `key` in a Django settings group (later modules override earlier ones: the target's own module wins). */
export function djangoSetting(group: readonly PythonFact[], ctx: RuleContext, key: string): Setting | undefined {
  const ordered = [...group].sort((x, y) => rank(x, ctx.environment) - rank(y, ctx.environment));
  let found: Setting | undefined;
  for (const fact of ordered) {
    for (const a of judged(fact.assignments, ctx)) {
      if (a.key === key && a.via === 'module') found = { fact, a };
    }
  }
  return found;
}

function rank(f: PythonFact, target: EnvName): number {
  if (f.environment === target) return 2;
  if (/(^|\/)(base|common|defaults?)\.py$/.test(f.file)) return 0;
  return 1;
}

/** ` in ProductionConfig` / ` (ProductionConfig inherits it from Config)` for messages; empty for plain settings. */
export function placeOf(a: PyAssignment): { en: string; ja: string } {
  if (a.inheritedFrom && a.className) return { en: ` (${a.className} inherits it from ${a.inheritedFrom})`, ja: `(${a.className} が ${a.inheritedFrom} から継承)` };
  if (a.className) return { en: ` in ${a.className}`, ja: `(${a.className})` };
  return { en: '', ja: '' };
}

/** A Python literal as source text, for messages about non-secret settings (`True`, `'*'`, `0`). */
export function pyRepr(v: PyLiteral): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return `'${v.length > 60 ? v.slice(0, 57) + '...' : v}'`;
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  return '{…}';
}

/** Is `call` a `<app>.run(...)` of a Flask application (or `socketio.run(app)`)? */
export function isFlaskRun(fact: PythonFact, call: { callee: string; name: string; args: PyValue[] }): boolean {
  if (call.name !== 'run') return false;
  const recv = call.callee.slice(0, -'.run'.length);
  if (!recv) return false;
  // `create_app().run(…)`: the development server started on an application factory's result.
  const factory = /^([A-Za-z_][\w.]*)\(\)$/.exec(recv)?.[1];
  if (factory) {
    const fn = factory.split('.').pop()!;
    if (!/^(create|make|build|get|init|new)_?(flask_?)?app(lication)?$/i.test(fn)) return false;
    return fact.imports.some((m) => m === 'flask' || m.startsWith('flask_')) || (fact.importedNames ?? []).some((n) => n.split('.').pop() === fn) || fact.flaskApps.length > 0;
  }
  if (recv.includes('(')) return false;
  if (fact.flaskApps.includes(recv)) return true;
  const flaskFile = fact.imports.some((m) => m === 'flask' || m.startsWith('flask_'));
  if (/(^|_)(socketio|sio)$/.test(recv)) return fact.imports.includes('flask_socketio');
  return flaskFile && /^(app|application|flask_app|server|\w+_app)$/.test(recv) && !fact.imports.some((m) => m === 'fastapi' || m === 'sanic');
}

/** Every callee called inside a value (arguments, receivers, env fallbacks, references followed). */
export function calleesIn(v: PyValue | undefined, depth = 0): string[] {
  if (!v || depth > 8) return [];
  switch (v.kind) {
    case 'call':
      return [v.callee, ...calleesIn(v.receiver, depth + 1), ...v.args.flatMap((a) => calleesIn(a, depth + 1)), ...Object.values(v.kwargs).flatMap((a) => calleesIn(a, depth + 1))];
    case 'env':
      return calleesIn(v.default, depth + 1);
    case 'ref':
      return calleesIn(v.value, depth + 1);
    case 'list':
      return v.items.flatMap((i) => calleesIn(i, depth + 1));
    default:
      return [];
  }
}

/** Secret-key settings of Flask and its extensions. */
export const FLASK_SECRET_KEYS = new Set(['SECRET_KEY', 'JWT_SECRET_KEY', 'SECURITY_PASSWORD_SALT', 'WTF_CSRF_SECRET_KEY', 'SECRET_KEY_FALLBACKS']);

export interface FoundCall {
  fact: PythonFact;
  call: PyCall;
}

/** Judged calls matching `pred`, across facts. */
export function callsOf(facts: readonly PythonFact[], ctx: RuleContext, pred: (call: PyCall, fact: PythonFact) => boolean): FoundCall[] {
  const out: FoundCall[] = [];
  for (const fact of facts) for (const call of judged(fact.calls, ctx)) if (pred(call, fact)) out.push({ fact, call });
  return out;
}

/** `Talisman(app, …)` and `talisman.init_app(app, …)`. */
export function isTalisman(call: PyCall): boolean {
  return call.name === 'Talisman' || (call.name === 'init_app' && /talisman/i.test(call.callee));
}

/** `Flask(__name__)` / `Quart(__name__)`: an application is created. */
export function isFlaskApp(call: PyCall): boolean {
  return call.name === 'Flask' || call.name === 'Quart';
}

const EXPOSURE_TEXT: Record<string, { en: string; ja: string }> = {
  'str(e)': { en: 'str() of the exception', ja: '例外の str()' },
  'repr(e)': { en: 'repr() of the exception', ja: '例外の repr()' },
  'f-string': { en: 'the exception in an f-string', ja: 'f 文字列に埋め込んだ例外' },
  format: { en: 'the exception formatted into a string', ja: '文字列にフォーマットした例外' },
  'e.args': { en: "the exception's args / message", ja: '例外の args / message' },
  traceback: { en: 'the traceback', ja: 'トレースバック' },
  e: { en: 'the exception', ja: '例外' },
  concat: { en: 'the exception text', ja: '例外のテキスト' },
};

/** Localized name of how an exception reaches the response. */
export function exposureText(kind: string): { en: string; ja: string } {
  return EXPOSURE_TEXT[kind] ?? EXPOSURE_TEXT.e!;
}

/** A Django list setting (`MIDDLEWARE`, `INSTALLED_APPS`) as the target sees it: later modules replace or extend earlier ones. */
export function djangoList(group: readonly PythonFact[], ctx: RuleContext, which: 'middleware' | 'installedApps'): { fact: PythonFact; list: import('./types.js').ListSetting } | undefined {
  const ordered = [...group].sort((x, y) => rank(x, ctx.environment) - rank(y, ctx.environment));
  let cur: { fact: PythonFact; list: import('./types.js').ListSetting } | undefined;
  for (const fact of ordered) {
    const l = fact.django?.[which];
    if (!l) continue;
    if (l.extends && cur) cur = { fact: cur.fact, list: { ...cur.list, items: [...cur.list.items, ...l.items], open: cur.list.open || l.open } };
    else if (l.extends) cur = { fact, list: { ...l, open: true } }; // extends a list we cannot see
    else cur = { fact, list: l };
  }
  return cur;
}

/** Python truthiness of a resolved value. */
export function truthy(v: PyLiteral): boolean {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  return Object.keys(v).length > 0;
}
