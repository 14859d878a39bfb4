/**
 * A syntax tree copied out of tree-sitter's WASM memory into flat typed arrays, with a node API
 * shaped like web-tree-sitter's (`type`, `text`, `namedChildren`, `childForFieldName`, `parent`,
 * positions …) for extractors that visit most nodes.
 *
 * Why: web-tree-sitter builds a JavaScript object per node it hands out and crosses into WASM for
 * every property (`namedChildren` marshals each child, `parent` re-descends from the root). An
 * extractor that walks every node spends most of its time there (the Python collector: three times
 * the parse itself). Here one cursor walk copies each node's type, field, parent and extent into
 * arrays; afterwards every access is plain JavaScript and nodes are small objects created on demand.
 *
 * The walk calls the cursor functions of the WASM module directly when the runtime exposes them
 * (the module object web-tree-sitter initialises, see `treesitter.ts`), else the public
 * `TreeCursor` API: the same tree either way, only slower.
 */
import type { Language, Tree } from 'web-tree-sitter';
import { lineStarts, rowAt } from '../lib/lines.js';

/** The cursor entry points of tree-sitter's WASM module (present in web-tree-sitter 0.25). */
export interface RawCursorApi {
  _ts_tree_cursor_goto_first_child_wasm(tree: number): number;
  _ts_tree_cursor_goto_next_sibling_wasm(tree: number): number;
  _ts_tree_cursor_goto_parent_wasm(tree: number): number;
  _ts_tree_cursor_current_node_type_id_wasm(tree: number): number;
  _ts_tree_cursor_current_field_id_wasm(tree: number): number;
  _ts_tree_cursor_start_index_wasm(tree: number): number;
  _ts_tree_cursor_end_index_wasm(tree: number): number;
  _ts_tree_cursor_current_node_is_missing_wasm(tree: number): number;
}

let raw: RawCursorApi | undefined;

/** Called by `treesitter.ts` with the module object once the runtime is initialised. */
export function setRawCursorApi(module: Partial<RawCursorApi> | undefined): void {
  const names: (keyof RawCursorApi)[] = [
    '_ts_tree_cursor_goto_first_child_wasm', '_ts_tree_cursor_goto_next_sibling_wasm', '_ts_tree_cursor_goto_parent_wasm',
    '_ts_tree_cursor_current_node_type_id_wasm', '_ts_tree_cursor_current_field_id_wasm', '_ts_tree_cursor_start_index_wasm',
    '_ts_tree_cursor_end_index_wasm', '_ts_tree_cursor_current_node_is_missing_wasm',
  ];
  raw = module && names.every((n) => typeof module[n] === 'function') ? (module as RawCursorApi) : undefined;
}

/** Whether flattening uses the direct WASM entry points (tests assert it for the pinned runtime). */
export function usesRawCursor(): boolean {
  return raw !== undefined;
}

interface LanguageTables {
  names: string[];
  named: Uint8Array;
  fields: Map<string, number>;
}

function typeName(t: LanguageTables, id: number): string {
  return id === ERROR_SYMBOL ? 'ERROR' : (t.names[id] ?? '');
}
function isNamedType(t: LanguageTables, id: number): boolean {
  return id === ERROR_SYMBOL || t.named[id] === 1;
}

const tables = new WeakMap<Language, LanguageTables>();

function tablesOf(lang: Language): LanguageTables {
  let t = tables.get(lang);
  if (!t) {
    const names: string[] = [];
    const named = new Uint8Array(lang.nodeTypeCount + 1);
    for (let id = 0; id <= lang.nodeTypeCount; id++) {
      names.push(lang.nodeTypeForId(id) ?? '');
      named[id] = lang.nodeTypeIsNamed(id) ? 1 : 0;
    }
    const fields = new Map<string, number>();
    for (let id = 1; id <= lang.fieldCount; id++) {
      const f = lang.fieldNameForId(id);
      if (f) fields.set(f, id);
    }
    t = { names, named, fields };
    tables.set(lang, t);
  }
  return t;
}

/** tree-sitter's `ts_builtin_sym_error`: the symbol of ERROR nodes. */
const ERROR_SYMBOL = 65535;
const FLAG_MISSING = 1;
const FLAG_ERROR = 2; // the node or a descendant is ERROR or MISSING

