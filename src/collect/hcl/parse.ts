/**
 * HCL syntax → `RawBlock` / `RawAttr` / `Expr`, from the tree-sitter terraform grammar
 * (@tree-sitter-grammars/tree-sitter-hcl). The tree is converted to plain objects at once, so the
 * WASM tree can be freed right after parsing.
 *
 * Node types used (see the grammar's make_grammar.js): config_file, body, attribute, block,
 * block_start/end, identifier, expression, literal_value (numeric_lit, bool_lit, null_lit,
 * string_lit), template_expr (quoted_template, heredoc_template), template_literal,
 * template_interpolation, template_directive, collection_value (tuple, object, object_elem),
 * variable_expr, get_attr, index (new_index, legacy_index), splat (attr_splat, full_splat),
 * function_call, function_arguments, for_expr, conditional, operation (unary_operation,
 * binary_operation), comment, ERROR.
 */
import { firstError, withTree, type TSNode } from '../treesitter.js';
import { LineIndex } from '../../lib/lines.js';
import type { Expr, Loc, ObjItem, Offsets, RawAttr, RawBlock, Step, TmplPart } from '../../facts/terraform/types.js';

/** Offset → line/column for one source text. */
export interface ParsedFile {
  path: string;
  source: string;
  lines: LineIndex;
  blocks: RawBlock[];
  /** Top-level attributes (`.tfvars`; in `.tf` files they are invalid and ignored). */
  attrs: RawAttr[];
  /** The first syntax error, when the tree has one. */
  error?: { line: number; column: number; message: string };
  /** Nothing valid could be read (the file is one big syntax error). */
  unusable: boolean;
}

const BINARY_OPS = new Set(['*', '/', '%', '+', '-', '>', '>=', '<', '<=', '==', '!=', '&&', '||']);

class Converter {
  constructor(
    private readonly file: string,
    private readonly src: string,
  ) {}

  loc(n: TSNode): Loc {
    return { file: this.file, line: n.startPosition.row + 1, column: n.startPosition.column + 1 };
  }

  text(n: TSNode): string {
    return shorten(this.src.slice(n.startIndex, n.endIndex));
  }

  named(n: TSNode): TSNode[] {
    return n.namedChildren.filter((c): c is TSNode => !!c && c.type !== 'comment');
  }

  all(n: TSNode): TSNode[] {
    return n.children.filter((c): c is TSNode => !!c && c.type !== 'comment');
  }

  block(n: TSNode): RawBlock {
    const kids = this.all(n);
    const type = kids[0]!.text;
    const labels: string[] = [];
    let body: TSNode | undefined;
    let end: TSNode | undefined;
    for (const k of kids.slice(1)) {
      if (k.type === 'string_lit') labels.push(this.stringLit(k).v as string);
      else if (k.type === 'identifier') labels.push(k.text);
      else if (k.type === 'body') body = k;
      else if (k.type === 'block_end') end = k;
    }
    const out: RawBlock = { type, labels, loc: this.loc(n), endLine: (end ?? n).endPosition.row + 1, attrs: [], blocks: [] };
    if (body) this.body(body, out.attrs, out.blocks);
    return out;
  }

  body(n: TSNode, attrs: RawAttr[], blocks: RawBlock[], skipErrors = false): void {
    for (const c of this.named(n)) {
      if (skipErrors && c.hasError) continue;
      if (c.type === 'attribute') attrs.push(this.attribute(c));
      else if (c.type === 'block') blocks.push(this.block(c));
    }
  }

  attribute(n: TSNode): RawAttr {
    const kids = this.named(n);
    const name = kids[0]!.text;
    const e = kids.find((k) => k.type === 'expression');
    const expr: Expr = e ? this.expr(e) : { t: 'other', loc: this.loc(n), text: '', inner: [] };
    return { name, loc: this.loc(n), expr, text: e ? this.text(e) : '' };
  }

  /** An `expression` node (or any expression term node). */
  expr(n: TSNode): Expr {
    if (n.type === 'expression') {
      const kids = this.all(n);
      if (kids.length === 1 && kids[0]!.type === 'conditional') return this.expr(kids[0]!);
      return this.term(kids, n);
    }
    return this.term([n], n);
  }

