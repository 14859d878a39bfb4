import { test } from 'node:test';
import assert from 'node:assert/strict';
import { npmScriptName, packageScriptsOf, recognizeDevServer } from './dev-server.js';
import { shellWords, unwrapCommand } from './shell.js';

const found = (cmd: string, ctx = {}) => {
  const argv = shellWords(cmd);
  const f = recognizeDevServer(argv, ctx);
  return f && `${f.kind} ${f.tool} "${f.what}" @${argv[f.index]}${f.via ? ` via ${f.via.file}:${f.via.scripts.join('>')}` : ''}`;
};

test('recognizeDevServer: development servers, reloaders and debuggers, with the word that gave it away', () => {
  assert.equal(found('flask run --host 0.0.0.0'), 'dev-server flask "flask run" @flask');
  assert.equal(found('FLASK_DEBUG=1 flask --app web run'), 'dev-server flask "flask run --debug" @flask');
  assert.equal(found('/srv/venv/bin/flask --app run run --host 0.0.0.0'), 'dev-server flask "flask run" @/srv/venv/bin/flask');
  assert.equal(found("/bin/bash -c 'source venv/bin/activate && flask run'"), 'dev-server flask "flask run" @source venv/bin/activate && flask run');
  assert.equal(found('python -m flask run'), 'dev-server flask "flask run" @flask');
  assert.equal(found('python manage.py runserver 0.0.0.0:8000'), 'dev-server django "manage.py runserver" @runserver');
  assert.equal(found('django-admin runserver'), 'dev-server django "manage.py runserver" @runserver');
  assert.equal(found('bundle exec rails s -e development'), 'dev-server rails "rails server -e development" @rails');
  assert.equal(found('RAILS_ENV=test rails server'), 'dev-server rails "rails server -e test" @rails');
  assert.equal(found('npx nodemon server.js'), 'reloader nodemon "nodemon server.js" @nodemon');
  assert.equal(found('webpack-dev-server --port 8080'), 'dev-server webpack-dev-server "webpack-dev-server --port" @webpack-dev-server');
  assert.equal(found('vite'), 'dev-server vite "vite" @vite');
  assert.equal(found('next dev -p 3000'), 'dev-server next "next dev" @next');
  assert.equal(found('uvicorn main:app --reload --host 0.0.0.0'), 'reloader uvicorn "uvicorn --reload" @--reload');
  assert.equal(found('gunicorn --reload app:app'), 'reloader gunicorn "gunicorn --reload" @--reload');
  assert.equal(found('node --inspect=0.0.0.0:9229 index.js'), 'debugger node "node --inspect=0.0.0.0:9229" @--inspect=0.0.0.0:9229');
  assert.equal(found('node --watch index.js'), 'reloader node "node --watch" @--watch');
  assert.equal(found('python -m debugpy --listen 5678 app.py'), 'debugger debugpy "python -m debugpy" @python');
  assert.equal(found('python3 -m http.server 8000'), 'dev-server python "python -m http.server" @python3');
  assert.equal(found('fastapi dev main.py'), 'dev-server fastapi "fastapi dev" @dev');
  assert.equal(found('php artisan serve'), 'dev-server php "php artisan serve" @php');
  assert.equal(found('./artisan serve'), 'dev-server php "php artisan serve" @./artisan');
  assert.equal(found('npm run dev'), 'dev-script npm "npm run dev" @npm');
  assert.equal(found('yarn dev'), 'dev-script yarn "yarn dev" @yarn');
  assert.equal(found('gosu app tini -- uvicorn app:app --reload'), 'reloader uvicorn "uvicorn --reload" @--reload');
  assert.equal(found('myapp --debug'), 'debug-switch myapp "the debug switch --debug" @--debug');
});

test('recognizeDevServer: production commands are not development servers', () => {
  for (const cmd of [
    'gunicorn -w 4 app:app',
    'uvicorn main:app --workers 4',
    'bundle exec rails s -e production',
    'rails server',
    'next start',
    'vite build',
    'vite preview',
    'node dist/server.js',
    'npm start',
    'npm run build && npm run serve',
    'python app.py',
    'flask db upgrade',
    'flask --app run routes',
    'fastapi run main.py',
    'python manage.py migrate',
    'php-fpm -F',
    '',
  ]) assert.equal(found(cmd), undefined, cmd);
});

