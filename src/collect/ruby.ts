/**
 * Ruby collector (tree-sitter): environment reads, Rails configuration settings, forgery-protection
 * directives and string literals assigned to names. Also reads Rails' ERB-templated YAML
 * (`config/database.yml`, `config/secrets.yml`, …): the `<%= ENV[…] %>` reads inside them and the
 * literal secrets under secret-like keys, each attributed to its top-level environment section.
 *
 * It only parses; rails/* and contract/* rules judge. Positions are 1-based, columns in UTF-16 units.
 */
import type { CollectContext, Collector } from '../contracts/collector.js';
import { normalizeEnvName } from '../lib/environment.js';
import { ParseError } from '../contracts/errors.js';
import { isSecretName } from '../lib/secrets.js';
import { SHARED, type EnvName, type SourceFile } from '../contracts/types.js';
import type { CodeEnvRead } from '../facts/common.js';
import { comparisonEnvironment, envRead, isDevOnlyBranch, negateEnvironment, underBranch, type BranchOf } from '../facts/env-read.js';
import { typeIds } from './javascript.js';
import { firstError, pos, withTree, type TSNode } from './treesitter.js';
import { type RubyValue, type RubyPair, type RailsSetting, type ForgeryDirective, type CodeLiteralAssignment, type RailsConfigRole, type RubyFacts, type DatabaseAdapter, railsRoleOf } from '../facts/ruby.js';

const SETTING_KEYS_NOT_LITERALS = new Set(['secret_key_base', 'secret_token']);

// ---------------------------------------------------------------------------------------------
// Generic helpers

function kids(n: TSNode): TSNode[] {
  return n.namedChildren.filter((c): c is TSNode => c !== null);
}

function field(n: TSNode, name: string): TSNode | undefined {
  return n.childForFieldName(name) ?? undefined;
}

function unescape(seq: string): string {
  switch (seq) {
    case '\\n':
      return '\n';
    case '\\t':
      return '\t';
    case '\\r':
      return '\r';
    case '\\0':
      return '\0';
    default:
      return seq.length === 2 ? seq[1]! : seq;
  }
}

/** Content of a plain string literal (no interpolation), else undefined. */
export function rubyString(n: TSNode | undefined): string | undefined {
  if (!n) return undefined;
  if (n.type !== 'string' && n.type !== 'bare_string') return undefined;
  let out = '';
  for (const c of kids(n)) {
    if (c.type === 'string_content') out += c.text;
    else if (c.type === 'escape_sequence') out += unescape(c.text);
    else return undefined; // interpolation
  }
  return out;
}

function symbolName(n: TSNode): string | undefined {
  if (n.type === 'simple_symbol') return n.text.replace(/^:/, '');
  if (n.type === 'hash_key_symbol') return n.text;
  if (n.type === 'delimited_symbol') {
    const parts = kids(n);
    if (parts.every((p) => p.type === 'string_content' || p.type === 'escape_sequence')) return parts.map((p) => (p.type === 'escape_sequence' ? unescape(p.text) : p.text)).join('');
  }
  return undefined;
}

/** Key of a hash pair as a string (`password:`, `:password =>`, `"password" =>`). */
function pairKey(pair: TSNode): string | undefined {
  const k = field(pair, 'key');
  if (!k) return undefined;
  return symbolName(k) ?? rubyString(k);
}

function isEnvConst(n: TSNode | undefined): boolean {
  if (!n) return false;
  if (n.type === 'constant') return n.text === 'ENV';
  if (n.type === 'scope_resolution') return !field(n, 'scope') && field(n, 'name')?.text === 'ENV';
  return false;
}

function argsOf(call: TSNode): TSNode[] {
  const a = field(call, 'arguments');
  return a ? kids(a).filter((c) => c.type !== 'comment') : [];
}

function methodName(call: TSNode): string | undefined {
  return field(call, 'method')?.text;
}

// ---------------------------------------------------------------------------------------------
// Environment reads

const ENV_PRESENCE_METHODS = new Set(['key?', 'has_key?', 'include?', 'member?']);
/** Methods that transform the value and keep "is it set" semantics (`ENV["X"].presence || "d"`). */
const VALUE_METHODS = new Set(['presence', 'to_s', 'to_i', 'to_f', 'to_sym', 'to_str', 'strip', 'downcase', 'upcase', 'split', 'chomp', 'freeze', 'dup', 'to_a']);
/** Methods that test presence: the code handles absence. */
const TEST_METHODS = new Set(['present?', 'blank?', 'nil?', 'empty?', 'nonzero?', 'zero?', 'start_with?', 'end_with?', 'in?', 'include?', 'match?']);
const CONDITION_PARENTS = new Set(['if', 'unless', 'elsif', 'if_modifier', 'unless_modifier', 'while', 'until', 'while_modifier', 'until_modifier', 'conditional']);

interface ReadSite {
  name: string;
  via: string;
  node: TSNode;
  /** The expression whose value is the variable's value (the element reference or the fetch call). */
  valueNode: TSNode;
  /** Fetch default / block, when any. */
  fetchDefault?: { hasDefault: boolean; value?: string };
  /** The read only tests presence (`ENV.key?`). */
  presenceOnly?: boolean;
}

