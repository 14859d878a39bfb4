#!/usr/bin/env node
// `npm run bench`: every benchmark section, one after the other, in one run.
//
//   npm run bench -- [NETBOX_DIR] [ARGS…] [--only NAME[,NAME…]] [--realworld DIR]
//
// A section is a script `scripts/bench-NAME.mjs` (found here, not listed: adding one needs no edit of
// this file). `scan` runs first and gets ARGS (the path of netbox, --runs …); `realworld` gets the
// directory the real repositories are laid out under (the parent of the netbox path, or
// --realworld DIR), and is left out when there is none; the others run without arguments, as they
// do on their own. Each prints its own table; the run fails when a section fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
/** The value of `--name VALUE`, and ARGS without both. */
const take = (name) => {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const v = argv[i + 1] ?? '';
  argv.splice(i, 2);
  return v;
};
const onlyList = take('--only');
const only = onlyList === undefined ? undefined : new Set(onlyList.split(','));
const rwDir = take('--realworld');
const args = argv;
const VALUED = new Set(['--runs', '--bandit-runs', '--sizes']); // bench-scan's options that take a value
const netbox = args.find((a, i) => !a.startsWith('--') && !(i > 0 && VALUED.has(args[i - 1]))) ?? '/work/realworld/netbox-community+netbox';
const realworld = rwDir ?? path.dirname(path.resolve(netbox));
const sectionArgs = (name) => (name === 'scan' ? args : name === 'realworld' ? [realworld] : []);

const sections = readdirSync(path.join(ROOT, 'scripts'))
  .map((n) => /^bench-(.+)\.mjs$/.exec(n)?.[1])
  .filter((n) => n && (!only || only.has(n)))
  .filter((n) => n !== 'realworld' || existsSync(realworld))
  .sort((a, b) => (a === 'scan' ? -1 : b === 'scan' ? 1 : a < b ? -1 : 1));

const failed = [];
for (const name of sections) {
  console.log(`\n── ${name} (scripts/bench-${name}.mjs) ${'─'.repeat(Math.max(0, 60 - name.length * 2))}  load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', `bench-${name}.mjs`), ...sectionArgs(name)], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) failed.push(name);
}
console.log(failed.length ? `\nsections with failed targets: ${failed.join(', ')}` : '\nevery section passed');
process.exitCode = failed.length ? 1 : 0;