function grow(a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

/** One parsed file as flat arrays; nodes are numbered in document (pre-)order, 0 is the root. */
export class LiteTree {
  readonly count: number;
  readonly rootNode: LiteNode;
  /** @internal */ readonly typeOf: Int32Array;
  /** @internal */ readonly fieldOf: Int32Array;
  /** @internal */ readonly startOf: Int32Array;
  /** @internal */ readonly endOf: Int32Array;
  /** @internal */ readonly parentOf: Int32Array;
  /** @internal */ readonly nextOf: Int32Array;
  /** @internal */ readonly flags: Uint8Array;
  /** @internal */ readonly t: LanguageTables;
  private readonly nodes: (LiteNode | undefined)[];
  private lineStarts: number[] | undefined;

  constructor(tree: Tree, readonly source: string) {
    this.t = tablesOf(tree.language);
    let cap = Math.max(64, Math.ceil(source.length / 3));
    let type = new Int32Array(cap);
    let field = new Int32Array(cap);
    let start = new Int32Array(cap);
    let end = new Int32Array(cap);
    let parent = new Int32Array(cap);
    let next = new Int32Array(cap);
    let flags = new Uint8Array(cap);
    let n = 0;
    // Open ancestors (node numbers) and, per depth, the last child seen (to link siblings).
    const stack: number[] = [];
    const lastChild: number[] = [];
    const cursor = tree.rootNode.walk();
    try {
      const r = raw;
      const id = (tree as unknown as Record<number, number>)[0]!;
      if (r) void cursor.nodeTypeId; // puts the cursor into the transfer buffer the raw calls work on
      for (;;) {
        if (n === cap) {
          cap *= 2;
          type = grow(type, cap);
          field = grow(field, cap);
          start = grow(start, cap);
          end = grow(end, cap);
          parent = grow(parent, cap);
          next = grow(next, cap);
          const f2 = new Uint8Array(cap);
          f2.set(flags);
          flags = f2;
        }
        let s: number;
        let e: number;
        if (r) {
          type[n] = r._ts_tree_cursor_current_node_type_id_wasm(id);
          field[n] = r._ts_tree_cursor_current_field_id_wasm(id);
          s = r._ts_tree_cursor_start_index_wasm(id);
          e = r._ts_tree_cursor_end_index_wasm(id);
        } else {
          type[n] = cursor.nodeTypeId;
          field[n] = cursor.currentFieldId;
          s = cursor.startIndex;
          e = cursor.endIndex;
        }
        start[n] = s;
        end[n] = e;
        next[n] = -1;
        let fl = 0;
        if (type[n] === ERROR_SYMBOL) fl = FLAG_ERROR;
        else if (s === e && (r ? r._ts_tree_cursor_current_node_is_missing_wasm(id) : cursor.nodeIsMissing)) fl = FLAG_MISSING | FLAG_ERROR;
        flags[n] = fl;
        const depth = stack.length;
        parent[n] = depth ? stack[depth - 1]! : -1;
        if (lastChild[depth] !== undefined && lastChild[depth]! >= 0) next[lastChild[depth]!] = n;
        lastChild[depth] = n;
        const me = n++;
        if (r ? r._ts_tree_cursor_goto_first_child_wasm(id) : cursor.gotoFirstChild()) {
          stack.push(me);
          lastChild[depth + 1] = -1;
          continue;
        }
        let done = false;
        while (!(r ? r._ts_tree_cursor_goto_next_sibling_wasm(id) : cursor.gotoNextSibling())) {
          if (!(r ? r._ts_tree_cursor_goto_parent_wasm(id) : cursor.gotoParent())) {
            done = true;
            break;
          }
          stack.pop();
        }
        if (done) break;
      }
    } finally {
      cursor.delete();
    }
    // Propagate "has an error" to ancestors (children always have larger numbers than parents).
    for (let i = n - 1; i > 0; i--) if (flags[i]! & FLAG_ERROR) flags[parent[i]!]! |= FLAG_ERROR;
    this.count = n;
    this.typeOf = type;
    this.fieldOf = field;
    this.startOf = start;
    this.endOf = end;
    this.parentOf = parent;
    this.nextOf = next;
    this.flags = flags;
    this.nodes = new Array(n);
    this.rootNode = this.node(0)!;
  }

  /** @internal */
  node(i: number): LiteNode | undefined {
    if (i < 0 || i >= this.count) return undefined;
    return (this.nodes[i] ??= new LiteNode(this, i));
  }

  /** @internal 0-based row and column (UTF-16 code units) of a string offset. */
  point(index: number): { row: number; column: number } {
    const ls = (this.lineStarts ??= lineStarts(this.source));
    const row = rowAt(ls, index);
    return { row, column: index - ls[row]! };
  }
}

/** A node of a `LiteTree`; the subset of web-tree-sitter's `Node` the extractors use. */
export class LiteNode {
  private kids: LiteNode[] | undefined;
  constructor(readonly tree: LiteTree, readonly id: number) {}

  get type(): string {
    return typeName(this.tree.t, this.tree.typeOf[this.id]!);
  }
  get typeId(): number {
    return this.tree.typeOf[this.id]!;
  }
  get isNamed(): boolean {
    return isNamedType(this.tree.t, this.tree.typeOf[this.id]!);
  }
  get isMissing(): boolean {
    return (this.tree.flags[this.id]! & FLAG_MISSING) !== 0;
  }
  get isError(): boolean {
    return this.type === 'ERROR';
  }
  get hasError(): boolean {
    return (this.tree.flags[this.id]! & FLAG_ERROR) !== 0;
  }
  get startIndex(): number {
    return this.tree.startOf[this.id]!;
  }
  get endIndex(): number {
    return this.tree.endOf[this.id]!;
  }
  get text(): string {
    return this.tree.source.slice(this.tree.startOf[this.id]!, this.tree.endOf[this.id]!);
  }
  get startPosition(): { row: number; column: number } {
    return this.tree.point(this.tree.startOf[this.id]!);
  }
  get endPosition(): { row: number; column: number } {
    return this.tree.point(this.tree.endOf[this.id]!);
  }
  get parent(): LiteNode | null {
    return this.tree.node(this.tree.parentOf[this.id]!) ?? null;
  }
  get children(): LiteNode[] {
    if (!this.kids) {
      const out: LiteNode[] = [];
      const tr = this.tree;
      if (this.id + 1 < tr.count && tr.parentOf[this.id + 1] === this.id) {
        for (let c = this.id + 1; c >= 0; c = tr.nextOf[c]!) out.push(tr.node(c)!);
      }
      this.kids = out;
    }
    return this.kids;
  }
  get childCount(): number {
    return this.children.length;
  }
  get namedChildren(): LiteNode[] {
    return this.children.filter((c) => c.isNamed);
  }
  get namedChildCount(): number {
    let n = 0;
    for (const c of this.children) if (c.isNamed) n++;
    return n;
  }
  child(i: number): LiteNode | null {
    return this.children[i] ?? null;
  }
  namedChild(i: number): LiteNode | null {
    return this.namedChildren[i] ?? null;
  }
  get firstChild(): LiteNode | null {
    return this.children[0] ?? null;
  }
  get firstNamedChild(): LiteNode | null {
    return this.children.find((c) => c.isNamed) ?? null;
  }
  get nextSibling(): LiteNode | null {
    return this.tree.node(this.tree.nextOf[this.id]!) ?? null;
  }
  childForFieldName(name: string): LiteNode | null {
    const f = this.tree.t.fields.get(name);
    if (f === undefined) return null;
    for (const c of this.children) if (this.tree.fieldOf[c.id] === f) return c;
    return null;
  }
  childrenForFieldName(name: string): LiteNode[] {
    const f = this.tree.t.fields.get(name);
    if (f === undefined) return [];
    return this.children.filter((c) => this.tree.fieldOf[c.id] === f);
  }
  /** Descendants (not the node itself) of the given types, in document order. */
  descendantsOfType(types: string | readonly string[]): LiteNode[] {
    const want = new Set(typeof types === 'string' ? [types] : types);
    const tr = this.tree;
    const out: LiteNode[] = [];
    const end = this.subtreeEnd();
    for (let i = this.id + 1; i < end; i++) if (want.has(typeName(tr.t, tr.typeOf[i]!))) out.push(tr.node(i)!);
    return out;
  }
  /** @internal One past the last node number of this subtree. */
  subtreeEnd(): number {
    const tr = this.tree;
    for (let x = this.id; x >= 0; x = tr.parentOf[x]!) {
      const nx = tr.nextOf[x]!;
      if (nx >= 0) return nx;
    }
    return tr.count;
  }
  equals(other: LiteNode): boolean {
    return other.tree === this.tree && other.id === this.id;
  }
}