  /** A term written as a sequence of sibling nodes: base followed by postfix accessors. */
  term(kids: TSNode[], whole: TSNode): Expr {
    if (kids.length === 0) return { t: 'other', loc: this.loc(whole), text: this.text(whole), inner: [] };
    let base: Expr;
    let rest: TSNode[];
    if (kids[0]!.type === '(') {
      const inner = kids.find((k) => k.type === 'expression');
      base = inner ? this.expr(inner) : { t: 'other', loc: this.loc(whole), text: this.text(whole), inner: [] };
      const close = kids.findIndex((k) => k.type === ')');
      rest = close >= 0 ? kids.slice(close + 1) : [];
    } else {
      base = this.base(kids[0]!);
      rest = kids.slice(1);
    }
    if (rest.length === 0) return base;
    const steps = this.steps(rest);
    const loc = this.loc(kids[0]!);
    const last = kids[kids.length - 1]!;
    const text = shorten(this.src.slice(kids[0]!.startIndex, last.endIndex));
    if (base.t === 'trav') return { t: 'trav', root: base.root, steps: [...base.steps, ...steps], loc: base.loc, text };
    return { t: 'access', base, steps, loc, text };
  }

  steps(nodes: TSNode[]): Step[] {
    const out: Step[] = [];
    for (const n of nodes) {
      if (n.type === 'get_attr') {
        const id = this.named(n).find((k) => k.type === 'identifier');
        out.push({ k: 'attr', name: id?.text ?? '' });
      } else if (n.type === 'index') {
        const inner = this.named(n)[0];
        if (inner?.type === 'new_index') {
          const e = this.named(inner).find((k) => k.type === 'expression');
          out.push({ k: 'index', e: e ? this.expr(e) : { t: 'other', loc: this.loc(n), text: this.text(n), inner: [] } });
        } else if (inner?.type === 'legacy_index') {
          const num = Number(inner.text.replace(/^\./, ''));
          out.push({ k: 'index', e: { t: 'lit', v: num, loc: this.loc(inner) } });
        }
      } else if (n.type === 'splat') {
        out.push({ k: 'splat' });
        const s = this.named(n)[0];
        if (s) out.push(...this.steps(this.named(s)));
      }
    }
    return out;
  }

  base(n: TSNode): Expr {
    switch (n.type) {
      case 'expression':
        return this.expr(n);
      case 'literal_value':
        return this.literal(this.named(n)[0]!);
      case 'template_expr': {
        const t = this.named(n)[0]!;
        return t.type === 'heredoc_template' ? this.heredoc(t) : this.quoted(t);
      }
      case 'collection_value': {
        const c = this.named(n)[0]!;
        return c.type === 'tuple' ? this.tuple(c) : this.object(c);
      }
      case 'tuple':
        return this.tuple(n);
      case 'object':
        return this.object(n);
      case 'variable_expr':
        return { t: 'trav', root: n.text, steps: [], loc: this.loc(n), text: n.text };
      case 'function_call':
        return this.call(n);
      case 'conditional': {
        const [c, a, b] = this.named(n).filter((k) => k.type === 'expression');
        if (!c || !a || !b) return this.other(n);
        return { t: 'cond', c: this.expr(c), a: this.expr(a), b: this.expr(b), loc: this.loc(n) };
      }
      case 'operation':
        return this.operation(this.named(n)[0]!);
      case 'unary_operation':
      case 'binary_operation':
        return this.operation(n);
      default:
        return this.other(n);
    }
  }

  other(n: TSNode): Expr {
    return { t: 'other', loc: this.loc(n), text: this.text(n), inner: this.travsInside(n) };
  }

  /** Every traversal inside a node we do not evaluate (for expressions): their references still count. */
  travsInside(n: TSNode): Expr[] {
    const out: Expr[] = [];
    for (const v of n.descendantsOfType('variable_expr')) {
      if (!v) continue;
      const p = v.parent;
      if (!p) continue;
      const sibs = this.all(p);
      const i = sibs.findIndex((s) => s.startIndex === v.startIndex && s.type === 'variable_expr');
      const seq = [v];
      for (let j = i + 1; j < sibs.length; j++) {
        const s = sibs[j]!;
        if (s.type === 'get_attr' || s.type === 'index' || s.type === 'splat') seq.push(s);
        else break;
      }
      out.push(this.term(seq, v));
    }
    return out;
  }

