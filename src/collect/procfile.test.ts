import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProcfile } from './procfile.js';
import { text } from '../testing/harness.js';

test('procfile collector: one CommandLine per process line, comments and junk ignored', () => {
  const f = parseProcfile(
    'Procfile',
    'shared',
    text('# processes', 'web: gunicorn app:app --workers 3 --bind 0.0.0.0:$PORT', '', '  worker:   celery -A tasks worker --loglevel=info', 'not a process line', 'release: sh -c "flask db upgrade && echo done"'),
  );
  assert.deepEqual(f.commands.map((c) => `${c.process}@${c.line}:${c.column} ${c.source}`), ['web@2:6', 'worker@4:13', 'release@6:10'].map((s) => s + ' procfile'));
  assert.deepEqual(f.commands[0]!.argv, ['gunicorn', 'app:app', '--workers', '3', '--bind', '0.0.0.0:$PORT']);
  assert.deepEqual(f.commands[2]!.argv, ['sh', '-c', 'flask db upgrade && echo done']);
});
