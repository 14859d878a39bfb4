/**
 * JavaScript / TypeScript collector (tree-sitter grammars javascript, typescript, tsx): environment
 * reads, module imports, the calls express rules need (with their object-literal arguments resolved
 * through same-file constants), express applications, error-handling middleware and string literals
 * assigned to names.
 *
 * It only parses; express/* and contract/* rules judge. Positions are 1-based, columns in UTF-16 units.
 */
import type { CollectContext, Collector } from '../contracts/collector.js';
import { ParseError } from '../contracts/errors.js';
import { isSecretName } from '../lib/secrets.js';
import type { SourceFile } from '../contracts/types.js';
import type { CodeEnvRead } from '../facts/common.js';
import { comparisonEnvironment, envRead, isDevOnlyBranch, negateEnvironment, underBranch, type BranchOf, type EnvReadEvidence } from '../facts/env-read.js';
import type { CodeLiteralAssignment } from '../facts/ruby.js';
import { firstError, pos, withTree, type Grammar, type TSNode } from './treesitter.js';
import { isBuildOutput, packageDirOf, type JavascriptContext } from './file-context.js';
import type { JsValue, JsProp, JsImport, JavascriptFacts, JsCall, ExpressApp, JsErrorHandler, ErrorLeak } from '../facts/javascript.js';

/** Modules whose calls are recorded. */
export const WATCHED_MODULES = new Set([
  'express', 'helmet', 'cors', 'express-session', 'cookie-session', 'cookie-parser', 'csurf', 'lusca', 'express-rate-limit',
  'connect-redis', 'connect-mongo', 'connect-pg-simple', 'memorystore', 'morgan', 'compression', 'hpp', 'express-mongo-sanitize',
  'serverless-http', 'envalid',
]);
/** Member calls recorded whatever the object: app.use / app.set / res.cookie … */
const RECORDED_METHODS = new Set(['use', 'set', 'enable', 'disable', 'listen', 'cookie', 'setHeader', 'header']);
/** Converters around an env read that keep "is it set" semantics (`Number(process.env.PORT) || 3000`). */
const CONVERTERS = new Set(['Number', 'parseInt', 'parseFloat', 'String', 'Boolean', 'BigInt']);
const WRAPPERS = new Set(['parenthesized_expression', 'non_null_expression', 'as_expression', 'satisfies_expression', 'type_assertion', 'await_expression']);
const SEND_METHODS = new Set(['send', 'json', 'jsonp', 'end', 'write', 'render', 'sendStatus']);

// ---------------------------------------------------------------------------------------------
// Helpers

function kids(n: TSNode): TSNode[] {
  return n.namedChildren.filter((c): c is TSNode => c !== null && c.type !== 'comment');
}

function field(n: TSNode, name: string): TSNode | undefined {
  return n.childForFieldName(name) ?? undefined;
}

function unescapeJs(seq: string): string {
  const map: Record<string, string> = { '\\n': '\n', '\\t': '\t', '\\r': '\r', '\\0': '\0', '\\b': '\b', '\\f': '\f', '\\v': '\v' };
  if (map[seq]) return map[seq]!;
  if (/^\\u\{?[0-9a-fA-F]+\}?$/.test(seq)) return String.fromCodePoint(parseInt(seq.replace(/[\\u{}]/g, ''), 16));
  if (/^\\x[0-9a-fA-F]{2}$/.test(seq)) return String.fromCharCode(parseInt(seq.slice(2), 16));
  if (seq.startsWith('\\\n') || seq.startsWith('\\\r')) return '';
  return seq.length >= 2 ? seq.slice(1) : seq;
}

/** Content of a string literal or a template without substitutions, else undefined. */
export function jsString(n: TSNode | undefined): string | undefined {
  if (!n) return undefined;
  if (n.type !== 'string' && n.type !== 'template_string') return undefined;
  let out = '';
  for (const c of kids(n)) {
    if (c.type === 'string_fragment') out += c.text;
    else if (c.type === 'escape_sequence') out += unescapeJs(c.text);
    else return undefined; // template substitution
  }
  return out;
}

function unwrap(n: TSNode): TSNode {
  let cur = n;
  while (WRAPPERS.has(cur.type) && cur.type !== 'await_expression') {
    const inner = cur.type === 'parenthesized_expression' ? kids(cur)[0] : (field(cur, 'expression') ?? kids(cur)[0]);
    if (!inner) break;
    cur = inner;
  }
  return cur;
}

function propertyKey(n: TSNode | undefined): string | undefined {
  if (!n) return undefined;
  if (n.type === 'property_identifier' || n.type === 'identifier' || n.type === 'private_property_identifier') return n.text;
  if (n.type === 'string') return jsString(n);
  if (n.type === 'number') return n.text;
  return undefined;
}

/** `process.env` (or an alias of it, or `import.meta.env`). */
function envObjectKind(n: TSNode | undefined, aliases: Set<string>): 'process' | 'import.meta' | undefined {
  if (!n) return undefined;
  const u = unwrap(n);
  if (u.type === 'identifier' && aliases.has(u.text)) return 'process';
  if (u.type !== 'member_expression') return undefined;
  const obj = field(u, 'object');
  const prop = field(u, 'property')?.text;
  if (prop !== 'env' || !obj) return undefined;
  if (obj.type === 'identifier' && obj.text === 'process') return 'process';
  if (obj.type === 'member_expression' && field(obj, 'object')?.text === 'globalThis' && field(obj, 'property')?.text === 'process') return 'process';
  if (obj.type === 'meta_property' || obj.text === 'import.meta') return 'import.meta';
  return undefined;
}

interface Site {
  name: string;
  via: string;
  node: TSNode;
  buildTime: boolean;
}

function readAt(n: TSNode, aliases: Set<string>): Site | undefined {
  if (n.type === 'member_expression') {
    const k = envObjectKind(field(n, 'object'), aliases);
    const prop = field(n, 'property');
    if (k && prop && prop.type === 'property_identifier') {
      return { name: prop.text, via: k === 'process' ? 'process.env' : 'import.meta.env', node: n, buildTime: k === 'import.meta' };
    }
  }
  if (n.type === 'subscript_expression') {
    const k = envObjectKind(field(n, 'object'), aliases);
    const name = jsString(field(n, 'index'));
    if (k && name !== undefined) return { name, via: k === 'process' ? 'process.env' : 'import.meta.env', node: n, buildTime: k === 'import.meta' };
  }
  return undefined;
}