  operation(n: TSNode): Expr {
    const kids = this.all(n);
    if (n.type === 'unary_operation') {
      return { t: 'unop', op: kids[0]!.text, x: this.term(kids.slice(1), n), loc: this.loc(n) };
    }
    if (n.type === 'binary_operation') {
      let depth = 0;
      let at = -1;
      for (let i = 0; i < kids.length; i++) {
        const k = kids[i]!;
        if (k.type === '(') depth++;
        else if (k.type === ')') depth--;
        else if (!k.isNamed && depth === 0 && BINARY_OPS.has(k.type) && i > 0) {
          at = i;
          break;
        }
      }
      if (at < 0) return this.other(n);
      return { t: 'binop', op: kids[at]!.type, l: this.term(kids.slice(0, at), n), r: this.term(kids.slice(at + 1), n), loc: this.loc(n) };
    }
    return this.other(n);
  }

  call(n: TSNode): Expr {
    const kids = this.named(n);
    const name = kids[0]!.text;
    const argsNode = kids.find((k) => k.type === 'function_arguments');
    const args = argsNode ? this.named(argsNode).filter((k) => k.type === 'expression').map((k) => this.expr(k)) : [];
    return { t: 'call', name, args, loc: this.loc(n), text: this.text(n) };
  }

  tuple(n: TSNode): Expr {
    return { t: 'tuple', items: this.named(n).filter((k) => k.type === 'expression').map((k) => this.expr(k)), loc: this.loc(n) };
  }

  object(n: TSNode): Expr {
    const items: ObjItem[] = [];
    for (const el of this.named(n)) {
      if (el.type !== 'object_elem') continue;
      const k = el.childForFieldName('key');
      const v = el.childForFieldName('val');
      if (!k || !v) continue;
      const key = this.expr(k);
      let keyName: string | undefined;
      if (key.t === 'trav' && key.steps.length === 0) keyName = key.root;
      else if (key.t === 'lit' && typeof key.v === 'string') keyName = key.v;
      else if (key.t === 'tmpl' && key.parts.every((p) => 's' in p)) keyName = key.parts.map((p) => ('s' in p ? p.s : '')).join('');
      items.push({ key, keyName, value: this.expr(v), loc: this.loc(el) });
    }
    return { t: 'object', items, loc: this.loc(n) };
  }

  literal(n: TSNode): Expr {
    switch (n.type) {
      case 'numeric_lit':
        return { t: 'lit', v: n.text.startsWith('0x') ? parseInt(n.text, 16) : Number(n.text), loc: this.loc(n) };
      case 'bool_lit':
        return { t: 'lit', v: n.text === 'true', loc: this.loc(n) };
      case 'null_lit':
        return { t: 'lit', v: null, loc: this.loc(n) };
      case 'string_lit':
        return this.stringLit(n);
      default:
        return this.other(n);
    }
  }

  stringLit(n: TSNode): Expr & { t: 'lit' } {
    const kids = this.all(n);
    const start = kids.find((k) => k.type === 'quoted_template_start');
    const end = kids.find((k) => k.type === 'quoted_template_end');
    const from = start ? start.endIndex : n.startIndex;
    const to = end ? end.startIndex : n.endIndex;
    const { s, offsets } = unescapeQuoted(this.src, from, to);
    return { t: 'lit', v: s, loc: this.loc(n), offsets: compress(offsets) };
  }

  quoted(n: TSNode): Expr {
    const kids = this.all(n);
    const start = kids.find((k) => k.type === 'quoted_template_start');
    const end = kids.find((k) => k.type === 'quoted_template_end');
    const from = start ? start.endIndex : n.startIndex;
    const to = end ? end.startIndex : n.endIndex;
    const inner = kids.filter((k) => k.type === 'template_interpolation' || k.type === 'template_directive');
    return { t: 'tmpl', parts: this.templateParts(from, to, inner, false).map(compressPart), loc: this.loc(n), heredoc: false };
  }

