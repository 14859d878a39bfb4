import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectLines, text } from '../../testing/harness.js';
import rule from './uvicorn-reload.js';

const main = text('import uvicorn', 'from fastapi import FastAPI', 'app = FastAPI()', 'if __name__ == "__main__":', '    uvicorn.run("main:app", host="0.0.0.0", reload=True)');

test('fastapi/uvicorn-reload: --reload and fastapi dev in deploy commands; reload=True in the file production runs', async () => {
  await expectLines(rule, { Procfile: text('web: uvicorn main:app --host 0.0.0.0 --port $PORT --reload', 'api: poetry run fastapi dev main.py') }, ['Procfile:1', 'Procfile:2']);
  const f = await expectLines(rule, { 'main.py': main, Procfile: 'web: python main.py\n' }, ['main.py:5']);
  assert.equal(f[0]!.severity, 'medium');
  const u = await expectLines(rule, { 'main.py': main }, ['main.py:5']);
  assert.equal(u[0]!.severity, 'low');
});

test('fastapi/uvicorn-reload: uvicorn CLI without reload, fastapi run, development files are silent', async () => {
  await expectLines(rule, { 'main.py': main, Procfile: text('web: uvicorn main:app --host 0.0.0.0 --workers 4', 'alt: fastapi run main.py') }, []);
  await expectLines(rule, { 'Procfile.dev': 'web: uvicorn main:app --reload\n' }, []);
});