function literalText(n: TSNode | undefined): string | undefined {
  if (!n) return undefined;
  const u = unwrap(n);
  const s = jsString(u);
  if (s !== undefined) return s;
  if (u.type === 'number' || u.type === 'true' || u.type === 'false') return u.text;
  return undefined;
}

function isCallOf(call: TSNode, arg: TSNode): boolean {
  const args = field(call, 'arguments');
  return !!args && kids(args)[0]?.id === arg.id;
}

/** How the code treats the absence of the variable around a read, mapped onto the one env-read analysis (src/facts/env-read.ts). */
function readContext(site: Site, aliases: Set<string>): ReadInfo {
  let hasDefault = false;
  let defaultValue: string | undefined;
  let guarded = false;
  let cur = site.node;
  for (let depth = 0; depth < 12; depth++) {
    const p = cur.parent;
    if (!p) break;
    if (WRAPPERS.has(p.type) && p.type !== 'await_expression') {
      cur = p;
      continue;
    }
    // Number(process.env.X) / parseInt(process.env.X, 10)
    if (p.type === 'arguments' && p.parent?.type === 'call_expression' && isCallOf(p.parent, cur)) {
      const fn = field(p.parent, 'function');
      const fname = fn?.type === 'identifier' ? fn.text : fn?.type === 'member_expression' ? field(fn, 'property')?.text : undefined;
      if (fname && (CONVERTERS.has(fname) || fn?.text === 'Number.parseInt' || fn?.text === 'JSON.parse')) {
        cur = p.parent;
        continue;
      }
    }
    // process.env.X.split(",") / process.env.X?.trim()
    if (p.type === 'member_expression' && field(p, 'object')?.id === cur.id && p.parent?.type === 'call_expression' && field(p.parent, 'function')?.id === p.id) {
      cur = p.parent;
      continue;
    }
    break;
  }
  const p = cur.parent;
  if (p) {
    const op = field(p, 'operator')?.type;
    if (p.type === 'binary_expression' && field(p, 'left')?.id === cur.id) {
      if (op === '||' || op === '??') {
        hasDefault = true;
        defaultValue = literalText(field(p, 'right'));
      } else if (op === '&&') guarded = true;
      else if (op && ['===', '!==', '==', '!='].includes(op)) guarded = true;
    } else if (p.type === 'binary_expression' && field(p, 'right')?.id === cur.id && op && ['===', '!==', '==', '!='].includes(op)) {
      guarded = true;
    } else if (p.type === 'unary_expression' && (op === '!' || field(p, 'operator')?.text === '!')) {
      guarded = true;
    } else if ((p.type === 'ternary_expression' || p.type === 'if_statement' || p.type === 'while_statement') && field(p, 'condition')?.id === cur.id) {
      guarded = true;
    } else if (p.type === 'augmented_assignment_expression' && field(p, 'left')?.id === cur.id && ['||=', '??='].includes(field(p, 'operator')?.text ?? '')) {
      hasDefault = true;
      defaultValue = literalText(field(p, 'right'));
    }
  }
  const alternatives: string[] = [];
  let x: TSNode = cur;
  for (let depth = 0; depth < 8; depth++) {
    const parent = x.parent;
    if (!parent) break;
    if (parent.type === 'binary_expression' && ['||', '??'].includes(field(parent, 'operator')?.type ?? '') && field(parent, 'right')?.id === x.id) {
      alternatives.push(...envNamesIn(field(parent, 'left')!, aliases));
      x = parent;
      continue;
    }
    if (WRAPPERS.has(parent.type)) {
      x = parent;
      continue;
    }
    break;
  }
  return {
    fallback: hasDefault ? { literal: defaultValue } : undefined,
    presenceTest: guarded,
    presenceGuard: !guarded && underPresenceTest(site, aliases),
    alternatives: [...new Set(alternatives)].filter((a) => a !== site.name),
  };
}

/** What a collector tells the env-read analysis about one read besides its name and place. */
type ReadInfo = Pick<EnvReadEvidence, 'fallback' | 'presenceTest' | 'presenceGuard' | 'alternatives'>;

/** The branch `child` is in when `p` is a conditional: if / ternary, and the right side of `a && b`. */
function branchOf(p: TSNode, child: TSNode): BranchOf<TSNode> | undefined {
  if (p.type === 'if_statement' || p.type === 'ternary_expression') {
    const condition = field(p, 'condition');
    if (!condition || condition.id === child.id) return undefined;
    return { condition, whenFalse: field(p, 'alternative')?.id === child.id };
  }
  if (p.type === 'binary_expression' && field(p, 'operator')?.type === '&&' && field(p, 'right')?.id === child.id) return { condition: field(p, 'left')!, whenFalse: false };
  return undefined;
}
const parentOf = (n: TSNode) => n.parent;

/** Inside `if (process.env.X) { … process.env.X … }`, `process.env.X && f(process.env.X)`, `process.env.X ? g(process.env.X) : d`. */
function underPresenceTest(site: Site, aliases: Set<string>): boolean {
  return underBranch(site.node, parentOf, branchOf, (b) => !b.whenFalse && envNamesIn(b.condition, aliases).includes(site.name), (p) => FUNCTION_TYPES.has(p.type));
}

function envNamesIn(n: TSNode, aliases: Set<string>): string[] {
  const out: string[] = [];
  const walk = (x: TSNode) => {
    const r = readAt(x, aliases);
    if (r) out.push(r.name);
    for (const c of kids(x)) walk(c);
  };
  walk(n);
  return out;
}

