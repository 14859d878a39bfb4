import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './trust-proxy-missing.js';

test('express/trust-proxy-missing: a secure session cookie without trust proxy', async () => {
  await expectLines(
    rule,
    {
      'app.js': text('const session = require("express-session");', 'app.use(session({ store, secret, cookie: { secure: true } }));'),
      'b.js': text('const cookieSession = require("cookie-session");', 'app.use(cookieSession({ keys, secure: "auto" }));'),
    },
    ['app.js:2', 'b.js:2'],
  );
});

test('express/trust-proxy-missing: trust proxy in the package, proxy: true, or no secure cookie are silent', async () => {
  await expectLines(
    rule,
    {
      'app.js': text('const session = require("express-session");', 'app.use(session({ store, secret, cookie: { secure: true } }));'),
      'server.js': text('app.set("trust proxy", 1);'),
    },
    [],
  );
  await expectLines(rule, { 'app.js': text('const session = require("express-session");', 'app.use(session({ store, secret, proxy: true, cookie: { secure: true } }));') }, []);
  await expectLines(rule, { 'app.js': text('const session = require("express-session");', 'app.use(session({ store, secret, cookie: { httpOnly: true } }));') }, []);
});