test('recognizeDevServer: chains and sh -c bodies are looked through; the position is the script argument', () => {
  const argv = ['sh', '-c', 'python manage.py migrate && python manage.py runserver 0.0.0.0:8000'];
  const f = recognizeDevServer(argv)!;
  assert.deepEqual([f.tool, f.index], ['django', 2]);
  assert.equal(found('python manage.py migrate && exec flask run'), 'dev-server flask "flask run" @flask');
  // A debug switch counts only when nothing stronger is in the line.
  assert.equal(found('myapp --debug; nodemon x.js'), 'reloader nodemon "nodemon x.js" @nodemon');
  // Nesting is bounded: `sh -c 'sh -c …'` five levels down is not followed.
  let deep = 'flask run';
  for (let i = 0; i < 6; i++) deep = `sh -c ${JSON.stringify(deep)}`;
  assert.equal(recognizeDevServer(shellWords(deep)), undefined);
});

test('recognizeDevServer: a Python script that calls app.run()', () => {
  const scripts = [{ arg: 'app.py', file: 'src/app.py', flaskRun: { line: 12, debug: true } }];
  const f = recognizeDevServer(['python', 'app.py'], { scripts })!;
  assert.equal(f.what, 'python app.py');
  assert.match(f.why.en, /src\/app\.py:12\) with debug=True/);
  assert.equal(recognizeDevServer(['python', 'other.py'], { scripts }), undefined);
});

test('recognizeDevServer: package.json scripts are read (npm start → npm run watch → nodemon), by name only when the body says nothing', () => {
  const pkg = { file: 'web/package.json', scripts: { start: 'npm run watch', watch: 'nodemon --inspect=0.0.0.0 src/index.js', serve: 'node dist/index.js', dev: 'node server.js', loop: 'npm run loop' } };
  assert.equal(found('npm start', { packageScripts: pkg }), 'reloader nodemon "nodemon --inspect=0.0.0.0" @npm via web/package.json:start>watch');
  assert.equal(found('npm run serve', { packageScripts: pkg }), undefined);
  assert.equal(found('yarn dev', { packageScripts: pkg }), 'dev-script yarn "yarn dev" @yarn');
  assert.equal(found('npm run loop', { packageScripts: pkg }), undefined);
  const refs = packageScriptsOf([{ name: 'constructor', body: 'vite', file: 'package.json' }])!;
  assert.equal(found('npm run constructor', { packageScripts: refs }), 'dev-server vite "vite" @npm via package.json:constructor');
  assert.equal(found('npm run toString', { packageScripts: refs }), undefined);
  assert.equal(packageScriptsOf([]), undefined);
});

test('npmScriptName and unwrapCommand', () => {
  assert.equal(npmScriptName(['npm', 'run', '--silent', 'dev']), 'dev');
  assert.equal(npmScriptName(['yarn', 'install']), undefined);
  assert.equal(npmScriptName(['pnpm', 'start']), 'start');
  assert.equal(npmScriptName(['node', 'x.js']), undefined);
  assert.deepEqual(unwrapCommand(['A=1', 'exec', 'sudo', '-u', 'app', 'env', 'B=2', 'gosu', 'web', 'poetry', 'run', 'gunicorn', 'x']), { words: ['gunicorn', 'x'], offset: 11, assigns: ['A=1', 'B=2'] });
  assert.deepEqual(unwrapCommand(['newrelic-admin', 'run-program', 'doppler', 'run', '--', 'node', 'a.js']).words, ['node', 'a.js']);
});

test('hostile: a 100,000-word command and a 5 MB word end with an answer', () => {
  const many: string[] = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? '&&' : 'true'));
  many.push('nodemon');
  assert.equal(recognizeDevServer(many)?.index, 100_000);
  assert.equal(recognizeDevServer(['node', 'x'.repeat(5 * 1024 * 1024)]), undefined);
  assert.equal(recognizeDevServer(shellWords(`sh -c "${'a'.repeat(5 * 1024 * 1024)}`)), undefined);
});