/** Recognizes an environment read at `n`. */
function readAt(n: TSNode): ReadSite | undefined {
  if (n.type === 'element_reference' && isEnvConst(field(n, 'object'))) {
    const objId = field(n, 'object')?.id;
    const key = kids(n).filter((c) => c.id !== objId)[0];
    const name = rubyString(key);
    if (name === undefined) return undefined;
    return { name, via: 'ENV[]', node: n, valueNode: n };
  }
  if (n.type === 'call' && isEnvConst(field(n, 'receiver'))) {
    const m = methodName(n);
    const args = argsOf(n);
    const name = rubyString(args[0]);
    if (name === undefined) return undefined;
    if (m === 'fetch') {
      const block = field(n, 'block');
      let fetchDefault: ReadSite['fetchDefault'];
      if (args.length >= 2) fetchDefault = { hasDefault: true, value: literalText(args[1]!) };
      else if (block) {
        const body = field(block, 'body');
        const stmts = body ? kids(body).filter((c) => c.type !== 'comment') : [];
        const raises = stmts.some((s) => s.type === 'call' && ['raise', 'fail', 'abort'].includes(methodName(s) ?? '')) || stmts.some((s) => s.type === 'identifier' && ['raise', 'fail', 'abort'].includes(s.text));
        fetchDefault = raises ? { hasDefault: false } : { hasDefault: true, value: stmts.length === 1 ? literalText(stmts[0]!) : undefined };
      }
      return { name, via: 'ENV.fetch', node: n, valueNode: n, fetchDefault };
    }
    if (m && ENV_PRESENCE_METHODS.has(m)) return { name, via: `ENV.${m}`, node: n, valueNode: n, presenceOnly: true };
    if (m === '[]') return { name, via: 'ENV[]', node: n, valueNode: n };
  }
  return undefined;
}

/** Text of a literal (string, symbol, number, bool) for defaults; undefined otherwise (nil too). */
function literalText(n: TSNode): string | undefined {
  const s = rubyString(n);
  if (s !== undefined) return s;
  if (n.type === 'integer' || n.type === 'float') return n.text;
  if (n.type === 'true' || n.type === 'false') return n.text;
  const sym = symbolName(n);
  if (sym !== undefined && n.type !== 'hash_key_symbol') return sym;
  return undefined;
}

/** Names of env reads anywhere under `n`. */
function envNamesIn(n: TSNode): string[] {
  const out: string[] = [];
  const walk = (x: TSNode) => {
    const r = readAt(x);
    if (r) out.push(r.name);
    for (const c of kids(x)) walk(c);
  };
  walk(n);
  return out;
}

/** What surrounds a read, mapped onto the one env-read analysis (src/facts/env-read.ts): its fallback, whether it only tests presence, its alternatives. */
function readContext(site: ReadSite): { fallback?: { literal?: string }; presenceTest: boolean; alternatives: string[] } {
  let hasDefault = site.fetchDefault?.hasDefault ?? false;
  let defaultValue = site.fetchDefault?.value;
  let guarded = site.presenceOnly === true;
  let cur = site.valueNode;
  for (let depth = 0; depth < 12; depth++) {
    const p = cur.parent;
    if (!p) break;
    if (p.type === 'parenthesized_statements' || p.type === 'parenthesized_expression') {
      cur = p;
      continue;
    }
    if (p.type === 'call' && field(p, 'receiver')?.id === cur.id) {
      const m = methodName(p) ?? '';
      if (VALUE_METHODS.has(m)) {
        cur = p;
        continue;
      }
      if (TEST_METHODS.has(m)) {
        guarded = true;
        cur = p;
        continue;
      }
    }
    break;
  }
  const p = cur.parent;
  if (p) {
    const op = field(p, 'operator')?.type;
    if (p.type === 'binary' && field(p, 'left')?.id === cur.id) {
      if (op === '||' || op === 'or') {
        hasDefault = true;
        defaultValue = literalText(field(p, 'right')!) ?? defaultValue;
      } else if (op === '&&' || op === 'and') guarded = true;
      else if (op && ['==', '!=', '===', '=~', '!~', '<=>', 'eql?'].includes(op)) guarded = true;
    } else if (p.type === 'binary' && field(p, 'right')?.id === cur.id && op && ['==', '!=', '===', '=~', '!~'].includes(op)) {
      guarded = true;
    } else if (p.type === 'unary' || p.type === 'not') {
      guarded = true;
    } else if (CONDITION_PARENTS.has(p.type) && field(p, 'condition')?.id === cur.id) {
      guarded = true;
    } else if (p.type === 'operator_assignment' && field(p, 'left')?.id === cur.id && field(p, 'operator')?.type === '||=') {
      hasDefault = true;
      defaultValue = literalText(field(p, 'right')!);
    }
  }
  // Alternatives: this read is the fallback of other reads (`ENV["A"] || ENV["B"]`, `ENV.fetch("A") { ENV["B"] }`).
  const alternatives: string[] = [];
  let x: TSNode | null = cur;
  for (let depth = 0; x && depth < 8; depth++) {
    const parent: TSNode | null = x.parent;
    if (!parent) break;
    if (parent.type === 'binary' && ['||', 'or'].includes(field(parent, 'operator')?.type ?? '') && field(parent, 'right')?.id === x.id) {
      alternatives.push(...envNamesIn(field(parent, 'left')!));
    }
    if (parent.type === 'argument_list' || parent.type === 'block_body' || parent.type === 'block' || parent.type === 'do_block') {
      // argument of ENV.fetch (the default) or inside its block
      let call: TSNode | null = parent;
      while (call && call.type !== 'call') call = call.parent;
      if (call) {
        const outer = readAt(call);
        if (outer && outer.via === 'ENV.fetch' && outer.node.id !== site.node.id) {
          const first = argsOf(call)[0];
          if (!first || first.id !== x.id) alternatives.push(outer.name);
        }
      }
    }
    if (parent.type === 'assignment' || parent.type === 'body_statement' || parent.type === 'program' || parent.type === 'method') break;
    x = parent;
  }
  return { fallback: hasDefault ? { literal: defaultValue } : undefined, presenceTest: guarded, alternatives: [...new Set(alternatives)].filter((a) => a !== site.name) };
}

