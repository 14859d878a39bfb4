import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectLines, runRules, text } from '../../testing/harness.js';
import rule from './hardcoded-session-secret.js';

test('express/hardcoded-session-secret: express-session literal and literal fallback, cookie-parser, cookie-session keys', async () => {
  const f = await expectLines(
    rule,
    {
      'app.js': text(
        'const session = require("express-session");',
        'const cookieParser = require("cookie-parser");',
        'const cookieSession = require("cookie-session");',
        'app.use(session({ secret: "keyboard cat", resave: false }));',
        'app.use(session({ secret: process.env.SESSION_SECRET || "dev-session-secret" }));',
        'app.use(cookieParser("9f8e7d6c5b4a"));',
        'app.use(cookieSession({ name: "s", keys: ["key-one-literal", process.env.KEY2] }));',
      ),
    },
    ['app.js:4', 'app.js:5', 'app.js:6', 'app.js:7'],
  );
  assert.match(f[0]!.message, /well-known/);
  assert.match(f[1]!.message, /SESSION_SECRET is unset/);
  assert.ok(f.every((x) => !x.message.includes('keyboard')));
});

test('express/hardcoded-session-secret: options declared in a constant (TypeScript)', async () => {
  await expectLines(
    rule,
    { 'src/app.ts': text('import session from "express-session";', 'const sess: session.SessionOptions = {', '  secret: "a-literal-secret-value",', '};', 'app.use(session(sess));') },
    ['src/app.ts:3'],
  );
});

test('express/hardcoded-session-secret: secrets from the environment are silent', async () => {
  await expectLines(
    rule,
    {
      'app.js': text(
        'const session = require("express-session");',
        'const secret = process.env.SESSION_SECRET;',
        'app.use(session({ secret, store }));',
        'app.use(session({ secret: [process.env.S1, process.env.S2] }));',
        'app.use(require("cookie-parser")(process.env.COOKIE_SECRET));',
      ),
    },
    [],
  );
});

test('express/hardcoded-session-secret: the literal never reaches the output', async () => {
  const f = await runRules(rule, { 'app.js': text('const session = require("express-session");', 'app.use(session({ secret: "Zq8-unique-literal" }));') });
  assert.equal(f.length, 1);
  assert.ok(!JSON.stringify(f).includes('Zq8-unique-literal'));
});
