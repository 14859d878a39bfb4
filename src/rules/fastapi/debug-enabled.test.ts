import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './debug-enabled.js';

test('fastapi/debug-enabled: FastAPI(debug=True), a debug default, app.debug', async () => {
  await expectLines(
    rule,
    {
      'main.py': text('import os', 'from fastapi import FastAPI', 'app = FastAPI(title="api", debug=True)', "other = FastAPI(debug=os.getenv('DEBUG', 'true').lower() == 'true')", 'app.debug = True'),
    },
    ['main.py:3', 'main.py:4', 'main.py:5'],
  );
});

test('fastapi/debug-enabled: off, env with off default, development file are silent', async () => {
  await expectLines(
    rule,
    {
      'main.py': text('import os', 'from fastapi import FastAPI', "app = FastAPI(debug=os.getenv('DEBUG') == '1')", 'b = FastAPI()'),
      'main_dev.py': text('from fastapi import FastAPI', 'app = FastAPI(debug=True)'),
    },
    [],
  );
});