/** The branch `child` is in when `p` is a conditional: if / unless / while / ternary / modifiers, and the right side of `a && b`. */
function branchOf(p: TSNode, child: TSNode): BranchOf<TSNode> | undefined {
  if (CONDITION_PARENTS.has(p.type)) {
    const condition = field(p, 'condition');
    if (!condition || condition.id === child.id) return undefined;
    const inverted = p.type === 'unless' || p.type === 'unless_modifier';
    return { condition, whenFalse: (field(p, 'alternative')?.id === child.id) !== inverted };
  }
  if (p.type === 'binary' && ['&&', 'and'].includes(field(p, 'operator')?.type ?? '') && field(p, 'right')?.id === child.id) return { condition: field(p, 'left')!, whenFalse: false };
  return undefined;
}
const parentOf = (n: TSNode) => n.parent;
const isMethod = (n: TSNode) => n.type === 'method' || n.type === 'singleton_method';

/** Inside `if ENV["X"] … ENV["X"] … end`, `x = ENV["X"] if ENV["X"].present?`, `ENV["X"] && f(ENV["X"])`. */
function underPresenceTest(site: ReadSite): boolean {
  return underBranch(site.node, parentOf, branchOf, (b) => !b.whenFalse && envNamesIn(b.condition).includes(site.name), isMethod);
}

/** Classifies a condition: true only in development / test (`dev`), true only in production (`prod`). */
function conditionEnv(cond: TSNode): 'dev' | 'prod' | undefined {
  let n = cond;
  let negate = false;
  while (n.type === 'parenthesized_statements' && kids(n).length === 1) n = kids(n)[0]!;
  if ((n.type === 'unary' || n.type === 'not') && kids(n).length === 1) {
    negate = true;
    n = kids(n)[0]!;
  }
  let kind: 'dev' | 'prod' | undefined;
  if (n.type === 'call' && field(n, 'receiver')?.text.replace(/\s/g, '') === 'Rails.env') {
    const m = methodName(n) ?? '';
    if (['development?', 'test?', 'local?'].includes(m)) kind = 'dev';
    else if (m === 'production?') kind = 'prod';
  } else if (n.type === 'binary') {
    const op = field(n, 'operator')?.type;
    const l = field(n, 'left');
    const r = field(n, 'right');
    const subject = [l?.text.replace(/\s/g, ''), r?.text.replace(/\s/g, '')];
    const lit = rubyString(r) ?? rubyString(l);
    if (lit && (op === '==' || op === '!=') && subject.some((s) => s === 'Rails.env' || s === 'ENV["RAILS_ENV"]' || s === "ENV['RAILS_ENV']" || s === 'ENV["RACK_ENV"]' || s === "ENV['RACK_ENV']")) {
      kind = comparisonEnvironment(lit, op === '==');
    }
  }
  return negate ? negateEnvironment(kind) : kind;
}

/** Is `n` inside a branch that runs only in development / test? */
function inDevOnlyBranch(n: TSNode): boolean {
  return underBranch(n, parentOf, branchOf, (b) => isDevOnlyBranch(conditionEnv(b.condition), b.whenFalse));
}

// ---------------------------------------------------------------------------------------------
// Values

