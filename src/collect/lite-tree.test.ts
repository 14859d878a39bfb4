import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LiteTree, setRawCursorApi, usesRawCursor, type LiteNode } from './lite-tree.js';
import { parseSource, rawModuleForTests, type Grammar, type TSNode } from './treesitter.js';

const SOURCES: [Grammar, string][] = [
  ['python', 'import os\nX = os.environ.get("A", "日本😀")  # c\nclass C(B):\n    def f(self, a=1):\n        return {"k": [1, 2], **a}\nif (:\n  pass\n'],
  ['python', 'def f(:\n  x = 1\n'],
  ['javascript', 'const a = process.env.A ?? "x"; // c\nfunction f({ b }, ...c) { return `t${b}`; }\nlet = ;\n'],
  ['typescript', 'export const s: string = (await x()).y!;\ntype T = Array<string>;\n'],
  ['ruby', 'config.force_ssl = ENV.fetch("X") { "日本" }\nclass A < B; end\n'],
  ['terraform', 'resource "aws_s3_bucket" "b" {\n  bucket = "${var.x}-日本"\n}\n'],
];

/** Every property the extractors read, for a node and its whole subtree. */
function shape(n: TSNode | LiteNode): unknown {
  const kids = n.children.filter(Boolean) as (TSNode | LiteNode)[];
  const fields: Record<string, number[]> = {};
  for (const name of ['name', 'body', 'left', 'right', 'value', 'function', 'arguments', 'object', 'attribute', 'key', 'condition', 'alternative', 'operator']) {
    const f = n.childrenForFieldName(name).filter(Boolean) as (TSNode | LiteNode)[];
    if (f.length) fields[name] = f.map((c) => c.startIndex);
    const one = n.childForFieldName(name);
    if ((one?.startIndex ?? -1) !== (f[0]?.startIndex ?? -1)) fields[`${name}!`] = [one?.startIndex ?? -1];
  }
  return {
    type: n.type,
    named: n.isNamed,
    missing: n.isMissing,
    hasError: n.hasError,
    text: n.text,
    start: [n.startIndex, n.startPosition.row, n.startPosition.column],
    end: [n.endIndex, n.endPosition.row, n.endPosition.column],
    parent: n.parent?.startIndex ?? null,
    namedCount: n.namedChildCount,
    named_: n.namedChildren.map((c) => c!.type),
    fields,
    children: kids.map(shape),
  };
}

test('LiteTree: the same tree as web-tree-sitter (types, text, positions, fields, errors) for every grammar', async () => {
  for (const [grammar, source] of SOURCES) {
    const tree = await parseSource(grammar, source);
    try {
      const lite = new LiteTree(tree, source);
      assert.deepEqual(shape(lite.rootNode), shape(tree.rootNode), grammar);
      assert.deepEqual(
        lite.rootNode.descendantsOfType('ERROR').map((n) => n.startIndex),
        tree.rootNode.descendantsOfType('ERROR').map((n) => n!.startIndex),
      );
    } finally {
      tree.delete();
    }
  }
});

test('LiteTree: copies through the WASM cursor entry points, and the public cursor API gives the same tree', async () => {
  const [grammar, source] = SOURCES[0]!;
  const tree = await parseSource(grammar, source);
  try {
    assert.equal(usesRawCursor(), true, 'web-tree-sitter no longer exposes the cursor entry points: LiteTree runs on the slower public API');
    const fast = shape(new LiteTree(tree, source).rootNode);
    const saved = rawModuleForTests();
    setRawCursorApi(undefined);
    try {
      assert.equal(usesRawCursor(), false);
      assert.deepEqual(shape(new LiteTree(tree, source).rootNode), fast);
    } finally {
      setRawCursorApi(saved);
    }
    assert.equal(usesRawCursor(), true);
  } finally {
    tree.delete();
  }
});

test('LiteTree: 10,000-deep nesting copies without recursion', async () => {
  const source = `X = ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
  const tree = await parseSource('python', source);
  try {
    const lite = new LiteTree(tree, source);
    let depth = 0;
    let n: LiteNode | undefined = lite.rootNode;
    while (n && n.namedChildren.length) {
      n = n.namedChildren[n.namedChildren.length - 1];
      depth++;
    }
    assert.ok(depth >= 10_000, `depth ${depth}`);
    assert.equal(lite.rootNode.text, source);
  } finally {
    tree.delete();
  }
});
