import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './certbot-missing.js';
import { expectHostLines } from '../../testing/host-rules.js';

const pkgs = (names: string[]) => ({ hostPackages: [{ file: 'var/lib/dpkg/status', manager: 'dpkg', packages: names.map((name, i) => ({ name, version: '1.0', line: i * 4 + 1 })) }] });

test('nginx without certbot is reported at the nginx package', async () => {
  await expectHostLines(rule, pkgs(['openssh-server', 'nginx']), ['var/lib/dpkg/status:5']);
});

test('certbot installed, or no nginx: nothing', async () => {
  await expectHostLines(rule, pkgs(['nginx', 'certbot']), []);
  await expectHostLines(rule, pkgs(['openssh-server']), []);
  assert.ok(true);
});