export function rubyValue(n: TSNode, depth = 0): RubyValue {
  const at = pos(n);
  if (depth > 6) return { kind: 'other', ...at };
  const read = readAt(n);
  if (read) {
    return { kind: 'env', env: [read.name], envHasDefault: read.fetchDefault?.hasDefault ?? false, envDefault: read.fetchDefault?.value, ...at };
  }
  switch (n.type) {
    case 'simple_symbol':
    case 'delimited_symbol': {
      const s = symbolName(n);
      return s !== undefined ? { kind: 'symbol', value: s, ...at } : { kind: 'other', ...at };
    }
    case 'string': {
      const s = rubyString(n);
      if (s !== undefined) return { kind: 'string', value: s, ...at };
      return { kind: 'interpolated', env: envNamesIn(n), ...at };
    }
    case 'true':
    case 'false':
      return { kind: 'bool', value: n.type, ...at };
    case 'integer':
    case 'float':
      return { kind: 'number', value: n.text, ...at };
    case 'nil':
      return { kind: 'nil', ...at };
    case 'array':
    case 'string_array':
    case 'symbol_array':
      return { kind: 'array', items: kids(n).filter((c) => c.type !== 'comment').map((c) => rubyValue(c, depth + 1)), ...at };
    case 'hash': {
      const pairs: RubyPair[] = [];
      for (const p of kids(n)) {
        if (p.type !== 'pair') continue;
        const key = pairKey(p);
        const v = field(p, 'value');
        if (key !== undefined && v) pairs.push({ key, value: rubyValue(v, depth + 1), ...pos(p) });
      }
      return { kind: 'hash', pairs, ...at };
    }
    case 'right_assignment_list':
      return { kind: 'list', items: kids(n).filter((c) => c.type !== 'comment').map((c) => rubyValue(c, depth + 1)), ...at };
    case 'parenthesized_statements': {
      const inner = kids(n);
      if (inner.length === 1) return rubyValue(inner[0]!, depth + 1);
      break;
    }
    case 'lambda': {
      const body = field(n, 'body');
      const stmts = body ? kids(field(body, 'body') ?? body).filter((c) => c.type !== 'comment') : [];
      return { kind: 'lambda', body: stmts.length === 1 ? rubyValue(stmts[0]!, depth + 1) : undefined, ...at };
    }
    case 'binary': {
      const op = field(n, 'operator')?.type;
      const l = field(n, 'left');
      const r = field(n, 'right');
      if ((op === '||' || op === 'or') && l && r) {
        const lr = readAt(l);
        if (lr) return { kind: 'env', env: [lr.name, ...envNamesIn(r)], envHasDefault: true, envDefault: literalText(r), ...at };
      }
      break;
    }
  }
  const env = envNamesIn(n);
  return env.length ? { kind: 'other', env, ...at } : { kind: 'other', ...at };
}

// ---------------------------------------------------------------------------------------------
// The walk

interface RubyOut {
  envReads: CodeEnvRead[];
  settings: RailsSetting[];
  forgery: ForgeryDirective[];
  literalAssignments: CodeLiteralAssignment[];
  anchor?: { line: number; column: number };
}

function isConfigRoot(n: TSNode, underConfigDir: boolean): boolean {
  if (n.type === 'identifier' && n.text === 'config') return underConfigDir;
  const t = n.text.replace(/\s/g, '');
  return t === 'Rails.application.config' || t === 'Rails.configuration' || /^(::)?([A-Z]\w*::)*Application\.config$/.test(t);
}

/** The path of `n` below a config root (`[]` for the root itself), or undefined. */
function configBase(n: TSNode, underConfigDir: boolean): string[] | undefined {
  if (isConfigRoot(n, underConfigDir)) return [];
  return configPath(n, underConfigDir);
}

/** `config.a.b` chains: the path after the config root, or undefined when `n` is not one. */
function configPath(n: TSNode, underConfigDir: boolean): string[] | undefined {
  const path: string[] = [];
  let cur: TSNode | undefined = n;
  while (cur && cur.type === 'call' && !field(cur, 'arguments') && !field(cur, 'block')) {
    const recv = field(cur, 'receiver');
    const m = methodName(cur);
    if (!m) return undefined;
    if (!recv) {
      // bare `config` as a method call without receiver
      return undefined;
    }
    path.unshift(m);
    if (isConfigRoot(recv, underConfigDir)) return path;
    cur = recv;
  }
  return undefined;
}

const CONDITIONALS = new Set(['if', 'unless', 'elsif', 'else', 'if_modifier', 'unless_modifier', 'case', 'when', 'conditional', 'rescue_modifier']);

function isConditional(n: TSNode): boolean {
  for (let p = n.parent; p; p = p.parent) {
    if (CONDITIONALS.has(p.type)) return true;
    if (p.type === 'method' || p.type === 'singleton_method') return true;
  }
  return false;
}

function classInfo(n: TSNode): { className?: string; superclass?: string } {
  for (let p = n.parent; p; p = p.parent) {
    if (p.type === 'class') {
      const sc = field(p, 'superclass');
      return { className: field(p, 'name')?.text, superclass: sc ? kids(sc)[0]?.text : undefined };
    }
  }
  return {};
}

/** Identifiers, constants and strings that name request authentication without a session (see ForgeryDirective.requestAuth). */
const REQUEST_AUTH = /signature|hmac|^(validate|verify)_webhook|construct_event|authenticate_with_http_token|authenticate_or_request_with_http_token|doorkeeper_authorize|^Doorkeeper$|api[_-]?key|bearer|authenticate_(api|token|request|client)/i;