/** `process.env.NODE_ENV === "development"` → dev; `… === "production"` → prod; `import.meta.env.DEV` → dev. */
function conditionEnv(cond: TSNode, aliases: Set<string>): 'dev' | 'prod' | undefined {
  let n = unwrap(cond);
  let negate = false;
  if (n.type === 'unary_expression' && field(n, 'operator')?.text === '!') {
    negate = true;
    n = unwrap(field(n, 'argument')!);
  }
  let kind: 'dev' | 'prod' | undefined;
  const subjectIsEnv = (s: TSNode | undefined) => {
    if (!s) return false;
    const r = readAt(unwrap(s), aliases);
    if (r && ['NODE_ENV', 'APP_ENV', 'ENVIRONMENT', 'ENV', 'STAGE'].includes(r.name)) return true;
    return /^(req\.)?app\.get\((['"])env\2\)$/.test(s.text.replace(/\s/g, ''));
  };
  if (n.type === 'member_expression' && envObjectKind(field(n, 'object'), aliases) === 'import.meta') {
    const prop = field(n, 'property')?.text;
    if (prop === 'DEV') kind = 'dev';
    else if (prop === 'PROD') kind = 'prod';
  } else if (n.type === 'binary_expression') {
    const op = field(n, 'operator')?.type;
    const l = field(n, 'left');
    const r = field(n, 'right');
    const lit = jsString(r ? unwrap(r) : undefined) ?? jsString(l ? unwrap(l) : undefined);
    if (lit !== undefined && op !== undefined && ['===', '==', '!==', '!='].includes(op) && (subjectIsEnv(l) || subjectIsEnv(r))) {
      kind = comparisonEnvironment(lit, op === '===' || op === '==');
    }
  }
  return negate ? negateEnvironment(kind) : kind;
}

/** Is `n` inside a branch that runs only in development / test? */
function inDevOnlyBranch(n: TSNode, aliases: Set<string>): boolean {
  return underBranch(n, parentOf, branchOf, (b) => isDevOnlyBranch(conditionEnv(b.condition, aliases), b.whenFalse));
}

function paramNames(fn: TSNode): string[] {
  const params = field(fn, 'parameters') ?? field(fn, 'parameter');
  if (!params) return [];
  if (params.type === 'identifier') return [params.text];
  return kids(params).map((p) => {
    if (p.type === 'identifier') return p.text;
    if (p.type === 'required_parameter' || p.type === 'optional_parameter') return field(p, 'pattern')?.text ?? p.text;
    if (p.type === 'assignment_pattern') return field(p, 'left')?.text ?? p.text;
    return p.text;
  });
}

const FUNCTION_TYPES = new Set(['arrow_function', 'function_expression', 'function', 'function_declaration', 'generator_function', 'generator_function_declaration']);

// ---------------------------------------------------------------------------------------------

interface Scope {
  aliases: Set<string>;
  /** name → module binding */
  bindings: Map<string, { module: string; imported?: string }>;
  /** name → its single declaration's value (or a function declaration). */
  decls: Map<string, TSNode>;
  /** names declared more than once (not resolved) */
  multi: Set<string>;
  /** root name → later member assignments `root.a.b = value` */
  memberAssigns: Map<string, { path: string[]; value: TSNode; at: TSNode }[]>;
}

function calleeInfo(fn: TSNode, scope: Scope): { callee: string; method: string; object?: string; module?: string; imported?: string } | undefined {
  const callee = fn.text.replace(/\s+/g, '').slice(0, 80);
  const u = unwrap(fn);
  if (u.type === 'identifier') {
    const b = scope.bindings.get(u.text);
    return { callee, method: u.text, module: b?.module, imported: b?.imported };
  }
  if (u.type === 'call_expression') {
    // require("m")(…)
    const m = requireModule(u);
    if (m) return { callee, method: m, module: m };
  }
  if (u.type === 'member_expression') {
    const method = field(u, 'property')?.text ?? '';
    let root: TSNode | undefined = u;
    while (root && (root.type === 'member_expression' || root.type === 'call_expression' || WRAPPERS.has(root.type))) {
      // Every step moves to a strictly smaller node: `unwrap` keeps `await`, so step into its operand
      // here (`(await import("m")).x.y()` once looped forever on the await node).
      root =
        root.type === 'member_expression' ? field(root, 'object')
        : root.type === 'call_expression' ? field(root, 'function')
        : root.type === 'await_expression' ? kids(root)[0]
        : unwrap(root) === root ? undefined
        : unwrap(root);
      if (root && root.type === 'call_expression' && requireModule(root)) {
        const m = requireModule(root)!;
        return { callee, method, module: m };
      }
    }
    if (root?.type === 'identifier') {
      const b = scope.bindings.get(root.text);
      return { callee, method, object: root.text, module: b?.module, imported: b?.imported };
    }
    return { callee, method };
  }
  return undefined;
}

function requireModule(call: TSNode): string | undefined {
  if (call.type !== 'call_expression') return undefined;
  const fn = field(call, 'function');
  if (fn?.type !== 'identifier' || fn.text !== 'require') return undefined;
  const a = field(call, 'arguments');
  return jsString(a ? kids(a)[0] : undefined);
}

function functionNode(n: TSNode, scope: Scope, depth = 0): TSNode | undefined {
  const u = unwrap(n);
  if (FUNCTION_TYPES.has(u.type)) return u;
  if (u.type === 'identifier' && depth < 3 && !scope.multi.has(u.text)) {
    const d = scope.decls.get(u.text);
    if (d) return functionNode(d, scope, depth + 1);
  }
  return undefined;
}

/** Does `(origin, cb) => cb(null, true)` allow every origin (no condition around the call)? */
function reflectsAny(fn: TSNode): { reflectsAny: boolean; returnsTrue: boolean } {
  const params = paramNames(fn);
  const body = field(fn, 'body');
  if (!body) return { reflectsAny: false, returnsTrue: false };
  if (body.type === 'true') return { reflectsAny: false, returnsTrue: true };
  const cb = params[1];
  const stmts = body.type === 'statement_block' ? kids(body) : [body];
  const isAllowCall = (s: TSNode) => {
    const e = s.type === 'expression_statement' ? kids(s)[0] : s.type === 'return_statement' ? kids(s)[0] : s;
    if (!e || e.type !== 'call_expression' || !cb) return false;
    if (field(e, 'function')?.text !== cb) return false;
    const args = kids(field(e, 'arguments')!);
    return args.length >= 2 && args[0]!.type === 'null' && args[1]!.type === 'true';
  };
  const allow = stmts.length > 0 && stmts.length <= 2 && isAllowCall(stmts[0]!);
  const returnsTrue = stmts.length === 1 && stmts[0]!.type === 'return_statement' && kids(stmts[0]!)[0]?.type === 'true';
  return { reflectsAny: allow, returnsTrue };
}

function jsValue(n: TSNode, scope: Scope, depth = 0): JsValue {
  const at = pos(n);
  if (depth > 6) return { kind: 'other', ...at };
  const u = unwrap(n);
  const read = readAt(u, scope.aliases);
  if (read) return { kind: 'env', env: { name: read.name }, ...at };
  switch (u.type) {
    case 'string':
    case 'template_string': {
      const s = jsString(u);
      if (s !== undefined) return { kind: 'string', value: s, ...at };
      return { kind: 'template', envNames: envNamesIn(u, scope.aliases), ...at };
    }
    case 'number':
      return { kind: 'number', value: u.text, ...at };
    case 'true':
    case 'false':
      return { kind: 'bool', value: u.type, ...at };
    case 'null':
      return { kind: 'null', ...at };
    case 'undefined':
      return { kind: 'undefined', ...at };
    case 'regex':
      return { kind: 'regex', value: field(u, 'pattern')?.text ?? u.text, ...at };
    case 'array':
      return { kind: 'array', items: kids(u).map((c) => jsValue(c, scope, depth + 1)), ...at };
    case 'object': {
      const props: JsProp[] = [];
      let spread = false;
      for (const c of kids(u)) {
        if (c.type === 'pair') {
          const key = propertyKey(field(c, 'key'));
          const v = field(c, 'value');
          if (key !== undefined && v) props.push({ key, value: jsValue(v, scope, depth + 1), ...pos(c) });
        } else if (c.type === 'shorthand_property_identifier') {
          props.push({ key: c.text, value: resolveIdentifier(c, scope, depth + 1), ...pos(c) });
        } else if (c.type === 'method_definition') {
          const key = propertyKey(field(c, 'name'));
          if (key !== undefined) props.push({ key, value: { kind: 'function', fn: { params: paramNames(c).length }, ...pos(c) }, ...pos(c) });
        } else if (c.type === 'spread_element') spread = true;
      }
      return { kind: 'object', props, ...(spread ? { spread } : {}), ...at };
    }
    case 'arrow_function':
    case 'function_expression':
    case 'function': {
      const r = reflectsAny(u);
      return { kind: 'function', fn: { params: paramNames(u).length, ...(r.reflectsAny ? { reflectsAny: true } : {}), ...(r.returnsTrue ? { returnsTrue: true } : {}) }, ...at };
    }
    case 'identifier':
      if (u.text === 'undefined') return { kind: 'undefined', ...at };
      return resolveIdentifier(u, scope, depth);
    case 'binary_expression': {
      const op = field(u, 'operator')?.type;
      const l = field(u, 'left');
      const r = field(u, 'right');
      if ((op === '||' || op === '??') && l && r) {
        const lr = readAt(unwrap(l), scope.aliases);
        if (lr) return { kind: 'env', env: { name: lr.name, fallback: jsValue(r, scope, depth + 1) }, ...at };
      }
      break;
    }
    case 'call_expression': {
      const fn = field(u, 'function');
      const info = fn ? calleeInfo(fn, scope) : undefined;
      const env = envNamesIn(u, scope.aliases);
      return { kind: 'call', value: info?.callee ?? fn?.text.slice(0, 80), ...(info?.module ? { module: info.module } : {}), ...(env.length ? { envNames: env } : {}), ...at };
    }
  }
  const env = envNamesIn(u, scope.aliases);
  return env.length ? { kind: 'other', envNames: env, ...at } : { kind: 'other', ...at };
}

function resolveIdentifier(id: TSNode, scope: Scope, depth: number): JsValue {
  const at = pos(id);
  const name = id.text;
  const d = !scope.multi.has(name) ? scope.decls.get(name) : undefined;
  if (!d || depth > 5 || FUNCTION_TYPES.has(d.type) && d.type.endsWith('declaration')) {
    if (d && FUNCTION_TYPES.has(d.type)) {
      const r = reflectsAny(d);
      return { kind: 'function', fn: { params: paramNames(d).length, ...(r.reflectsAny ? { reflectsAny: true } : {}), ...(r.returnsTrue ? { returnsTrue: true } : {}) }, ...at };
    }
    return { kind: 'identifier', value: name, ...at };
  }
  const v = jsValue(d, scope, depth + 1);
  // Later `name.a.b = value` assignments (express-session's README sets `sess.cookie.secure = true` after declaring `sess`).
  if (v.kind === 'object') {
    for (const a of scope.memberAssigns.get(name) ?? []) setPath(v, a.path, jsValue(a.value, scope, depth + 1), a.at);
  }
  return v;
}

function setPath(obj: JsValue, path: string[], value: JsValue, at: TSNode) {
  let cur = obj;
  for (let i = 0; i < path.length; i++) {
    if (cur.kind !== 'object') return;
    cur.props ??= [];
    const key = path[i]!;
    let p = cur.props.find((x) => x.key === key);
    if (i === path.length - 1) {
      if (p) {
        p.value = value;
        p.assigned = true;
      } else cur.props.push({ key, value, assigned: true, ...pos(at) });
      return;
    }
    if (!p) {
      p = { key, value: { kind: 'object', props: [], ...pos(at) }, assigned: true, ...pos(at) };
      cur.props.push(p);
    }
    cur = p.value;
  }
}

/** `a.b.c` member chain as [root, b, c], or undefined. */
function memberPath(n: TSNode): string[] | undefined {
  const path: string[] = [];
  let cur: TSNode | undefined = unwrap(n);
  while (cur && cur.type === 'member_expression') {
    const prop = field(cur, 'property');
    if (!prop) return undefined;
    path.unshift(prop.text);
    cur = field(cur, 'object');
    if (cur) cur = unwrap(cur);
  }
  if (cur?.type === 'subscript_expression') return undefined;
  if (cur?.type !== 'identifier') return undefined;
  path.unshift(cur.text);
  return path;
}

// ---------------------------------------------------------------------------------------------

/** Node types the collector looks at (everything else is skipped without creating node objects). */
const JS_TYPES = new Set([
  'import_statement', 'call_expression', 'variable_declarator', 'function_declaration', 'generator_function_declaration',
  'assignment_expression', 'augmented_assignment_expression', 'pair', 'public_field_definition', 'field_definition', 'export_statement', 'return_statement',
]);
const ENV_TYPES = new Set(['member_expression', 'subscript_expression']);

/**
 * Nodes of `types` in document order, walked with a tree cursor: creating node objects is the
 * expensive part of web-tree-sitter, so only the nodes asked for are materialized. `accept` filters
 * on the node's source head first.
 */
function nodesOf(root: TSNode, types: ReadonlySet<string>, source: string, accept?: (head: string) => boolean): TSNode[] {
  const ids = typeIds(root, types);
  const out: TSNode[] = [];
  const cursor = root.walk();
  try {
    for (;;) {
      if (ids.has(cursor.nodeTypeId) && (!accept || accept(source.slice(cursor.startIndex, Math.min(cursor.endIndex, cursor.startIndex + 40))))) out.push(cursor.currentNode);
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return out;
      }
    }
  } finally {
    cursor.delete();
  }
}

const typeIdCache = new WeakMap<object, Map<ReadonlySet<string>, Set<number>>>();

/** The grammar's numeric ids of named node types (comparing numbers avoids marshalling type names). */
export function typeIds(root: TSNode, types: ReadonlySet<string>): Set<number> {
  const lang = root.tree.language;
  let byLang = typeIdCache.get(lang);
  if (!byLang) typeIdCache.set(lang, (byLang = new Map()));
  let ids = byLang.get(types);
  if (!ids) {
    ids = new Set();
    for (let id = 0; id < lang.nodeTypeCount; id++) if (lang.nodeTypeIsNamed(id) && types.has(lang.nodeTypeForId(id) ?? '')) ids.add(id);
    byLang.set(types, ids);
  }
  return ids;
}

/** Structural nodes, then the member / subscript expressions that can be env reads (by their first word), in document order. */
function allNodes(root: TSNode, source: string): { nodes: TSNode[]; envCandidates: (aliases: Set<string>) => TSNode[] } {
  const nodes: TSNode[] = [];
  const env: TSNode[] = [];
  const structural = typeIds(root, JS_TYPES);
  const envIds = typeIds(root, ENV_TYPES);
  const cursor = root.walk();
  try {
    walk: for (;;) {
      const id = cursor.nodeTypeId;
      if (structural.has(id)) nodes.push(cursor.currentNode);
      else if (envIds.has(id) && /^(process|globalThis|import)\b/.test(source.slice(cursor.startIndex, cursor.startIndex + 12))) env.push(cursor.currentNode);
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) break walk;
      }
    }
  } finally {
    cursor.delete();
  }
  return {
    nodes,
    envCandidates: (aliases) => {
      if (aliases.size === 0) return env;
      return nodesOf(root, ENV_TYPES, source, (head) => {
        const w = /^[\w$]+/.exec(head)?.[0] ?? '';
        return w === 'process' || w === 'globalThis' || w === 'import' || aliases.has(w);
      });
    },
  };
}

