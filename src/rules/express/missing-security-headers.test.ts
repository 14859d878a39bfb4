import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './missing-security-headers.js';

test('express/missing-security-headers: an app that listens without helmet, at the express() call', async () => {
  await expectLines(
    rule,
    { 'server.js': text('const express = require("express");', 'const app = express();', 'app.get("/", (req, res) => res.send("hi"));', 'app.listen(3000);') },
    ['server.js:2'],
  );
});

test('express/missing-security-headers: an exported TypeScript app, one finding per app', async () => {
  await expectLines(
    rule,
    {
      'src/app.ts': text('import express from "express";', 'export const app = express();', 'const admin = express();', 'app.use("/admin", admin);'),
    },
    ['src/app.ts:2'],
  );
});

test('express/missing-security-headers: helmet (or lusca) anywhere in the package is enough', async () => {
  await expectLines(
    rule,
    {
      'package.json': '{"name":"api"}\n',
      'src/app.js': text('import express from "express";', 'const app = express();', 'export default app;'),
      'src/middleware.js': text('import helmet from "helmet";', 'export const security = (app) => app.use(helmet());'),
    },
    [],
  );
  await expectLines(rule, { 'app.js': text('const express = require("express");', 'const lusca = require("lusca");', 'const app = express();', 'app.use(lusca.xframe("SAMEORIGIN"));', 'app.listen(80);') }, []);
});

test('express/missing-security-headers: helmet in another package does not count; an app that neither listens nor is exported is silent', async () => {
  await expectLines(
    rule,
    {
      'api/package.json': '{"name":"api"}\n',
      'api/server.js': text('const express = require("express");', 'const app = express();', 'app.listen(3000);'),
      'web/package.json': '{"name":"web"}\n',
      'web/server.js': text('const helmet = require("helmet");'),
      'lib/factory.js': text('const express = require("express");', 'function make() { const app = express(); app.get("/", () => {}); }'),
    },
    ['api/server.js:2'],
  );
});
