import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './session-memory-store.js';

test('express/session-memory-store: express-session without a store', async () => {
  await expectLines(rule, { 'app.mjs': text('import session from "express-session";', 'app.use(session({ secret: process.env.S, resave: false }));') }, ['app.mjs:2']);
});

test('express/session-memory-store: a store, spread options or unknown options are silent', async () => {
  await expectLines(
    rule,
    {
      'app.js': text(
        'const session = require("express-session");',
        'const RedisStore = require("connect-redis").default;',
        'app.use(session({ store: new RedisStore({ client }), secret: process.env.S }));',
        'app.use(session({ ...sessionDefaults, secret: process.env.S }));',
        'app.use(session(buildOptions()));',
      ),
    },
    [],
  );
});
