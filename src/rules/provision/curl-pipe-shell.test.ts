import { test } from 'node:test';
import { text } from '../../testing/harness.js';
import { expectLines } from '../../testing/harness.js';
import rule from './curl-pipe-shell.js';

test('provision/curl-pipe-shell: curl | sh, wget -O- | sudo bash, bash <(curl), sh -c "$(curl)"', async () => {
  await expectLines(
    rule,
    {
      'deploy/user-data.sh': text(
        '#!/bin/bash',
        'curl -fsSL https://get.docker.com | sh',
        'wget -qO- https://example.com/install.sh | sudo -E bash -s -- --yes',
        'bash <(curl -s https://example.com/setup)',
        'sh -c "$(curl -fsSL https://raw.githubusercontent.com/x/y/master/install.sh)"',
      ),
    },
    ['deploy/user-data.sh:2', 'deploy/user-data.sh:3', 'deploy/user-data.sh:4', 'deploy/user-data.sh:5'],
  );
});

test('provision/curl-pipe-shell: downloading to a file, checking it, and curl | jq are silent', async () => {
  await expectLines(
    rule,
    {
      'deploy/user-data.sh': text(
        '#!/bin/bash',
        'curl -fsSLo /tmp/install.sh https://example.com/v1.2.3/install.sh',
        'echo "3b1f...  /tmp/install.sh" | sha256sum -c',
        'bash /tmp/install.sh',
        'curl -s https://api.example.com/health | jq .status',
      ),
    },
    [],
  );
});
