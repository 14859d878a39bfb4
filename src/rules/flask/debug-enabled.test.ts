import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectLines, text } from '../../testing/harness.js';
import rule from './debug-enabled.js';
import dockerDevServer from '../docker/dev-server.js';

test('flask/debug-enabled: app.run(debug=True) outside a main guard and DEBUG in shared / production config', async () => {
  const findings = await expectLines(
    rule,
    {
      'app.py': text(
        'import os',
        'from flask import Flask',
        'app = Flask(__name__)',
        "app.config['DEBUG'] = os.environ.get('FLASK_DEBUG', 'False')",
        'app.run(host="0.0.0.0", debug=True)',
      ),
      'config.py': text(
        'import os',
        'class Config:',
        "    FLASK_DEBUG = os.getenv('FLASK_DEBUG', '1') == '1'",
        'class DevelopmentConfig(Config):',
        '    DEBUG = True',
        'class ProductionConfig(Config):',
        '    DEBUG = 1',
      ),
    },
    ['app.py:4', 'app.py:5', 'config.py:3', 'config.py:7'],
  );
  assert.match(findings[0]!.message, /non-empty string/);
  assert.match(findings[2]!.message, /defaults to on.*FLASK_DEBUG/);
});

test('flask/debug-enabled: development config, env reads with an off default and non-Flask files are silent', async () => {
  await expectLines(
    rule,
    {
      'app.py': text('import os', 'from flask import Flask', 'app = Flask(__name__)', "app.config['DEBUG'] = os.environ.get('FLASK_DEBUG', '0') == '1'", 'app.run(debug=False)'),
      'config_dev.py': text('DEBUG = True', 'FLASK_ENV = "development"'),
      'config.py': text('class DevelopmentConfig:', '    DEBUG = True', 'class ProductionConfig:', '    DEBUG = False'),
      'tools/job.py': text('import asyncio', 'asyncio.run(main(), debug=True)'),
    },
    [],
  );
});

test('flask/debug-enabled: a main-guarded app.run counts only when production starts that file', async () => {
  const files = {
    'app.py': text('from flask import Flask', 'app = Flask(__name__)', 'if __name__ == "__main__":', '    app.run(debug=True)'),
  };
  // Nothing says how production starts: reported, at medium.
  const unknown = await expectLines(rule, files, ['app.py:4']);
  assert.equal(unknown[0]!.severity, 'medium');
  // gunicorn serves production: the block never runs there.
  await expectLines(rule, { ...files, Procfile: 'web: gunicorn app:app -w 3\n' }, []);
  // python app.py is the production command: high, naming the command.
  const runs = await expectLines(rule, { ...files, Procfile: 'web: python app.py\n' }, ['app.py:4']);
  assert.equal(runs[0]!.severity, 'high');
  assert.match(runs[0]!.message, /Procfile:1/);
  // Staging judged too; development not at all.
  await expectLines(rule, files, [], { environment: 'development' });
});

test('flask/debug-enabled: a Dockerfile CMD that runs the file is docker/dev-server\'s finding (one finding, not two)', async () => {
  const files = { 'app.py': text('from flask import Flask', 'app = Flask(__name__)', 'if __name__ == "__main__":', '    app.run(host="0.0.0.0", debug=True)') };
  const dockerfile = text('FROM python:3.12-slim', 'COPY . /app', 'CMD ["python", "/app/app.py"]');
  await expectLines(rule, { ...files, Dockerfile: dockerfile }, []);
  const f = await expectLines(dockerDevServer, { ...files, Dockerfile: dockerfile }, ['Dockerfile:3']);
  assert.match(f[0]!.message, /app\.py:4\) with debug=True/);
  // Another project's Dockerfile (a monorepo of samples) does not run this file.
  await expectLines(rule, { 'one/app.py': files['app.py'], 'one/compose.yaml': text('services:', '  web:', '    build: .'), 'two/Dockerfile': dockerfile, 'two/app.py': text('print(1)') }, ['one/app.py:4']);
  // seed 003: the image starts gunicorn, and a RUN step running app.py is build time only.
  await expectLines(rule, { ...files, Dockerfile: text('FROM python:3.9-slim', 'RUN python app.py --init-db', 'CMD ["gunicorn", "--bind", "0.0.0.0:5000", "--workers", "2", "--threads", "2", "app:app"]') }, []);
});

test('flask/debug-enabled: debug=True on an application factory\'s result under the main guard, run in production', async () => {
  const factory = text('from flask import Flask', 'def create_app():', '    app = Flask(__name__)', '    return app');
  const run = text('from myapp import create_app', 'if __name__ == "__main__":', '    create_app().run(host="0.0.0.0", debug=True)');
  await expectLines(rule, { 'run.py': run, 'myapp/__init__.py': factory, Procfile: 'web: python run.py\n' }, ['run.py:3']);
  await expectLines(rule, { 'run.py': run, 'myapp/__init__.py': factory, Procfile: 'web: gunicorn "myapp:create_app()"\n' }, []);
});
