import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectLines, text } from '../../testing/harness.js';
import rule from './dev-server.js';

const guarded = text('import os', 'from flask import Flask', 'app = Flask(__name__)', 'if __name__ == "__main__":', "    app.run(host='0.0.0.0', port=int(os.environ.get('PORT', 5000)))");

test('flask/dev-server: flask run in a Procfile, app.run at import time, and a file production starts directly', async () => {
  await expectLines(rule, { Procfile: text('release: flask db upgrade', 'web: FLASK_APP=app.py flask run --host=0.0.0.0') }, ['Procfile:2']);
  await expectLines(rule, { 'app.py': text('from flask import Flask', 'app = Flask(__name__)', 'app.run()') }, ['app.py:3']);
  const f = await expectLines(rule, { 'app.py': guarded, Procfile: 'web: python3 app.py\n' }, ['app.py:5']);
  assert.match(f[0]!.message, /Procfile:1/);
});

test('flask/dev-server: host 0.0.0.0 in a main guard with no known deployment is medium', async () => {
  const f = await expectLines(rule, { 'app.py': guarded }, ['app.py:5']);
  assert.equal(f[0]!.severity, 'medium');
});

test('flask/dev-server: gunicorn in production, a localhost main guard, and development files are silent', async () => {
  await expectLines(rule, { 'app.py': guarded, Procfile: 'web: gunicorn -w 3 app:app\n' }, []);
  await expectLines(rule, { 'app.py': text('from flask import Flask', 'app = Flask(__name__)', 'if __name__ == "__main__":', '    app.run(debug=True)') }, []);
  await expectLines(rule, { 'run_dev.py': text('from app import app', 'app.run(host="0.0.0.0")'), 'app.py': text('from flask import Flask', 'app = Flask(__name__)') }, []);
});

const factory = text('from flask import Flask', 'def create_app():', '    app = Flask(__name__)', '    return app');

test('flask/dev-server: the development server started on an application factory\'s result', async () => {
  const f = await expectLines(
    rule,
    { 'run.py': text('from myapp import create_app', 'if __name__ == "__main__":', '    create_app().run(host="0.0.0.0", debug=True)'), 'myapp/__init__.py': factory, Procfile: 'web: python run.py\n' },
    ['run.py:3'],
  );
  assert.match(f[0]!.message, /create_app\(\)\.run\(\) starts the Werkzeug development server, and Procfile:1 runs this file/);
  await expectLines(rule, { 'run.py': text('from myapp import create_app', 'if __name__ == "__main__":', '    create_app().run(host="0.0.0.0")'), 'myapp/__init__.py': factory }, ['run.py:3']);
});

test('flask/dev-server: a command of another project does not run this file (monorepo of samples)', async () => {
  await expectLines(
    rule,
    {
      'sample-a/app.py': guarded,
      'sample-a/compose.yaml': text('services:', '  web:', '    build: .', '    command: gunicorn -w 3 app:app'),
      'sample-b/Procfile': 'web: python app.py\n',
      'sample-b/app.py': text('print("hello")'),
    },
    [],
  );
});