function buildScope(nodes: TSNode[]): { scope: Scope; imports: JsImport[] } {
  const scope: Scope = { aliases: new Set(), bindings: new Map(), decls: new Map(), multi: new Set(), memberAssigns: new Map() };
  const imports: JsImport[] = [];
  const declare = (name: string, value: TSNode) => {
    if (scope.decls.has(name)) scope.multi.add(name);
    else scope.decls.set(name, value);
  };
  for (const n of nodes) {
    if (n.type === 'import_statement') {
      const src = jsString(field(n, 'source'));
      const clause = kids(n).find((c) => c.type === 'import_clause');
      const req = kids(n).find((c) => c.type === 'import_require_clause');
      if (req) {
        const m = jsString(field(req, 'source'));
        const id = kids(req).find((c) => c.type === 'identifier');
        if (m !== undefined) {
          imports.push({ module: m, local: id?.text, imported: 'default', ...pos(n) });
          if (id) scope.bindings.set(id.text, { module: m });
        }
        continue;
      }
      if (src === undefined) continue;
      if (!clause) {
        imports.push({ module: src, ...pos(n) });
        continue;
      }
      for (const c of kids(clause)) {
        if (c.type === 'identifier') {
          imports.push({ module: src, local: c.text, imported: 'default', ...pos(n) });
          scope.bindings.set(c.text, { module: src });
        } else if (c.type === 'namespace_import') {
          const id = kids(c).find((x) => x.type === 'identifier');
          if (id) {
            imports.push({ module: src, local: id.text, imported: '*', ...pos(n) });
            scope.bindings.set(id.text, { module: src });
          }
        } else if (c.type === 'named_imports') {
          for (const s of kids(c)) {
            if (s.type !== 'import_specifier') continue;
            const name = field(s, 'name')?.text;
            const alias = field(s, 'alias')?.text ?? name;
            if (!name || !alias) continue;
            imports.push({ module: src, local: alias, imported: name, ...pos(s) });
            scope.bindings.set(alias, name === 'default' ? { module: src } : { module: src, imported: name });
          }
        }
      }
    } else if (n.type === 'call_expression' && requireModule(n) !== undefined) {
      const m = requireModule(n)!;
      // const x = require("m") / const { a, b: c } = require("m") / require("m") alone
      let p = n.parent;
      while (p && WRAPPERS.has(p.type)) p = p.parent;
      if (p?.type === 'variable_declarator' && field(p, 'value') && unwrap(field(p, 'value')!).id === n.id) {
        const name = field(p, 'name')!;
        if (name.type === 'identifier') {
          imports.push({ module: m, local: name.text, imported: 'default', ...pos(n) });
          scope.bindings.set(name.text, { module: m });
        } else if (name.type === 'object_pattern') {
          for (const c of kids(name)) {
            if (c.type === 'shorthand_property_identifier_pattern') {
              imports.push({ module: m, local: c.text, imported: c.text, ...pos(c) });
              scope.bindings.set(c.text, { module: m, imported: c.text });
            } else if (c.type === 'pair_pattern') {
              const key = propertyKey(field(c, 'key'));
              const v = field(c, 'value');
              if (key && v?.type === 'identifier') {
                imports.push({ module: m, local: v.text, imported: key, ...pos(c) });
                scope.bindings.set(v.text, key === 'default' ? { module: m } : { module: m, imported: key });
              }
            }
          }
        }
      } else if (p?.type === 'member_expression' && field(p, 'object')?.id === n.id) {
        // const x = require("m").default / require("m").x
        const prop = field(p, 'property')?.text;
        const decl = p.parent;
        if (decl?.type === 'variable_declarator' && field(decl, 'name')?.type === 'identifier') {
          const local = field(decl, 'name')!.text;
          imports.push({ module: m, local, imported: prop ?? 'default', ...pos(n) });
          scope.bindings.set(local, prop && prop !== 'default' ? { module: m, imported: prop } : { module: m });
        } else imports.push({ module: m, ...pos(n) });
      } else {
        imports.push({ module: m, ...pos(n) });
      }
    } else if (n.type === 'variable_declarator') {
      const name = field(n, 'name');
      const value = field(n, 'value');
      if (name?.type === 'identifier' && value) {
        declare(name.text, value);
        if (envObjectKind(value, new Set()) === 'process') scope.aliases.add(name.text);
      } else if (name?.type === 'object_pattern' && value && unwrap(value).type === 'identifier' && unwrap(value).text === 'process') {
        // const { env } = process
        for (const c of kids(name)) if (c.type === 'shorthand_property_identifier_pattern' && c.text === 'env') scope.aliases.add('env');
      }
    } else if (n.type === 'function_declaration' || n.type === 'generator_function_declaration') {
      const name = field(n, 'name');
      if (name) declare(name.text, n);
    } else if (n.type === 'assignment_expression') {
      const left = field(n, 'left');
      const right = field(n, 'right');
      if (left && right && left.type === 'member_expression') {
        const path = memberPath(left);
        if (path && path.length >= 2 && path[0] !== 'module' && path[0] !== 'exports') {
          const list = scope.memberAssigns.get(path[0]!) ?? [];
          list.push({ path: path.slice(1), value: right, at: left });
          scope.memberAssigns.set(path[0]!, list);
        }
      }
    }
  }
  return { scope, imports };
}

