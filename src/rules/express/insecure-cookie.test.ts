import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './insecure-cookie.js';

test('express/insecure-cookie: secure / httpOnly false on the session cookie and res.cookie', async () => {
  await expectLines(
    rule,
    {
      'app.js': text(
        'const session = require("express-session");',
        'app.use(session({ store, secret: s, cookie: { secure: false, httpOnly: false } }));',
        'app.get("/", (req, res) => {',
        '  res.cookie("remember", token, { httpOnly: false, secure: true });',
        '  res.cookie("XSRF-TOKEN", req.csrfToken(), { httpOnly: false, secure: true });',
        '});',
      ),
      'b.js': text('const cookieSession = require("cookie-session");', 'app.use(cookieSession({ keys, secure: false }));'),
    },
    ['app.js:2', 'app.js:2', 'app.js:4', 'b.js:2'],
  );
});

test('express/insecure-cookie: an express-session cookie that never sets secure', async () => {
  await expectLines(
    rule,
    { 'app.js': text('const session = require("express-session");', 'app.use(session({ store, secret: s }));', 'app.use(session({ store, secret: s,', '  cookie: { maxAge: 1000 } }));') },
    ['app.js:2', 'app.js:4'],
  );
});

test('express/insecure-cookie: secure set (also later, or computed) is silent', async () => {
  await expectLines(
    rule,
    {
      'app.js': text(
        'const session = require("express-session");',
        'const sess = { store, secret: process.env.S, cookie: {} };',
        'if (app.get("env") === "production") { app.set("trust proxy", 1); sess.cookie.secure = true; }',
        'app.use(session(sess));',
        'app.use(session({ store, secret: s, cookie: { secure: process.env.NODE_ENV === "production", httpOnly: true } }));',
        'res.cookie("a", "b", { secure: true, httpOnly: true });',
      ),
    },
    [],
  );
});
