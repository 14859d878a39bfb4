import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './software-below-floor.js';
import { expectHostLines } from '../../testing/host-rules.js';

const pkgs = (packages: [string, string, number][]) => ({ hostPackages: [{ file: 'var/lib/dpkg/status', manager: 'dpkg', packages: packages.map(([name, version, line]) => ({ name, version, line })) }] });

test('python3 3.8 and nginx 1.14 are below the floors 3.9 and 1.18', async () => {
  await expectHostLines(rule, pkgs([['python3', '3.8.2-0ubuntu2', 5], ['nginx-core', '1.14.0-0ubuntu1', 9]]), ['var/lib/dpkg/status:5', 'var/lib/dpkg/status:9']);
});

test('versions at or above the floors pass; epochs and revisions do not confuse the comparison', async () => {
  await expectHostLines(rule, pkgs([['python3', '3.11.2-1+b1', 5], ['nginx', '1.18.0-0ubuntu1.4', 9]]), []);
  await expectHostLines(rule, pkgs([['python3', '3.9.2-3', 5]]), []);
});

test('host.floors adds a floor', async () => {
  const [f] = await expectHostLines(rule, pkgs([['postgresql', '12+214', 3]]), ['var/lib/dpkg/status:3'], { host: { floors: { postgresql: '14' } } });
  assert.match(f!.message, /postgresql 14/);
});