// ---------------------------------------------------------------------------------------------

function grammarOf(file: SourceFile): Grammar {
  if (file.kind === 'typescript') return /\.tsx$/i.test(file.path) ? 'tsx' : 'typescript';
  return 'javascript';
}

const SESSION_MODULES = new Set(['express-session', 'cookie-session']);

function collectJs(root: TSNode, file: SourceFile, ctx: CollectContext): JavascriptFacts {
  // Node positions: startIndex / endIndex count UTF-16 units, like `file.content`.
  const walked = allNodes(root, file.content);
  const { scope, imports } = buildScope(walked.nodes);
  const nodes = [...walked.nodes, ...walked.envCandidates(scope.aliases)].sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
  const envReads: CodeEnvRead[] = [];
  const calls: JsCall[] = [];
  const apps: ExpressApp[] = [];
  const errorHandlers: JsErrorHandler[] = [];
  const literals: CodeLiteralAssignment[] = [];
  /** Positions of literal session secrets reported by express rules: left out of literalAssignments. */
  const reservedLiterals = new Set<string>();
  const key = (n: { line: number; column: number }) => `${n.line}:${n.column}`;

  const pushRead = (name: string, via: string, node: TSNode, buildTime: boolean, info: ReadInfo) => {
    const r = envRead({ key: name, via, file: file.path, ...pos(node), ...info, buildTime, devOnlyBranch: inDevOnlyBranch(node, scope.aliases) });
    if (r.defaultValue !== undefined && isSecretName(name)) ctx.registerSecret(r.defaultValue);
    envReads.push(r);
    // The literal fallback is a literal assignment too (code/hardcoded-secret judges it).
    if (r.defaultValue !== undefined) literals.push({ name, key: name, value: r.defaultValue, how: 'env-default', file: file.path, line: r.line, column: r.column });
  };
  const addLiteral = (name: string, k: string, valueNode: TSNode | undefined, at: TSNode, how: NonNullable<CodeLiteralAssignment['how']>) => {
    if (!valueNode) return;
    const value = jsString(unwrap(valueNode));
    if (value === undefined) return;
    if (isSecretName(k)) ctx.registerSecret(value);
    literals.push({ name, key: k, value, how, file: file.path, ...pos(at) });
  };

  for (const n of nodes) {
    // Environment reads.
    const read = readAt(n, scope.aliases);
    if (read) {
      // `process.env.X = …` and `delete process.env.X` write, they do not read
      const p = n.parent;
      const written = (p?.type === 'assignment_expression' && field(p, 'left')?.id === n.id) || (p?.type === 'unary_expression' && field(p, 'operator')?.text === 'delete');
      if (!written) pushRead(read.name, read.via, n, read.buildTime, readContext(read, scope.aliases));
      continue;
    }
    switch (n.type) {
      case 'variable_declarator': {
        const name = field(n, 'name');
        const value = field(n, 'value');
        if (name?.type === 'identifier') addLiteral(name.text, name.text, value, name, 'assign');
        // const { A, B = "d", C: c } = process.env
        if (name?.type === 'object_pattern' && value) {
          const k = envObjectKind(value, scope.aliases);
          if (k) {
            const via = k === 'process' ? 'process.env' : 'import.meta.env';
            for (const c of kids(name)) {
              if (c.type === 'shorthand_property_identifier_pattern') pushRead(c.text, via, c, k === 'import.meta', {});
              else if (c.type === 'object_assignment_pattern') {
                const left = field(c, 'left');
                const right = field(c, 'right');
                if (left) pushRead(left.text, via, c, k === 'import.meta', { fallback: { literal: literalText(right) } });
              } else if (c.type === 'pair_pattern') {
                const kname = propertyKey(field(c, 'key'));
                const v = field(c, 'value');
                if (kname !== undefined) {
                  const hasDefault = v?.type === 'assignment_pattern';
                  pushRead(kname, via, c, k === 'import.meta', { fallback: hasDefault ? { literal: literalText(field(v!, 'right')) } : undefined });
                }
              }
            }
          }
        }
        break;
      }
      case 'assignment_expression': {
        const left = field(n, 'left');
        const right = field(n, 'right');
        if (!left || !right) break;
        if (left.type === 'identifier') addLiteral(left.text, left.text, right, left, 'assign');
        else if (left.type === 'member_expression') {
          const prop = field(left, 'property');
          if (prop) addLiteral(left.text.replace(/\s+/g, ''), prop.text, right, left, 'attribute');
        } else if (left.type === 'subscript_expression') {
          const k = jsString(field(left, 'index'));
          if (k !== undefined) addLiteral(left.text.replace(/\s+/g, ''), k, right, left, 'index');
        }
        break;
      }
      case 'pair': {
        const k = propertyKey(field(n, 'key'));
        if (k !== undefined) addLiteral(k, k, field(n, 'value'), n, 'hash-key');
        break;
      }
      case 'public_field_definition':
      case 'field_definition': {
        const k = propertyKey(field(n, 'name') ?? field(n, 'property'));
        if (k !== undefined) addLiteral(k, k, field(n, 'value'), n, 'field');
        break;
      }
      case 'call_expression': {
        const fn = field(n, 'function');
        if (!fn) break;
        const info = calleeInfo(fn, scope);
        if (!info) break;
        const watched = info.module !== undefined && WATCHED_MODULES.has(info.module);
        const memberRecorded = info.object !== undefined && RECORDED_METHODS.has(info.method) && !info.module;
        const isExpress = info.module === 'express' && !info.imported;
        const isUse = info.method === 'use' && info.object !== undefined;
        const isCleanEnv = info.imported === 'cleanEnv' || info.method === 'cleanEnv';
        if (!watched && !memberRecorded && !isExpress && !isUse && !isCleanEnv) break;
        const argsNode = field(n, 'arguments');
        const argNodes = argsNode && argsNode.type === 'arguments' ? kids(argsNode) : [];
        if (watched || memberRecorded) {
          const args = argNodes.map((a) => jsValue(a, scope));
          calls.push({ callee: info.callee, method: info.method, ...(info.object ? { object: info.object } : {}), ...(info.module ? { module: info.module } : {}), ...(info.imported ? { imported: info.imported } : {}), args, ...pos(n) });
          // Session secrets are judged by express/hardcoded-session-secret.
          if (watched && SESSION_MODULES.has(info.module!) && !info.imported && args[0]?.kind === 'object') {
            for (const p of args[0].props ?? []) {
              if (p.key !== 'secret' && p.key !== 'keys') continue;
              reservedLiterals.add(key(p));
              for (const v of p.value.kind === 'array' ? (p.value.items ?? []) : [p.value]) if (v.kind === 'env') reservedLiterals.add(key(v));
              registerLiterals(p.value, ctx);
            }
          }
          if (watched && info.module === 'cookie-parser' && !info.imported && args[0]) {
            for (const v of args[0].kind === 'array' ? (args[0].items ?? []) : [args[0]]) if (v.kind === 'env') reservedLiterals.add(key(v));
            registerLiterals(args[0], ctx);
          }
        }
        // express() applications
        if (info.module === 'express' && !info.imported && (fn.type === 'identifier' || (fn.type === 'call_expression' && requireModule(fn) === 'express'))) {
          let p = n.parent;
          while (p && WRAPPERS.has(p.type)) p = p.parent;
          let name: string | undefined;
          if (p?.type === 'variable_declarator' && field(p, 'name')?.type === 'identifier') name = field(p, 'name')!.text;
          else if (p?.type === 'assignment_expression' && field(p, 'left')?.type === 'identifier') name = field(p, 'left')!.text;
          const exportedDirect = !!p && (p.parent?.parent?.type === 'export_statement' || p.type === 'export_statement' || p.type === 'return_statement' || (p.type === 'assignment_expression' && /^(module\.)?exports/.test(field(p, 'left')?.text ?? '')));
          apps.push({ ...(name ? { name } : {}), listens: false, exported: exportedDirect, mounted: false, ...pos(n) });
        }
        // error-handling middleware: x.use(…, (err, req, res, next) => …)
        if (info.method === 'use' && info.object !== undefined) {
          for (const a of argNodes) {
            const f = functionNode(a, scope);
            if (f && paramNames(f).length === 4) errorHandlers.push(errorHandler(f, a));
          }
        }
        // envalid: cleanEnv(process.env, { A: str(), B: str({ default: "x" }) })
        if ((info.imported === 'cleanEnv' || info.method === 'cleanEnv') && (info.module === 'envalid' || info.module === undefined) && argNodes.length >= 2 && envObjectKind(argNodes[0]!, scope.aliases) === 'process') {
          const spec = unwrap(argNodes[1]!);
          if (spec.type === 'object') {
            for (const c of kids(spec)) {
              if (c.type !== 'pair') continue;
              const kname = propertyKey(field(c, 'key'));
              const v = field(c, 'value');
              if (kname === undefined || !v) continue;
              const opts = v.type === 'call_expression' ? kids(field(v, 'arguments')!)[0] : undefined;
              const defaultPair = opts?.type === 'object' ? kids(opts).find((p) => p.type === 'pair' && propertyKey(field(p, 'key')) === 'default') : undefined;
              pushRead(kname, 'envalid', c, false, { fallback: defaultPair ? { literal: literalText(field(defaultPair, 'value')) } : undefined });
            }
          }
        }
        break;
      }
    }
  }

  // What happens to each app: listen / export / mount.
  for (const app of apps) {
    if (!app.name) continue;
    const name = app.name;
    for (const n of nodes) {
      if (n.type === 'call_expression') {
        const fn = field(n, 'function');
        const args = field(n, 'arguments');
        const argNodes = args && args.type === 'arguments' ? kids(args).map(unwrap) : [];
        if (fn?.type === 'member_expression' && unwrap(field(fn, 'object')!).text === name && field(fn, 'property')?.text === 'listen') app.listens = true;
        else if (argNodes.some((a) => a.type === 'identifier' && a.text === name)) {
          const method = fn?.type === 'member_expression' ? field(fn, 'property')?.text : fn?.text;
          if (method === 'use' && fn?.type === 'member_expression' && unwrap(field(fn, 'object')!).text !== name) app.mounted = true;
          else if (method !== 'use') app.listens = true; // createServer(app), serverless(app), http.createServer(app).listen(…)
        }
      } else if (n.type === 'assignment_expression') {
        const left = field(n, 'left')?.text.replace(/\s+/g, '') ?? '';
        if (/^(module\.)?exports(\.|$)/.test(left) && containsIdentifier(field(n, 'right')!, name)) app.exported = true;
      } else if (n.type === 'export_statement') {
        if (containsIdentifier(n, name)) app.exported = true;
      } else if (n.type === 'return_statement') {
        const arg = kids(n)[0];
        if (arg && unwrap(arg).type === 'identifier' && unwrap(arg).text === name) app.exported = true;
      }
    }
  }

  return {
    file: file.path,
    environment: file.environment,
    language: file.kind === 'typescript' ? 'typescript' : 'javascript',
    packageDir: (ctx.context as JavascriptContext | undefined)?.packageDir ?? packageDirOf(file.path, ctx.files),
    envReads,
    imports,
    calls,
    apps,
    errorHandlers,
    literalAssignments: literals.filter((l) => !reservedLiterals.has(key(l))),
  };
}

