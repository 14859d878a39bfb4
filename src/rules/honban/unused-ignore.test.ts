import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines, runRules, text } from '../../testing/harness.js';
import rootUser from '../docker/root-user.js';
import debugEnabled from '../env/debug-enabled.js';
import rule from './unused-ignore.js';

const dockerfile = (...body: string[]) => text('FROM python:3.12-slim', ...body, 'CMD ["python", "app.py"]');

test('honban/unused-ignore: a directive for a rule that ran on the file and found nothing there', async () => {
  const found = await runRules([rule, rootUser], {
    // docker/root-user reports line 1 (the final FROM): a directive on line 2 covers lines 2-3 only.
    Dockerfile: dockerfile('# honban-ignore docker/root-user -- distroless base drops privileges', 'RUN echo hi'),
    // A directive in a file the rule does not judge at all is unused too.
    'app.py': text('# honban-ignore docker/root-user -- misplaced', 'print("hi")'),
  });
  assert.deepEqual(lines(found, rule.id), ['Dockerfile:2', 'app.py:1']);
  assert.match(found.find((f) => f.ruleId === rule.id)!.message, /^honban-ignore docker\/root-user suppresses nothing here/);
});

test('honban/unused-ignore: silent when the directive suppresses, when its rule did not run, for files the rule does not judge, in prose, and without a reason', async () => {
  const found = await runRules([rule, rootUser, debugEnabled], {
    // Used: covers the finding on the next line.
    Dockerfile: text('# honban-ignore docker/root-user -- distroless base drops privileges', 'FROM python:3.12-slim', 'CMD ["python", "app.py"]'),
    // env/debug-enabled judges production: a development file is not judged, so this proves nothing.
    '.env.development': text('DEBUG=1 # honban-ignore env/debug-enabled -- local debugging only'),
    // A rule that did not run in this run (another command / turned off).
    'deploy.sh': text('#!/bin/sh', '# honban-ignore provision/curl-pipe-shell -- pinned installer', 'echo ok'),
    // Prose quoting a directive.
    'NOTES.txt': text('# honban-ignore docker/root-user -- an example in the docs'),
    // Without a reason it suppresses nothing by design (honban/ignore-without-reason reports it).
    'other/Dockerfile': dockerfile('# honban-ignore docker/root-user'),
  });
  assert.deepEqual(lines(found, rule.id), []);
  assert.equal(found.filter((f) => f.ruleId === rootUser.id).length, 1, 'only other/Dockerfile keeps its root-user finding');
});
