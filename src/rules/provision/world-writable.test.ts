import { test } from 'node:test';
import assert from 'node:assert/strict';
import { text } from '../../testing/harness.js';
import { expectClean as expectLines } from '../../testing/nginx.js';
import rule, { worldWritable } from './world-writable.js';

test('worldWritable: octal and symbolic modes', () => {
  for (const m of ['777', '0777', '666', '776', 'a+w', 'o+rwx', 'ugo=rwx', 'u+x,o+w']) assert.equal(worldWritable(m), true, m);
  for (const m of ['755', '750', '644', '1777', 'u+w', '+x', 'go-w', 'o-w']) assert.equal(worldWritable(m), false, m);
});

test('provision/world-writable: chmod 777 / -R 0777 / sudo chmod a+w are reported at the mode', async () => {
  await expectLines(
    rule,
    {
      'scripts/setup.sh': text('#!/bin/bash', 'mkdir -p /tmp/uploads && chmod 777 /tmp/uploads', 'chmod -R 0777 /srv/app', 'sudo chmod a+w /srv/app/.env'),
    },
    ['scripts/setup.sh:2', 'scripts/setup.sh:3', 'scripts/setup.sh:4'],
  );
});

test('provision/world-writable: 755, 600, sticky 1777 and chown are silent', async () => {
  await expectLines(rule, { 'scripts/setup.sh': text('#!/bin/bash', 'chmod 755 bin/run', 'chmod 600 .env', 'chmod 1777 /srv/shared-tmp', 'chown -R app:app /srv/app') }, []);
});
