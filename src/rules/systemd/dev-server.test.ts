import { test } from 'node:test';
import assert from 'node:assert/strict';
import { text } from '../../testing/harness.js';
import { expectLines } from '../../testing/harness.js';
import rule, { devServer } from './dev-server.js';

test('devServer recognizes development servers and debug switches', () => {
  const w = (s: string) => devServer(s.split(' '))?.what;
  assert.match(w('/srv/venv/bin/flask --app run run --host 0.0.0.0')!, /flask run/);
  assert.match(w('python3 manage.py runserver 0.0.0.0:8000')!, /runserver/);
  assert.match(w('bin/rails server -e development')!, /rails server -e development/);
  assert.match(w('/usr/bin/npm run dev')!, /npm run dev/);
  assert.match(w('/usr/bin/nodemon server.js')!, /nodemon/);
  assert.match(w('gunicorn --reload -b 127.0.0.1:8000 app:app')!, /gunicorn --reload/);
  assert.match(w('uvicorn main:app --reload')!, /uvicorn --reload/);
  assert.match(w('/srv/app/bin/server --debug')!, /--debug/);
  assert.match(devServer(['/bin/bash', '-c', 'source venv/bin/activate && flask run'])!.what, /flask run/);
  assert.equal(w('gunicorn -w 3 -b 127.0.0.1:8000 app:app'), undefined);
  assert.equal(w('bin/rails server -e production'), undefined);
  assert.equal(w('/usr/bin/npm start'), undefined);
  assert.equal(w('uvicorn main:app --workers 4'), undefined);
});

test('systemd/dev-server: ExecStart with flask run (across a continuation) and gunicorn --reload are reported at the word', async () => {
  const f = await expectLines(
    rule,
    {
      'deploy/app.service': text('[Service]', 'User=app', 'ExecStart=/srv/app/venv/bin/flask \\', '    run --host 127.0.0.1'),
      'deploy/api.service': text('[Service]', 'User=app', 'ExecStart=-/srv/app/venv/bin/gunicorn -b 127.0.0.1:8000 \\', '    --reload app:app'),
    },
    ['deploy/api.service:4', 'deploy/app.service:3'],
  );
  assert.equal(f[0]!.column, 5);
  assert.equal(f[1]!.column, 11);
});

test('systemd/dev-server: production servers, a reset ExecStart and development units are silent', async () => {
  await expectLines(
    rule,
    {
      'deploy/app.service': text('[Service]', 'ExecStart=/srv/app/venv/bin/flask run', 'ExecStart=', 'ExecStart=/srv/app/venv/bin/gunicorn -w 3 app:app'),
      'deploy/development/app.service': text('[Service]', 'ExecStart=/srv/app/venv/bin/flask run --debug'),
    },
    [],
  );
});
