import { test } from 'node:test';
import { text } from '../../testing/harness.js';
import { expectLines } from '../../testing/harness.js';
import rule from './world-writable.js';

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