/** Registers the string literals of a secret-holding value (a string, an array of them, an env fallback) for masking. */
function registerLiterals(v: JsValue, ctx: CollectContext) {
  if (v.kind === 'string' && v.value) ctx.registerSecret(v.value);
  else if (v.kind === 'array') for (const i of v.items ?? []) registerLiterals(i, ctx);
  else if (v.kind === 'env' && v.env?.fallback) registerLiterals(v.env.fallback, ctx);
}

function containsIdentifier(n: TSNode, name: string): boolean {
  if ((n.type === 'identifier' || n.type === 'shorthand_property_identifier') && n.text === name) return true;
  return kids(n).some((c) => containsIdentifier(c, name));
}

/** The env-dependent guard words around an error leak: `req.app.get("env") === "development"`, NODE_ENV, isDev … */
const ENV_GUARD = /NODE_ENV|development|production|\bisDev\w*|\bisProd\w*|\bdebug\b|app\.get\(\s*['"]env['"]\s*\)|\bIS_DEV\b|\bDEV\b|\bPROD\b/i;

function errorHandler(fn: TSNode, at: TSNode): JsErrorHandler {
  const params = paramNames(fn);
  const errName = params[0]!;
  const resName = params[2]!;
  const body = field(fn, 'body');
  const leaks: ErrorLeak[] = [];
  const guardedAt = (n: TSNode): boolean => {
    for (let p = n.parent; p && p.id !== fn.id; p = p.parent) {
      if (p.type === 'ternary_expression' || p.type === 'if_statement') {
        const cond = field(p, 'condition');
        if (cond && ENV_GUARD.test(cond.text)) return true;
      }
      if (p.type === 'binary_expression' && field(p, 'operator')?.type === '&&' && ENV_GUARD.test(field(p, 'left')?.text ?? '')) return true;
    }
    return false;
  };
  const scanValue = (v: TSNode) => {
    const walk = (x: TSNode) => {
      const u = x;
      if (u.type === 'member_expression' && unwrap(field(u, 'object')!).text === errName) {
        const prop = field(u, 'property')?.text;
        const what = prop === 'stack' ? 'stack' : prop === 'message' || prop === 'toString' ? 'message' : undefined;
        if (what) leaks.push({ what, guarded: guardedAt(u), ...pos(u) });
        return;
      }
      if (u.type === 'identifier' && u.text === errName) {
        const p = u.parent;
        // `${err}` / String(err) / "" + err → the message; the object itself elsewhere.
        const asText = p?.type === 'template_substitution' || (p?.type === 'arguments' && p.parent && field(p.parent, 'function')?.text === 'String') || (p?.type === 'binary_expression' && field(p, 'operator')?.type === '+');
        leaks.push({ what: asText ? 'message' : 'error', guarded: guardedAt(u), ...pos(u) });
        return;
      }
      for (const c of kids(x)) walk(c);
    };
    walk(v);
  };
  const rootOf = (n: TSNode): TSNode => {
    let cur = unwrap(n);
    while (cur.type === 'member_expression' || cur.type === 'call_expression') cur = unwrap(cur.type === 'member_expression' ? field(cur, 'object')! : field(cur, 'function')!);
    return cur;
  };
  const visit = (n: TSNode) => {
    if (n.type === 'call_expression') {
      const f = field(n, 'function');
      if (f?.type === 'member_expression' && SEND_METHODS.has(field(f, 'property')?.text ?? '') && rootOf(f).text === resName) {
        const args = field(n, 'arguments');
        if (args) for (const a of kids(args)) scanValue(a);
      }
    } else if (n.type === 'assignment_expression') {
      const left = field(n, 'left');
      // res.locals.error = err (rendered by the view)
      if (left && left.type === 'member_expression' && rootOf(left).text === resName && /\.locals(\.|$)/.test(left.text)) scanValue(field(n, 'right')!);
    }
    for (const c of kids(n)) {
      if (FUNCTION_TYPES.has(c.type) && c.id !== fn.id) continue;
      visit(c);
    }
  };
  if (body && errName && resName) visit(body);
  return { params, leaks, ...pos(at) };
}

const collector: Collector<'javascript'> = {
  fact: 'javascript',
  kinds: ['javascript', 'typescript'],
  async collect(file, ctx) {
    if (isBuildOutput(file)) return undefined;
    return withTree(grammarOf(file), file.content, (tree) => {
      const root = tree.rootNode;
      let syntaxErrors = 0;
      if (root.hasError) {
        // Unusable only when most of the file failed to parse (not JavaScript at all); a construct
        // newer than the grammar (`export type * from`) costs only its own statement.
        const errs = root.descendantsOfType('ERROR').filter((e): e is TSNode => !!e);
        let errorBytes = 0;
        let end = -1;
        for (const e of errs) {
          if (e.startIndex < end) continue; // inside an ERROR already counted
          errorBytes += e.endIndex - e.startIndex;
          end = e.endIndex;
        }
        const total = root.endIndex - root.startIndex;
        if (root.type === 'ERROR' || (total > 0 && errorBytes / total > 0.5)) {
          const at = pos(firstError(root) ?? root);
          throw new ParseError(`${file.kind === 'typescript' ? 'TypeScript' : 'JavaScript'} syntax error`, at.line, at.column);
        }
        syntaxErrors = Math.max(1, errs.length);
      }
      const fact = collectJs(root, file, ctx);
      if (syntaxErrors) fact.syntaxErrors = syntaxErrors;
      return fact;
    });
  },
};

export default collector;
