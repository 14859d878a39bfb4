import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectLines, text } from '../../testing/harness.js';
import rule from './error-details-exposed.js';

test('express/error-details-exposed: err.stack (medium) and err.message (low) in the response', async () => {
  const f = await expectLines(
    rule,
    {
      'app.js': text(
        'app.use((err, req, res, next) => {',
        '  res.status(500).json({ message: err.message,',
        '    stack: err.stack });',
        '});',
      ),
      'errors.ts': text(
        'import type { Request, Response, NextFunction } from "express";',
        'function onError(e: Error, req: Request, res: Response, next: NextFunction) {',
        '  res.status(500).send(`failed: ${e}`);',
        '}',
        'router.use(onError);',
      ),
    },
    ['app.js:2', 'app.js:3', 'errors.ts:3'],
  );
  assert.deepEqual(f.map((x) => x.severity), ['low', 'medium', 'low']);
});

test("express/error-details-exposed: the generator's env-guarded error object, logging and generic bodies are silent; its message is low", async () => {
  await expectLines(
    rule,
    {
      'app.js': text(
        'app.use(function (err, req, res, next) {',
        '  res.locals.message = err.message;',
        '  res.locals.error = req.app.get("env") === "development" ? err : {};',
        '  console.error(err.stack);',
        '  res.status(err.status || 500);',
        '  res.render("error");',
        '});',
        'app.use((req, res, next) => res.send(String(next)));',
        'app.use((err, req, res, next) => { logger.error(err); res.status(500).json({ error: "Internal Server Error" }); });',
      ),
    },
    ['app.js:2'],
  );
});
