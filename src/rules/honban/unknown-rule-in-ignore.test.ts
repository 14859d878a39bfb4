import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines, runRules, text } from '../../testing/harness.js';
import rootUser from '../docker/root-user.js';
import rule from './unknown-rule-in-ignore.js';

test('honban/unknown-rule-in-ignore: a typo, and a glob that matches no rule', async () => {
  const found = await runRules([rule, rootUser], {
    Dockerfile: text('# honban-ignore docker/rot-user -- the base image drops privileges', 'FROM python:3.12-slim', 'CMD ["python", "app.py"]'),
    'main.tf': text('# honban-ignore tf-awz/* -- legacy account', 'resource "aws_s3_bucket" "b" {}'),
  });
  assert.deepEqual(lines(found, rule.id), ['Dockerfile:1', 'main.tf:1']);
  assert.match(found[0]!.message, /"docker\/rot-user", which is no rule id/);
  // The typo suppressed nothing: the real finding stays open.
  assert.deepEqual(lines(found, rootUser.id), ['Dockerfile:2']);
});

test('honban/unknown-rule-in-ignore: known ids (also of rules that did not run), globs that match, and prose are silent', async () => {
  const found = await runRules([rule, rootUser], {
    Dockerfile: text('# honban-ignore docker/root-user -- distroless', 'FROM python:3.12-slim', 'CMD ["python", "app.py"]'),
    'deploy.sh': text('#!/bin/sh', '# honban-ignore provision/curl-pipe-shell,tf-aws/* -- pinned installer', 'echo ok'),
    'README.txt': text('# honban-ignore some/example -- prose'),
  });
  assert.deepEqual(lines(found, rule.id), []);
});
