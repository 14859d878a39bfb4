/**
 * Pathological inputs for every parser (10,000-deep nesting, 100,000-term expressions, 5 MB single
 * lines; generated at run time by src/testing/pathological.ts): collection ends, in bounded time,
 * with facts or with an error entry naming the file — never a hang or a crash.
 *
 * This covers parsing and extraction (the per-file time budget of the worker pool). The rules that
 * judge the facts afterwards are held to linear-time value checks by their own tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COLLECTORS } from './index.js';
import { collectFacts } from '../engine/collect.js';
import { toSourceFiles } from '../commands/scan.js';
import { pathologicalInputs } from '../testing/pathological.js';

test('pathological inputs: every parser ends with facts or an error entry naming the file', { timeout: 900_000 }, async () => {
  const inputs = Object.entries(pathologicalInputs()).flatMap(([kind, list]) => list.map((i) => ({ ...i, expectKind: kind })));
  const files = toSourceFiles(inputs.map((i) => ({ path: i.path, content: i.content })));
  // Each input is classified as the kind it is meant to exercise.
  for (const i of inputs) assert.equal(files.find((f) => f.path === i.path)?.kind, i.expectKind, i.path);
  const names = Object.keys(COLLECTORS).filter((n) => n !== 'file');
  const t0 = Date.now();
  const { facts, errors, stats } = await collectFacts(files, new Set(names), { environment: 'production', jobs: 2, budgetMs: 1000 });
  const seconds = (Date.now() - t0) / 1000;
  const covered = new Set<string>();
  for (const list of Object.values(facts)) for (const f of list ?? []) covered.add(f.file);
  const unanswered: string[] = [];
  for (const i of inputs) {
    // The credentials collector has a fact only for a file with a credential: its silence is its
    // answer (that it ended is what this test proves; an overrun would be an error entry).
    const collectors = names.filter((n) => n !== 'credentials' && COLLECTORS[n]!.kinds.includes(i.expectKind as never));
    if (!collectors.length) continue; // read as text only (the `file` fact): nothing to parse
    if (covered.has(i.path)) continue;
    if (errors.some((e) => e.file === i.path && e.message.length > 0)) continue;
    // A collector may have nothing to say about a file (a YAML file that is no Rails config): that is an answer too.
    if (collectors.every((n) => COLLECTORS[n]!.accepts && !COLLECTORS[n]!.accepts!(files.find((f) => f.path === i.path)!))) continue;
    unanswered.push(i.path);
  }
  assert.deepEqual(unanswered, [], 'inputs that got neither facts nor an error entry');
  for (const e of errors) if (e.message.includes('budget')) assert.match(e.message, /longer than the 1 s budget per file|ran over its time budget on other files of the project/);
  // Informational: what the machine did (shown with --test-reporter=spec).
  console.log(`pathological inputs: ${inputs.length} files in ${seconds.toFixed(1)} s; ${stats.timeouts} over the budget; ${errors.length} error entries`);
});