  heredoc(n: TSNode): Expr {
    const kids = this.all(n);
    const strip = kids.find((k) => k.type === 'heredoc_start')?.text === '<<-';
    const ids = kids.filter((k) => k.type === 'heredoc_identifier');
    const open = ids[0];
    const close = ids[ids.length - 1];
    if (!open || !close || open === close) return this.other(n);
    const nl = this.src.indexOf('\n', open.endIndex);
    const from = nl < 0 ? open.endIndex : nl + 1;
    const to = Math.max(from, this.src.lastIndexOf('\n', close.startIndex - 1) + 1);
    const inner = kids.filter((k) => (k.type === 'template_interpolation' || k.type === 'template_directive') && k.startIndex >= from);
    let parts = this.templateParts(from, to, inner, true);
    if (strip) parts = stripIndent(parts);
    return { t: 'tmpl', parts: parts.map(compressPart), loc: this.loc(n), heredoc: true };
  }

  /** Literal gaps between interpolations / directives, taken from the source text itself. */
  templateParts(from: number, to: number, inner: TSNode[], heredoc: boolean): Part[] {
    const parts: Part[] = [];
    let cursor = from;
    let trimNextLeading = false;
    const pushLit = (a: number, b: number) => {
      if (b <= a) return;
      const lit = heredoc ? unescapeHeredoc(this.src, a, b) : unescapeQuoted(this.src, a, b);
      if (trimNextLeading) {
        let i = 0;
        while (i < lit.s.length && /\s/.test(lit.s[i]!)) i++;
        lit.s = lit.s.slice(i);
        lit.offsets = lit.offsets.slice(i);
        trimNextLeading = false;
      }
      if (lit.s) parts.push(lit);
    };
    for (const k of inner) {
      pushLit(cursor, k.startIndex);
      const kk = this.all(k);
      const stripLeft = kk[1]?.type === 'strip_marker';
      const stripRight = kk[kk.length - 2]?.type === 'strip_marker';
      if (stripLeft) {
        const prev = parts[parts.length - 1];
        if (prev && 's' in prev) {
          let j = prev.s.length;
          while (j > 0 && /\s/.test(prev.s[j - 1]!)) j--;
          prev.s = prev.s.slice(0, j);
          prev.offsets = prev.offsets.slice(0, j);
        }
      }
      if (k.type === 'template_interpolation') {
        const e = kk.find((c) => c.type === 'expression');
        if (e) parts.push({ e: this.expr(e), loc: this.loc(k), offset: k.startIndex });
      } else {
        parts.push({ directive: true, refs: this.travsInside(k), loc: this.loc(k) });
      }
      trimNextLeading = stripRight;
      cursor = k.endIndex;
    }
    pushLit(cursor, to);
    return parts;
  }
}

/** A template part while building: literal offsets still one per character. */
type Part = { s: string; offsets: number[] } | Exclude<TmplPart, { s: string }>;

function compress(offsets: number[]): Offsets {
  if (offsets.length === 0) return 0;
  const first = offsets[0]!;
  for (let i = 1; i < offsets.length; i++) if (offsets[i] !== first + i) return offsets;
  return first;
}

function compressPart(p: Part): TmplPart {
  return 's' in p ? { s: p.s, offsets: compress(p.offsets) } : p;
}

function shorten(s: string): string {
  const one = s.replace(/\s*\n\s*/g, ' ');
  return one.length > 120 ? one.slice(0, 117) + '...' : one;
}

/** Quoted-string escapes: \n \r \t \" \\ \uNNNN \UNNNNNNNN, and $${ / %%{. */
export function unescapeQuoted(src: string, from: number, to: number): { s: string; offsets: number[] } {
  let s = '';
  const offsets: number[] = [];
  let i = from;
  while (i < to) {
    const ch = src[i]!;
    if (ch === '\\' && i + 1 < to) {
      const n = src[i + 1]!;
      const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
      if (simple[n] !== undefined) {
        s += simple[n];
        offsets.push(i);
        i += 2;
        continue;
      }
      if ((n === 'u' || n === 'U') && i + 2 < to) {
        const len = n === 'u' ? 4 : 8;
        const hex = src.slice(i + 2, i + 2 + len);
        if (/^[0-9a-fA-F]+$/.test(hex) && hex.length === len) {
          const cp = String.fromCodePoint(parseInt(hex, 16));
          for (let k = 0; k < cp.length; k++) offsets.push(i);
          s += cp;
          i += 2 + len;
          continue;
        }
      }
    }
    if ((ch === '$' || ch === '%') && src[i + 1] === ch && src[i + 2] === '{') {
      s += ch + '{';
      offsets.push(i, i + 2);
      i += 3;
      continue;
    }
    s += ch;
    offsets.push(i);
    i++;
  }
  return { s, offsets };
}