function requestAuthIn(n: TSNode): string[] | undefined {
  let cls: TSNode | undefined;
  for (let p = n.parent; p; p = p.parent) if (p.type === 'class') { cls = p; break; }
  if (!cls) return undefined;
  const found = new Set<string>();
  const stack: TSNode[] = [cls];
  let visited = 0;
  while (stack.length && found.size < 5 && visited++ < 20000) {
    const x = stack.pop()!;
    if ((x.type === 'identifier' || x.type === 'constant' || x.type === 'string_content') && x.text.length < 80 && REQUEST_AUTH.test(x.text)) found.add(x.text);
    for (const c of kids(x)) stack.push(c);
  }
  return found.size ? [...found].sort() : undefined;
}

function withAuth(n: TSNode): { requestAuth?: string[] } {
  const a = requestAuthIn(n);
  return a ? { requestAuth: a } : {};
}

/** Argument values, with trailing `key: value` pairs gathered into one hash (Ruby's implicit hash argument). */
function argumentValues(args: TSNode[]): RubyValue[] {
  const out: RubyValue[] = [];
  let hash: RubyValue | undefined;
  for (const a of args) {
    if (a.type === 'pair') {
      if (!hash) {
        hash = { kind: 'hash', pairs: [], ...pos(a) };
        out.push(hash);
      }
      const key = pairKey(a);
      const v = field(a, 'value');
      if (key !== undefined && v) hash.pairs!.push({ key, value: rubyValue(v), ...pos(a) });
    } else out.push(rubyValue(a));
  }
  return out;
}

function forgeryOptions(args: TSNode[]): Record<string, RubyValue> {
  const options: Record<string, RubyValue> = {};
  for (const a of args) {
    const pairs = a.type === 'pair' ? [a] : a.type === 'hash' ? kids(a).filter((c) => c.type === 'pair') : [];
    for (const p of pairs) {
      const key = pairKey(p);
      const v = field(p, 'value');
      if (key && v) options[key] = rubyValue(v);
    }
  }
  return options;
}

type LiteralTarget = { name: string; key: string; how: NonNullable<CodeLiteralAssignment['how']> };

function literalTarget(left: TSNode): LiteralTarget | undefined {
  switch (left.type) {
    case 'identifier':
    case 'constant':
      return { name: left.text, key: left.text, how: 'assign' };
    case 'instance_variable':
    case 'class_variable':
    case 'global_variable':
      return { name: left.text, key: left.text.replace(/^[@$]+/, ''), how: 'assign' };
    case 'scope_resolution': {
      const nm = field(left, 'name')?.text;
      return nm ? { name: left.text, key: nm, how: 'assign' } : undefined;
    }
    case 'call': {
      const m = methodName(left);
      return m && !field(left, 'arguments') ? { name: left.text.replace(/\s+/g, ''), key: m, how: 'attribute' } : undefined;
    }
    case 'element_reference': {
      const k = kids(left).filter((c) => c.id !== field(left, 'object')?.id)[0];
      const key = k ? (rubyString(k) ?? symbolName(k)) : undefined;
      return key !== undefined ? { name: left.text, key, how: 'index' } : undefined;
    }
  }
  return undefined;
}

