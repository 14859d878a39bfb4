import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectLines, text } from '../../testing/harness.js';
import rule from './permissive-cors.js';

const app = (...lines: string[]) => text('const cors = require("cors");', 'const app = require("express")();', ...lines);

test('express/permissive-cors: reflecting any origin with credentials is high', async () => {
  const f = await expectLines(
    rule,
    {
      'a.js': app('app.use(cors({ origin: true, credentials: true }));'),
      'b.js': app('const corsOptions = {', '  origin: (origin, callback) => callback(null, true),', '  credentials: true,', '};', 'app.use(cors(corsOptions));'),
      'c.ts': text('import cors from "cors";', 'app.use(cors({ origin: /.*/, credentials: true }));'),
    },
    ['a.js:3', 'b.js:4', 'c.ts:2'],
  );
  assert.deepEqual(f.map((x) => x.severity), ['high', 'high', 'high']);
});

test('express/permissive-cors: "*" with credentials is medium; cors(), "*" and a "*" fallback are low', async () => {
  const f = await expectLines(
    rule,
    {
      'a.js': app('app.use(cors({ origin: "*", credentials: true }));'),
      'b.js': app('app.use(cors());'),
      'c.js': app('app.use(cors({ origin: process.env.CORS_ORIGIN || "*" }));'),
    },
    ['a.js:3', 'b.js:3', 'c.js:3'],
  );
  assert.deepEqual(f.map((x) => x.severity), ['medium', 'low', 'low']);
});

test('express/permissive-cors: an origin list, a checking callback and an env list are silent', async () => {
  await expectLines(
    rule,
    {
      'a.js': app('app.use(cors({ origin: ["https://app.example.com"], credentials: true }));'),
      'b.js': app('const allowed = new Set(["https://a.example"]);', 'app.use(cors({ origin: (o, cb) => cb(null, allowed.has(o)), credentials: true }));'),
      'c.js': app('app.use(cors({ origin: process.env.CORS_ORIGINS.split(","), credentials: true }));'),
    },
    [],
  );
});