/** Heredocs keep backslashes; only $${ and %%{ are escapes. */
function unescapeHeredoc(src: string, from: number, to: number): { s: string; offsets: number[] } {
  let s = '';
  const offsets: number[] = [];
  let i = from;
  while (i < to) {
    const ch = src[i]!;
    if ((ch === '$' || ch === '%') && src[i + 1] === ch && src[i + 2] === '{') {
      s += ch + '{';
      offsets.push(i, i + 2);
      i += 3;
      continue;
    }
    s += ch;
    offsets.push(i);
    i++;
  }
  return { s, offsets };
}

/** `<<-` heredocs: the smallest indentation of the non-blank lines is removed from every line. */
function stripIndent(parts: Part[]): Part[] {
  // Measure.
  let min = Infinity;
  let atStart = true;
  let count = 0;
  let blank = true;
  const endLine = () => {
    if (!blank) min = Math.min(min, count);
    atStart = true;
    count = 0;
    blank = true;
  };
  for (const p of parts) {
    if ('s' in p) {
      for (const ch of p.s) {
        if (ch === '\n') {
          endLine();
          continue;
        }
        if (atStart && (ch === ' ' || ch === '\t')) count++;
        else {
          atStart = false;
          blank = false;
        }
      }
    } else {
      atStart = false;
      blank = false;
    }
  }
  if (!blank) min = Math.min(min, count);
  if (!isFinite(min) || min === 0) return parts;
  // Strip.
  const out: Part[] = [];
  let lineStart = true;
  let stripped = 0;
  for (const p of parts) {
    if (!('s' in p)) {
      out.push(p);
      lineStart = false;
      continue;
    }
    let s = '';
    const offsets: number[] = [];
    for (let i = 0; i < p.s.length; i++) {
      const ch = p.s[i]!;
      if (lineStart && stripped < min && (ch === ' ' || ch === '\t')) {
        stripped++;
        continue;
      }
      if (ch === '\n') {
        lineStart = true;
        stripped = 0;
      } else lineStart = false;
      s += ch;
      offsets.push(p.offsets[i]!);
    }
    if (s) out.push({ s, offsets });
  }
  return out;
}

/**
 * What an unexpected piece of source is, without quoting it: a parse error is shown in every format
 * and may hold a password (issue 11). Only a lone punctuation character is shown as itself.
 */
export function describeToken(text: string): string {
  const t = text.trim();
  if (!t) return 'end of input';
  if (t.length === 1 && /[{}[\]()=,:;.?!<>+*\/%&|#-]/.test(t)) return `'${t}'`;
  const c = t[0]!;
  const kind = c === '"' || c === "'" ? 'string' : /[0-9]/.test(c) ? 'number' : /[A-Za-z_]/.test(c) ? 'word' : 'text';
  return `${kind} (${[...t].length} characters)`;
}

/** Parses one .tf / .tfvars / .tfvars.json file. */
export async function parseHcl(path: string, source: string): Promise<ParsedFile> {
  return withTree('terraform', source, (tree) => {
    const root = tree.rootNode;
    const conv = new Converter(path, source);
    const out: ParsedFile = { path, source, lines: new LineIndex(source), blocks: [], attrs: [], unusable: false };
    if (root.hasError) {
      const e = firstError(root);
      if (e) {
        const what = e.isMissing ? `missing ${e.type}` : `unexpected ${describeToken(e.text)}`;
        out.error = { line: e.startPosition.row + 1, column: e.startPosition.column + 1, message: `HCL syntax error: ${what}` };
      }
    }
    let valid = 0;
    for (const c of conv.named(root)) {
      if (c.type === 'body') {
        conv.body(c, out.attrs, out.blocks, true);
        valid += out.attrs.length + out.blocks.length;
      } else if (c.type === 'object' && !c.hasError) {
        // .tfvars.json: one top-level object
        const obj = conv.object(c);
        if (obj.t === 'object') {
          for (const it of obj.items) if (it.keyName !== undefined) out.attrs.push({ name: it.keyName, loc: it.loc, expr: it.value, text: '' });
        }
        valid++;
      }
    }
    out.unusable = !!out.error && valid === 0;
    return out;
  });
}
