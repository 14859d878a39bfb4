import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entryStatus, invocations, optionValue } from './commands.js';
import type { CommandLine } from './common.js';

const cmd = (text: string, argv?: string[]): CommandLine => ({ text, argv, source: 'dockerfile-cmd', file: 'Dockerfile', line: 9, column: 1 });

test('invocations: servers behind wrappers, runners, sh -c and exec-form arrays', () => {
  const kinds = (t: string, argv?: string[]) => invocations(cmd(t, argv)).map((i) => `${i.kind}${i.target ? ':' + i.target : ''} ${i.args.join(' ')}`.trim());
  assert.deepEqual(kinds('cd /app && exec gunicorn -w 4 app:app'), ['gunicorn -w 4 app:app']);
  assert.deepEqual(kinds('', ['sh', '-c', 'python manage.py migrate && uvicorn main:app --reload']), ['uvicorn main:app --reload']);
  assert.deepEqual(kinds('FLASK_APP=app.py poetry run flask --app app run --host 0.0.0.0'), ['flask-run --host 0.0.0.0']);
  assert.deepEqual(kinds('', ['python3', '-u', '/app/app.py']), ['python-script:/app/app.py']);
  assert.deepEqual(kinds('python -m gunicorn app:app'), ['gunicorn app:app']);
  assert.deepEqual(kinds('python -m myapp.server --port 80'), ['python-module:myapp.server --port 80']);
  assert.deepEqual(kinds('', ['gunicorn --bind 0.0.0.0:5000 --workers 2 app:app']), ['gunicorn --bind 0.0.0.0:5000 --workers 2 app:app']);
  assert.deepEqual(kinds('./manage.py runserver 0:8000'), ['django-runserver:./manage.py 0:8000']);
  assert.deepEqual(kinds('celery -A tasks worker'), []);
});

test('optionValue: long, long=, short glued and separate, flags', () => {
  const args = ['-w4', '--bind=0.0.0.0:80', '--threads', '2', '--reload', '-t', '30'];
  assert.equal(optionValue(args, ['-w', '--workers'])?.value, '4');
  assert.equal(optionValue(args, ['-b', '--bind'])?.value, '0.0.0.0:80');
  assert.equal(optionValue(args, ['--threads'])?.value, '2');
  assert.equal(optionValue(args, ['--reload'], true)?.value, '');
  assert.equal(optionValue(args, ['-t', '--timeout'])?.value, '30');
  assert.equal(optionValue(args, ['--max-requests']), undefined);
});

test('entryStatus: a command that runs the file, another server, or nothing known', () => {
  assert.equal(entryStatus([cmd('python app.py')], 'app.py').status, 'runs');
  assert.equal(entryStatus([cmd('python /srv/app/src/app.py')], 'src/app.py').status, 'runs');
  assert.equal(entryStatus([cmd('python -m app')], 'app/__main__.py').status, 'runs');
  assert.equal(entryStatus([cmd('gunicorn app:app')], 'app.py').status, 'other');
  assert.equal(entryStatus([cmd('./start.sh')], 'app.py').status, 'unknown');
  assert.equal(entryStatus([], 'app.py').status, 'unknown');
});
