import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './docs-exposed.js';

test('fastapi/docs-exposed: default docs and an explicit docs path', async () => {
  await expectLines(rule, { 'main.py': text('from fastapi import FastAPI', 'app = FastAPI(title="x")', 'b = FastAPI(docs_url="/api/docs", redoc_url=None)') }, ['main.py:2', 'main.py:3']);
});

test('fastapi/docs-exposed: openapi_url=None, runtime decisions, development files are silent', async () => {
  await expectLines(
    rule,
    {
      'main.py': text('import os', 'from fastapi import FastAPI', 'a = FastAPI(openapi_url=None)', 'b = FastAPI(docs_url=None, redoc_url=None)', "c = FastAPI(openapi_url=None if os.environ['ENV'] == 'production' else '/openapi.json')"),
      'dev/main.py': text('from fastapi import FastAPI', 'app = FastAPI()'),
    },
    [],
  );
});
