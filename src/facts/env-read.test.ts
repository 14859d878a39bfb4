import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CollectContext } from '../contracts/collector.js';
import type { FileKind, SourceFile } from '../contracts/types.js';
import type { CodeEnvRead } from './common.js';
import { comparisonEnvironment, defaultKindOf, envRead, isDevOnlyBranch, negateEnvironment, requiredInProduction, underBranch } from './env-read.js';
import python from '../collect/python.js';
import ruby from '../collect/ruby.js';
import javascript from '../collect/javascript.js';

const at = { via: 'x', file: 'a', line: 3, column: 1 };

test('envRead: the judgement — default kind, guard, hasDefault — made in one place', () => {
  const none = envRead({ key: 'A', ...at });
  assert.deepEqual([none.hasDefault, none.defaultKind, none.guard, requiredInProduction(none)], [false, 'none', 'none', true]);
  const lit = envRead({ key: 'B', ...at, fallback: { literal: 'info' } });
  assert.deepEqual([lit.hasDefault, lit.defaultKind, lit.defaultValue, requiredInProduction(lit)], [true, 'literal', 'info', false]);
  const ph = envRead({ key: 'C', ...at, fallback: { literal: 'changeme' } });
  assert.deepEqual([ph.defaultKind, requiredInProduction(ph)], ['placeholder', false]);
  const expr = envRead({ key: 'D', ...at, fallback: {} });
  assert.deepEqual([expr.defaultKind, expr.defaultValue, expr.hasDefault], ['expression', undefined, true]);
  const presence = envRead({ key: 'E', ...at, presenceGuard: true });
  assert.deepEqual([presence.guard, presence.guarded, presence.hasDefault, requiredInProduction(presence)], ['presence', true, true, false]);
  const test_ = envRead({ key: 'E', ...at, presenceTest: true });
  assert.deepEqual([test_.guard, test_.hasDefault], ['presence', true]);
  const dev = envRead({ key: 'F', ...at, devOnlyBranch: true });
  assert.deepEqual([dev.guard, dev.devOnly, dev.hasDefault, requiredInProduction(dev)], ['dev-only', true, false, false]);
  assert.deepEqual(envRead({ key: 'G', ...at, alternatives: [], buildTime: true, environment: 'development' }), { name: 'G', hasDefault: false, ...at, defaultKind: 'none', guard: 'none', buildTime: true, environment: 'development' });
  assert.equal(defaultKindOf(undefined), 'none');
});

test('comparisonEnvironment, negateEnvironment, isDevOnlyBranch', () => {
  assert.equal(comparisonEnvironment('production', false), 'dev'); // NODE_ENV !== "production"
  assert.equal(comparisonEnvironment('development', true), 'dev');
  assert.equal(comparisonEnvironment('test', true), 'dev');
  assert.equal(comparisonEnvironment('prod', true), 'prod');
  assert.equal(comparisonEnvironment('staging', true), undefined);
  assert.equal(negateEnvironment('dev'), 'prod');
  assert.equal(negateEnvironment(undefined), undefined);
  assert.deepEqual([isDevOnlyBranch('dev', false), isDevOnlyBranch('dev', true), isDevOnlyBranch('prod', true), isDevOnlyBranch(undefined, false)], [true, false, true, false]);
});

interface N { id: number; parent?: N; cond?: boolean }
test('underBranch: walks up through branches, stops at a boundary, bounded on deep trees', () => {
  const root: N = { id: 0 };
  const ifNode: N = { id: 1, parent: root, cond: true };
  const leaf: N = { id: 2, parent: ifNode };
  const branchOf = (p: N) => (p.cond ? { condition: p, whenFalse: false } : undefined);
  assert.equal(underBranch(leaf, (n) => n.parent, branchOf, () => true), true);
  assert.equal(underBranch(leaf, (n) => n.parent, branchOf, (b) => b.whenFalse), false);
  const fn: N = { id: 3, parent: ifNode };
  const inner: N = { id: 4, parent: fn };
  assert.equal(underBranch(inner, (n) => n.parent, branchOf, () => true, (p) => p.id === 3), false);
  // 100,000 levels: a loop, no recursion; the walk gives up after maxDepth levels (10,000 by default).
  let deep: N = { id: 0, cond: true };
  for (let i = 1; i <= 100_000; i++) deep = { id: i, parent: deep };
  assert.equal(underBranch(deep, (n) => n.parent, branchOf, () => true, undefined, 200_000), true);
  assert.equal(underBranch(deep, (n) => n.parent, branchOf, () => true), false);
});

// The same program in three languages: every collector maps its tree onto the same judgement.
async function readsOf(collector: { collect(f: SourceFile, c: CollectContext): unknown }, path: string, kind: FileKind, content: string): Promise<string[]> {
  const f: SourceFile = { path, content, kind, environment: 'shared', gitIgnored: false };
  const fact = (await collector.collect(f, { environment: 'production', files: [f], customEnvs: [], registerSecret: () => {} })) as { envReads: CodeEnvRead[] };
  return fact.envReads.map((r) => `${r.name}@${r.line} ${r.defaultKind} ${r.guard}${requiredInProduction(r) ? ' required' : ''}`);
}

test('one analysis for Python, Ruby and JavaScript: required, literal / placeholder / expression defaults, presence guards, development-only branches', async () => {
  const py = await readsOf(python, 'app/settings.py', 'python', [
    'import os',
    'A = os.environ["A"]',
    'B = os.environ.get("B", "info")',
    'C = os.getenv("C", "changeme")',
    'if "D" in os.environ:',
    '    D = os.environ["D"]',
    'E = os.environ.get("E") or compute()',
    'if __name__ == "__main__":',
    '    F = os.environ["F"]',
    '',
  ].join('\n'));
  assert.deepEqual(py, ['A@2 none none required', 'B@3 literal none', 'C@4 placeholder none', 'D@6 none presence', 'E@7 expression none', 'F@9 none dev-only']);
  const rb = await readsOf(ruby, 'config/initializers/app.rb', 'ruby', [
    'a = ENV["A"]',
    'b = ENV.fetch("B", "info")',
    'c = ENV.fetch("C") { "changeme" }',
    'd = ENV["D"] if ENV["D"].present?',
    'e = ENV["E"] || compute',
    'if Rails.env.development?',
    '  f = ENV["F"]',
    'end',
    '',
  ].join('\n'));
  assert.deepEqual(rb, ['A@1 none none required', 'B@2 literal none', 'C@3 placeholder none', 'D@4 none presence', 'D@4 none presence', 'E@5 expression none', 'F@7 none dev-only']);
  const js = await readsOf(javascript, 'src/config.js', 'javascript', [
    'const a = process.env.A;',
    'const b = process.env.B ?? "info";',
    'const c = process.env.C || "changeme";',
    'if (process.env.D) { use(process.env.D); }',
    'const e = process.env.E || compute();',
    "if (process.env.NODE_ENV !== 'production') { const f = process.env.F; }",
    '',
  ].join('\n'));
  assert.deepEqual(js, ['A@1 none none required', 'B@2 literal none', 'C@3 placeholder none', 'D@4 none presence', 'D@4 none presence', 'E@5 expression none', 'NODE_ENV@6 none presence', 'F@6 none dev-only']);
});