function walkRuby(root: TSNode, file: SourceFile, ctx: CollectContext, opts: { underConfigDir: boolean; readsOnly?: boolean }, source: string): RubyOut {
  const out: RubyOut = { envReads: [], settings: [], forgery: [], literalAssignments: [] };
  /** Positions of env reads whose literal fallback a rails rule reports (`config.secret_key_base = ENV.fetch("…", "…")`). */
  const reserved = new Set<string>();
  const addLiteral = (target: LiteralTarget | undefined, valueNode: TSNode, at: TSNode) => {
    if (!target) return;
    const value = rubyString(valueNode);
    if (value === undefined) return;
    if (isSecretName(target.key)) ctx.registerSecret(value);
    out.literalAssignments.push({ name: target.name, key: target.key, value, how: target.how, file: file.path, ...pos(at) });
  };
  const visitRead = (n: TSNode) => {
    const read = readAt(n);
    if (!read) return false;
    // `ENV["X"] = …` writes, it does not read
    if (n.parent?.type === 'assignment' && field(n.parent, 'left')?.id === n.id) return false;
    const c = readContext(read);
    const r = envRead({ key: read.name, via: read.via, file: file.path, ...pos(n), fallback: c.fallback, presenceTest: c.presenceTest, presenceGuard: !c.presenceTest && underPresenceTest(read), devOnlyBranch: inDevOnlyBranch(n), alternatives: c.alternatives });
    if (r.defaultValue !== undefined && isSecretName(read.name)) ctx.registerSecret(r.defaultValue);
    out.envReads.push(r);
    // The literal fallback is a literal assignment too (`ENV["X"] ||= "…"` already is one).
    const orAssign = n.parent?.type === 'operator_assignment' && field(n.parent, 'left')?.id === n.id;
    if (r.defaultValue !== undefined && !orAssign && !reserved.has(`${r.line}:${r.column}`)) {
      out.literalAssignments.push({ name: read.name, key: read.name, value: r.defaultValue, how: 'env-default', file: file.path, line: r.line, column: r.column });
    }
    return true;
  };
  const visitStructure = (n: TSNode) => {
    switch (n.type) {
      case 'assignment':
      case 'operator_assignment': {
        const left = field(n, 'left');
        const right = field(n, 'right');
        if (!left || !right) break;
        const path = left.type === 'call' ? configPath(left, opts.underConfigDir) : undefined;
        if (path && n.type === 'assignment') {
          const value = rubyValue(right);
          out.settings.push({ key: path.join('.'), form: 'assign', value, ...(isConditional(n) ? { conditional: true } : {}), ...pos(n) });
          if (SETTING_KEYS_NOT_LITERALS.has(path[path.length - 1]!)) {
            const v = rubyString(right);
            if (v !== undefined) ctx.registerSecret(v);
            if (value.kind === 'env') {
              reserved.add(`${value.line}:${value.column}`);
              if (value.envDefault) ctx.registerSecret(value.envDefault);
            }
            break; // reported by rails/hardcoded-secret, not as a generic literal
          }
        }
        const op = n.type === 'operator_assignment' ? field(n, 'operator')?.type : '=';
        if (op === '=' || op === '||=') addLiteral(literalTarget(left), right, left);
        break;
      }
      case 'pair': {
        const key = pairKey(n);
        const v = field(n, 'value');
        if (key !== undefined && v) addLiteral({ name: key, key, how: 'hash-key' }, v, n);
        break;
      }
      case 'call':
      case 'identifier': {
        const m = n.type === 'identifier' ? n.text : methodName(n);
        if (n.type === 'identifier') {
          // a bare method call statement (`protect_from_forgery`)
          const parentType = n.parent?.type;
          if (parentType !== 'body_statement' && parentType !== 'program' && parentType !== 'then' && parentType !== 'else') break;
        } else if (field(n, 'receiver')) {
          // `config.session_store :cookie_store, …` / `Rails.application.config.session_store …`
          if (field(n, 'arguments') && !field(n, 'block') && m && n.parent?.type !== 'assignment') {
            const base = configBase(field(n, 'receiver')!, opts.underConfigDir);
            if (base) {
              const items = argumentValues(argsOf(n));
              const value: RubyValue = items.length === 1 ? items[0]! : { kind: 'list', items, ...pos(field(n, 'arguments')!) };
              out.settings.push({ key: [...base, m].join('.'), form: 'call', value, ...(isConditional(n) ? { conditional: true } : {}), ...pos(n) });
            }
          }
          const rt = field(n, 'receiver')!.text.replace(/\s/g, '');
          if (!out.anchor && m === 'configure' && (rt === 'Rails.application' || /::Application$|^Application$/.test(rt))) out.anchor = pos(n);
          break;
        }
        if (m === 'protect_from_forgery' || m === 'skip_forgery_protection') {
          const args = n.type === 'call' ? argsOf(n) : [];
          out.forgery.push({ kind: m, options: forgeryOptions(args), ...classInfo(n), ...withAuth(n), ...pos(n) });
        } else if (m === 'skip_before_action' || m === 'skip_before_filter' || m === 'skip_action_callback') {
          const args = n.type === 'call' ? argsOf(n) : [];
          if (args.some((a) => symbolName(a) === 'verify_authenticity_token')) {
            out.forgery.push({ kind: 'skip_verify_authenticity_token', options: forgeryOptions(args), ...classInfo(n), ...withAuth(n), ...pos(n) });
          }
        }
        break;
      }
      case 'class': {
        const sc = field(n, 'superclass');
        if (!out.anchor && sc && /Rails::Application$/.test(kids(sc)[0]?.text ?? '')) out.anchor = pos(n);
        break;
      }
    }
  };
  for (const n of candidates(root, source)) {
    visitRead(n);
    if (!opts.readsOnly) visitStructure(n);
  }
  return out;
}

/** Node types the walk looks at. */
const RUBY_TYPES = new Set(['element_reference', 'call', 'assignment', 'operator_assignment', 'pair', 'identifier', 'class']);
/** Calls worth materializing: ENV reads, config chains, forgery directives, `configure`. */
const CALL_HINT = /^(::)?ENV\b|config|forgery|skip_before|skip_action/;
const BARE_METHODS = new Set(['protect_from_forgery', 'skip_forgery_protection']);

/**
 * The nodes the walk needs, in document order. A tree cursor skips everything else without
 * creating node objects (the expensive part of web-tree-sitter); calls and identifiers are
 * filtered on their source text first.
 */
