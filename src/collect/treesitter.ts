/**
 * tree-sitter through web-tree-sitter, with the WASM grammars shipped in npm packages.
 * The runtime and each grammar load once, lazily, on first use.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Language as TSLanguage, Node as TSNode, Parser as TSParser, Tree as TSTree } from 'web-tree-sitter';
import { ParseError } from '../contracts/errors.js';
import { GRAMMAR_DIR_URL } from '../contracts/version.js';
import { LiteTree, setRawCursorApi, type LiteNode } from './lite-tree.js';

export type { TSNode, TSTree, LiteNode };

const require = createRequire(import.meta.url);

export type Grammar = 'python' | 'ruby' | 'javascript' | 'typescript' | 'tsx' | 'terraform';

/**
 * The grammar files honban loads (package/file in the grammar's npm package). `npm run build`
 * copies exactly these to dist/grammars/ (scripts/copy-grammars.mjs), so the published package
 * ships about 6 MB of grammars instead of depending on the grammar packages (about 80 MB with
 * their sources and native prebuilds). The grammar packages are devDependencies.
 */
export const GRAMMAR_FILES: Record<Grammar, string> = {
  python: 'tree-sitter-python/tree-sitter-python.wasm',
  ruby: 'tree-sitter-ruby/tree-sitter-ruby.wasm',
  javascript: 'tree-sitter-javascript/tree-sitter-javascript.wasm',
  typescript: 'tree-sitter-typescript/tree-sitter-typescript.wasm',
  tsx: 'tree-sitter-typescript/tree-sitter-tsx.wasm',
  terraform: '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm',
};

/** dist/grammars/<file>, or (a build that skipped the copy, in a clone) the grammar package's file. */
function grammarPath(grammar: Grammar): string {
  const spec = GRAMMAR_FILES[grammar];
  const copied = fileURLToPath(new URL(spec.split('/').pop()!, GRAMMAR_DIR_URL));
  if (existsSync(copied)) return copied;
  return require.resolve(spec);
}

let init: Promise<typeof import('web-tree-sitter')> | undefined;
let rawModule: Record<string, unknown> | undefined;

/** The initialised WASM module object (tests switch LiteTree between its entry points and the public API). */
export function rawModuleForTests(): Record<string, unknown> | undefined {
  return rawModule;
}
const languages = new Map<Grammar, Promise<TSLanguage>>();
const parsers = new Map<Grammar, TSParser>();

async function runtime() {
  if (!init) {
    init = (async () => {
      const mod = await import('web-tree-sitter');
      // Emscripten makes the options object the module itself: its cursor entry points let
      // LiteTree copy a tree out without a JavaScript object per node (see lite-tree.ts).
      const module: Record<string, unknown> = {};
      await mod.Parser.init(module);
      rawModule = module;
      setRawCursorApi(module);
      return mod;
    })();
  }
  return init;
}

export async function loadLanguage(grammar: Grammar): Promise<TSLanguage> {
  let p = languages.get(grammar);
  if (!p) {
    p = (async () => {
      const mod = await runtime();
      return mod.Language.load(grammarPath(grammar));
    })();
    languages.set(grammar, p);
  }
  return p;
}

/** Parses `source` with `grammar`; the caller must `tree.delete()` when done (or use `withTree`). */
export async function parseSource(grammar: Grammar, source: string): Promise<TSTree> {
  const mod = await runtime();
  let parser = parsers.get(grammar);
  if (!parser) {
    parser = new mod.Parser();
    parser.setLanguage(await loadLanguage(grammar));
    parsers.set(grammar, parser);
  }
  const tree = parser.parse(source);
  if (!tree) throw new ParseError(`${grammar} parser returned no tree`);
  return tree;
}

/** Parses, calls `fn` with the tree, and frees the tree's WASM memory afterwards. */
export async function withTree<T>(grammar: Grammar, source: string, fn: (tree: TSTree) => T | Promise<T>): Promise<T> {
  const tree = await parseSource(grammar, source);
  try {
    return await fn(tree);
  } finally {
    tree.delete();
  }
}

/**
 * Parses, copies the tree into a `LiteTree` (flat arrays, plain JavaScript nodes) and frees the
 * WASM tree before calling `fn`: for extractors that visit most nodes. `hasError` of the root comes
 * from tree-sitter itself.
 */
export async function withLiteTree<T>(grammar: Grammar, source: string, fn: (tree: LiteTree) => T | Promise<T>): Promise<T> {
  const tree = await parseSource(grammar, source);
  let lite: LiteTree;
  try {
    lite = new LiteTree(tree, source);
  } finally {
    tree.delete();
  }
  return fn(lite);
}

/** 1-based line and column of a node's start. */
export function pos(node: TSNode | LiteNode): { line: number; column: number } {
  return { line: node.startPosition.row + 1, column: node.startPosition.column + 1 };
}

/** The first ERROR / MISSING node, for reporting a syntax error with its position. */
export function firstError<N extends TSNode | LiteNode>(node: N): N | undefined {
  if (!node.hasError) return undefined;
  if (node.type === 'ERROR' || node.isMissing) return node;
  for (const child of node.children) {
    if (!child) continue;
    const e = firstError(child as N);
    if (e) return e;
  }
  return node;
}
