import { test } from 'node:test';
import { text } from '../../testing/harness.js';
import { expectLines } from '../../testing/harness.js';
import rule from './missing-restart.js';

test('systemd/missing-restart: no Restart= (at [Service]) and Restart=no (at the line)', async () => {
  await expectLines(
    rule,
    {
      'a.service': text('[Unit]', 'Description=a', '[Service]', 'ExecStart=/usr/bin/a'),
      'b.service': text('[Service]', 'ExecStart=/usr/bin/b', 'Restart=no'),
    },
    ['a.service:3', 'b.service:3'],
  );
});

test('systemd/missing-restart: Restart=on-failure / always, and oneshot services, are silent', async () => {
  await expectLines(
    rule,
    {
      'a.service': text('[Service]', 'ExecStart=/usr/bin/a', 'Restart=on-failure'),
      'b.service': text('[Service]', 'Restart=always', 'ExecStart=/usr/bin/b'),
      'c.service': text('[Service]', 'Type=oneshot', 'ExecStart=/usr/bin/migrate'),
    },
    [],
  );
});
