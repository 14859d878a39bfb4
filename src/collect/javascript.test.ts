import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CollectContext } from '../contracts/collector.js';
import { ParseError } from '../contracts/errors.js';
import type { FileKind, SourceFile } from '../contracts/types.js';
import collector from './javascript.js';
import { type JavascriptFacts } from '../facts/javascript.js';

function file(path: string, content: string): SourceFile {
  const kind: FileKind = /\.(ts|tsx|mts|cts)$/.test(path) ? 'typescript' : 'javascript';
  return { path, content, kind, environment: 'shared', gitIgnored: false };
}
function ctx(files: SourceFile[] = [], secrets: string[] = []): CollectContext {
  return { environment: 'production', files, customEnvs: [], registerSecret: (v) => secrets.push(v) };
}
async function one(path: string, content: string, c = ctx()): Promise<JavascriptFacts> {
  const r = await collector.collect(file(path, content), c);
  assert.ok(r && !Array.isArray(r));
  return r;
}
const reads = (f: JavascriptFacts) =>
  f.envReads.map((r) => `${r.name}@${r.line}:${r.column} ${r.via}${r.hasDefault ? ' default' : ''}${r.defaultValue !== undefined ? `=${r.defaultValue}` : ''}${r.guarded ? ' guarded' : ''}${r.devOnly ? ' dev' : ''}${r.buildTime ? ' build' : ''}${r.alternatives ? ` alt=${r.alternatives.join(',')}` : ''}`);

test('javascript collector: every form of env read', async () => {
  const f = await one(
    'src/config.ts',
    [
      'const a = process.env.A;',
      'const b = process.env["B"] ?? "db";',
      'const { C, D = "dd", E: e, F: f2 = 3 } = process.env;',
      'const port = Number(process.env.PORT) || 3000;',
      'const g = process.env.G!;',
      'const h = process.env.H || process.env.H2;',
      'if (process.env.I) use(process.env.I);',
      'const j = process.env.J === "1";',
      'if (process.env.NODE_ENV !== "production") { debug(process.env.K); }',
      'const l = import.meta.env.VITE_L;',
      'const s = "日本😀", m = process.env.M;',
      'const n = process.env.N?.split(",") ?? [];',
      'const { env } = process; const o = env.O;',
      'process.env.TZ = "UTC"; delete process.env.P;',
    ].join('\n'),
  );
  assert.deepEqual(reads(f), [
    'A@1:11 process.env',
    'B@2:11 process.env default=db',
    'C@3:9 process.env',
    'D@3:12 process.env default=dd',
    'E@3:22 process.env',
    'F@3:28 process.env default=3',
    'PORT@4:21 process.env default=3000',
    'G@5:11 process.env',
    'H@6:11 process.env default',
    'H2@6:28 process.env alt=H',
    'I@7:5 process.env default guarded',
    'I@7:24 process.env default guarded',
    'J@8:11 process.env default guarded',
    'NODE_ENV@9:5 process.env default guarded',
    'K@9:52 process.env dev',
    'VITE_L@10:11 import.meta.env build',
    'M@11:23 process.env',
    'N@12:11 process.env default',
    'O@13:36 process.env',
  ]);
});

test('javascript collector: imports, recorded calls with resolved options, apps and their fate', async () => {
  const f = await one(
    'src/app.js',
    [
      'import express from "express";',
      'import session from "express-session";',
      'import { rateLimit } from "express-rate-limit";',
      'const cors = require("cors");',
      'const opts = { origin: ["https://a.example"], credentials: true };',
      'const app = express();',
      'app.use(cors(opts));',
      'app.use(rateLimit({ windowMs: 60000 }));',
      'app.set("trust proxy", 1);',
      'export default app;',
    ].join('\n'),
  );
  assert.deepEqual(f.imports.map((i) => `${i.module}:${i.local}:${i.imported}`), ['express:express:default', 'express-session:session:default', 'express-rate-limit:rateLimit:rateLimit', 'cors:cors:default']);
  assert.deepEqual(f.calls.map((c) => `${c.callee}|${c.module ?? ''}|${c.imported ?? ''}@${c.line}`), [
    'express|express|@6',
    'app.use||@7',
    'cors|cors|@7',
    'app.use||@8',
    'rateLimit|express-rate-limit|rateLimit@8',
    'app.set||@9',
  ]);
  const cors = f.calls.find((c) => c.callee === 'cors')!;
  assert.equal(cors.args[0]!.kind, 'object');
  assert.deepEqual(cors.args[0]!.props!.map((p) => `${p.key}:${p.value.kind}@${p.line}`), ['origin:array@5', 'credentials:bool@5']);
  assert.deepEqual(f.apps, [{ name: 'app', listens: false, exported: true, mounted: false, line: 6, column: 13 }]);
});