function candidates(root: TSNode, source: string): TSNode[] {
  const out: TSNode[] = [];
  const ids = typeIds(root, RUBY_TYPES);
  const cursor = root.walk();
  try {
    for (;;) {
      if (ids.has(cursor.nodeTypeId)) {
        const type = cursor.nodeType;
        let keep = true;
        if (type === 'call' || type === 'element_reference') {
          const start = cursor.startIndex;
          const head = source.slice(start, Math.min(cursor.endIndex, start + 160)).split('\n', 1)[0]!;
          keep = type === 'call' ? CALL_HINT.test(head) : /^(::)?ENV\b/.test(head);
        } else if (type === 'identifier') {
          keep = BARE_METHODS.has(source.slice(cursor.startIndex, cursor.endIndex));
        }
        if (keep) out.push(cursor.currentNode);
      }
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return out;
      }
    }
  } finally {
    cursor.delete();
  }
}

// ---------------------------------------------------------------------------------------------
// ERB-templated YAML (config/database.yml, config/secrets.yml …)

const ERB_TAG = /<%(=|-|#)?([\s\S]*?)-?%>/g;

/** Blanks everything but Ruby code inside ERB tags, keeping every code character at its line and column. */
function erbRubyShadow(text: string): { shadow: string; tags: { start: number; end: number; output: boolean }[] } {
  const chars = text.replace(/[^\n]/g, ' ').split('');
  const tags: { start: number; end: number; output: boolean }[] = [];
  for (const m of text.matchAll(ERB_TAG)) {
    const start = m.index!;
    const end = start + m[0].length;
    tags.push({ start, end, output: m[1] === '=' });
    if (m[1] === '#') continue;
    const codeStart = start + 2 + (m[1] ? 1 : 0);
    for (let i = codeStart; i < codeStart + m[2]!.length; i++) chars[i] = text[i]!;
    chars[end - 2] = ';';
  }
  return { shadow: chars.join(''), tags };
}

/** The YAML text with ERB output tags as same-length plain text and control tags blanked. */
function erbYamlText(text: string, tags: { start: number; end: number; output: boolean }[]): string {
  let out = '';
  let last = 0;
  for (const t of tags) {
    out += text.slice(last, t.start);
    const len = t.end - t.start;
    out += t.output ? 'E'.repeat(len) : text.slice(t.start, t.end).replace(/[^\n]/g, ' ');
    last = t.end;
  }
  return out + text.slice(last);
}

function sectionEnv(key: string, fileEnv: EnvName): EnvName {
  if (fileEnv !== SHARED) return fileEnv;
  const k = key.toLowerCase();
  if (['default', 'defaults', 'shared', 'common', 'base'].includes(k)) return SHARED;
  return normalizeEnvName(k);
}

async function collectYaml(file: SourceFile, ctx: CollectContext, role: RailsConfigRole): Promise<RubyFacts[] | undefined> {
  const text = file.content;
  const hasErb = text.includes('<%');
  if (role === 'config-yaml' && !hasErb) return undefined;
  const { shadow, tags } = erbRubyShadow(text);
  let reads: CodeEnvRead[] = [];
  if (hasErb) {
    reads = await withTree('ruby', shadow, (tree) => walkRuby(tree.rootNode, file, ctx, { underConfigDir: false, readsOnly: true }, shadow).envReads);
  }
  const { parseDocument, LineCounter, isMap, isScalar, isPair, isAlias } = await import('yaml');
  const lc = new LineCounter();
  const doc = parseDocument(erbYamlText(text, tags), { lineCounter: lc, uniqueKeys: false });
  const base = (section?: string): RubyFacts => ({
    file: file.path,
    environment: section === undefined ? file.environment : sectionEnv(section, file.environment),
    source: 'yaml',
    railsConfig: role,
    section,
    anchor: { line: 1, column: 1 },
    envReads: [],
    settings: [],
    forgery: [],
    yamlSecrets: [],
    literalAssignments: [],
  });
  if (doc.errors.length || !isMap(doc.contents)) {
    if (doc.errors.length && role !== 'config-yaml') {
      const e = doc.errors[0]!;
      throw new ParseError(`YAML: ${e.message.split('\n')[0]}`, e.linePos?.[0]?.line, e.linePos?.[0]?.col);
    }
    const only = base();
    only.envReads = reads;
    return [only];
  }
  const facts: RubyFacts[] = [];
  const outside = base();
  const tagAt = (start: number, end: number) => tags.some((t) => t.start < end && t.end > start);
  for (const item of doc.contents.items) {
    if (!isPair(item) || !isScalar(item.key)) continue;
    const section = String(item.key.value);
    const f = base(section);
    f.yamlKeys = [];
    const kr = item.key.range!;
    const end = (item.value as { range?: [number, number, number] } | null)?.range?.[2] ?? kr[2];
    const from = lc.linePos(kr[0]);
    const to = lc.linePos(Math.max(kr[0], end - 1));
    f.anchor = { line: from.line, column: from.col };
    f.envReads = reads.filter((r) => r.line >= from.line && r.line <= to.line);
    // Literal secrets under secret-like keys.
    const visit = (node: unknown, path: string[]) => {
      if (!isMap(node)) return;
      for (const p of node.items) {
        if (!isPair(p) || !isScalar(p.key)) continue;
        const key = String(p.key.value);
        if (key === '<<') continue;
        if (isMap(p.value)) visit(p.value, [...path, key]);
        else f.yamlKeys!.push([...path, key].join('.'));
        if (isMap(p.value)) continue;
        else if (isScalar(p.value) && (isSecretName(key) || key === 'secret_key_base')) {
          const r = p.value.range!;
          if (p.value.value === null || p.value.value === undefined) continue;
          if (tagAt(r[0], r[1])) continue; // ERB: not a literal
          const value = String(p.value.value);
          if (!value) continue;
          ctx.registerSecret(value);
          const lp = lc.linePos(r[0]);
          f.yamlSecrets.push({ key: [...path, key].join('.'), value, line: lp.line, column: lp.col });
        }
      }
    };
    visit(item.value, []);
    if (role === 'database') f.databaseAdapters = adaptersOf(item.value, doc, lc, tagAt, { isMap, isScalar, isPair, isAlias });
    facts.push(f);
  }
  const covered = new Set(facts.flatMap((f) => f.envReads));
  outside.envReads = reads.filter((r) => !covered.has(r));
  if (outside.envReads.length) facts.push(outside);
  return facts;
}

interface YamlGuards {
  isMap: typeof import('yaml').isMap;
  isScalar: typeof import('yaml').isScalar;
  isPair: typeof import('yaml').isPair;
  isAlias: typeof import('yaml').isAlias;
}

/** Adapters of a database.yml section: its own connection, or each nested connection that has one. */
function adaptersOf(node: unknown, doc: import('yaml').Document, lc: import('yaml').LineCounter, tagAt: (s: number, e: number) => boolean, y: YamlGuards): DatabaseAdapter[] {
  type Found = { value: import('yaml').Scalar; mergedAt?: { line: number; column: number } };
  /** The pair `key` of a map, looking through `<<` merges (aliases resolved, four levels and 256 maps at most: alias bombs stay bounded). */
  let budget = 256;
  const lookup = (map: unknown, key: string, depth = 0): Found | undefined => {
    if (!y.isMap(map) || depth > 4 || budget-- <= 0) return undefined;
    for (const p of map.items) if (y.isPair(p) && y.isScalar(p.key) && String(p.key.value) === key && y.isScalar(p.value)) return { value: p.value };
    for (const p of map.items) {
      if (!y.isPair(p) || !y.isScalar(p.key) || p.key.value !== '<<') continue;
      const targets = y.isAlias(p.value) ? [p.value.resolve(doc)] : y.isMap(p.value) ? [p.value] : [];
      for (const t of targets) {
        const hit = lookup(t, key, depth + 1);
        if (hit) {
          const at = lc.linePos(p.key.range![0]);
          return { value: hit.value, mergedAt: hit.mergedAt ?? { line: at.line, column: at.col } };
        }
      }
    }
    return undefined;
  };
  const one = (map: unknown, connection: string): DatabaseAdapter | undefined => {
    budget = 256;
    const a = lookup(map, 'adapter');
    if (!a) return undefined;
    const r = a.value.range!;
    const at = lc.linePos(r[0]);
    const url = lookup(map, 'url');
    const db = lookup(map, 'database');
    return {
      connection,
      adapter: tagAt(r[0], r[1]) || a.value.value === null ? undefined : String(a.value.value),
      line: at.line,
      column: at.col,
      ...(a.mergedAt ? { mergedAt: a.mergedAt } : {}),
      ...(url && tagAt(url.value.range![0], url.value.range![1]) ? { urlFromErb: true } : {}),
      ...(db && !tagAt(db.value.range![0], db.value.range![1]) && db.value.value !== null ? { database: String(db.value.value) } : {}),
    };
  };
  const own = one(node, '');
  if (own) return [own];
  const out: DatabaseAdapter[] = [];
  if (y.isMap(node)) {
    for (const p of node.items) {
      if (!y.isPair(p) || !y.isScalar(p.key) || p.key.value === '<<' || !y.isMap(p.value)) continue;
      const c = one(p.value, String(p.key.value));
      if (c) out.push(c);
      if (out.length >= 64) break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

const collector: Collector<'ruby'> = {
  fact: 'ruby',
  kinds: ['ruby', 'yaml'],
  async collect(file, ctx) {
    const role = railsRoleOf(file.path);
    if (file.kind === 'yaml') {
      if (role !== 'secrets' && role !== 'database' && role !== 'config-yaml') return undefined;
      return collectYaml(file, ctx, role);
    }
    const underConfigDir = /(^|\/)config\//.test(file.path);
    return withTree('ruby', file.content, (tree) => {
      const err = firstError(tree.rootNode);
      if (err) {
        const at = pos(err);
        throw new ParseError('Ruby syntax error', at.line, at.column);
      }
      const out = walkRuby(tree.rootNode, file, ctx, { underConfigDir }, file.content);
      const fact: RubyFacts = {
        file: file.path,
        environment: file.environment,
        source: 'ruby',
        railsConfig: role,
        anchor: out.anchor ?? { line: 1, column: 1 },
        envReads: out.envReads,
        settings: out.settings,
        forgery: out.forgery,
        yamlSecrets: [],
        literalAssignments: out.literalAssignments,
      };
      return fact;
    });
  },
};

export default collector;