test('javascript collector: error handlers and what they send', async () => {
  const f = await one(
    'src/errors.js',
    [
      'app.use((err, req, res, next) => {',
      '  console.error(err.stack);',
      '  res.status(500).json({ error: err.message, detail: process.env.NODE_ENV === "development" ? err.stack : undefined });',
      '});',
      'function last(e, req, res, next) { res.send(e); }',
      'router.use(last);',
    ].join('\n'),
  );
  assert.deepEqual(
    f.errorHandlers.map((h) => `${h.params.join(',')}@${h.line}: ${h.leaks.map((l) => `${l.what}${l.guarded ? '(guarded)' : ''}@${l.line}:${l.column}`).join(' ')}`),
    ['err,req,res,next@1: message@3:33 stack(guarded)@3:95', 'e,req,res,next@6: error@5:45'],
  );
});

test('javascript collector: literal assignments, minus session secrets judged by express rules', async () => {
  const secrets: string[] = [];
  const f = await one(
    'src/keys.ts',
    [
      'import session from "express-session";',
      'const API_TOKEN = "tok-1";',
      'config.password = `p-2`;',
      'const db = { user: "app", password: "p-3" };',
      'class Client { apiKey = "k-4"; }',
      'app.use(session({ secret: "s-5" }));',
      'const greeting = `hi ${name}`;',
      'const stripe = process.env.STRIPE_SECRET_KEY || "sk-fallback-7";',
      'app.use(session({ secret: process.env.SESSION_SECRET || "s-8" }));',
    ].join('\n'),
    ctx([], secrets),
  );
  assert.deepEqual(f.literalAssignments.map((l) => `${l.how} ${l.name}|${l.key}=${l.value}@${l.line}:${l.column}`), [
    'assign API_TOKEN|API_TOKEN=tok-1@2:7',
    'attribute config.password|password=p-2@3:1',
    'hash-key user|user=app@4:14',
    'hash-key password|password=p-3@4:27',
    'field apiKey|apiKey=k-4@5:16',
    'env-default STRIPE_SECRET_KEY|STRIPE_SECRET_KEY=sk-fallback-7@8:16',
  ]);
  // the session secret is masked too, though express/hardcoded-session-secret reports it instead of code/*
  assert.deepEqual([...new Set(secrets)].sort(), ['k-4', 'p-2', 'p-3', 's-5', 's-8', 'sk-fallback-7', 'tok-1']);
});

test('javascript collector: package directory, TSX, build output and syntax errors', async () => {
  const files = [file('package.json', '{}'), file('web/package.json', '{}')].map((f) => ({ ...f, kind: 'json' as FileKind }));
  assert.equal((await one('web/src/a.js', 'x', ctx(files))).packageDir, 'web');
  assert.equal((await one('lib/a.js', 'x', ctx(files))).packageDir, '');
  const tsx = await one('web/src/App.tsx', 'export const App = () => <div>{import.meta.env.VITE_TITLE}</div>;');
  assert.deepEqual(reads(tsx), ['VITE_TITLE@1:32 import.meta.env build']);
  assert.equal(await collector.collect(file('dist/bundle.js', 'process.env.X'), ctx()), undefined);
  await assert.rejects(async () => collector.collect(file('src/bad.js', 'const = ;\n'), ctx()), (e: unknown) => e instanceof ParseError && e.line === 1);
});

test('javascript collector: a callee rooted in `(await …)` ends (it once looped forever)', { timeout: 30_000 }, async () => {
  const f = await one(
    'src/cli/x.ts',
    [
      'const known = (await import("../rules/index.js")).ALL_RULES.map((r) => r.id);',
      'const addresses = (await lookup(host, { all: true })).map((a) => a.address);',
      'const s = (await (await import("express-session")).default)({ secret: process.env.S ?? "dev" });',
      '(await makeApp()).use(helmet());',
    ].join('\n'),
  );
  assert.deepEqual(f.calls.map((c) => `${c.callee}@${c.line}`), ['(awaitmakeApp()).use@4']);
  assert.deepEqual(reads(f), ['S@3:71 process.env default=dev']);
});

test("javascript collector: honban's own sources that once hung the scan", { timeout: 60_000 }, async () => {
  const { readFileSync } = await import('node:fs');
  for (const p of ['src/cli/probe.ts', 'src/collect/probe/gather.ts']) {
    const f = await one(p, readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8'));
    assert.equal(f.language, 'typescript');
  }
});
