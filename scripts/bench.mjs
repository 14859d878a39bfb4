#!/usr/bin/env node
// `npm run bench`: every benchmark section, one after the other, in one run.
//
//   npm run bench -- [ARGS…] [--only NAME[,NAME…]]
//
// A section is a script `scripts/bench-NAME.mjs` (found here, not listed: adding one needs no edit of
// this file). `scan` runs first and gets ARGS (the path of netbox, --runs …); the others run
// without arguments, as they do on their own. Each prints its own table; the run fails when a
// section fails.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set((argv[onlyAt + 1] ?? '').split(',')) : undefined;
const args = onlyAt >= 0 ? argv.filter((_, i) => i !== onlyAt && i !== onlyAt + 1) : argv;

const sections = readdirSync(path.join(ROOT, 'scripts'))
  .map((n) => /^bench-(.+)\.mjs$/.exec(n)?.[1])
  .filter((n) => n && (!only || only.has(n)))
  .sort((a, b) => (a === 'scan' ? -1 : b === 'scan' ? 1 : a < b ? -1 : 1));

const failed = [];
for (const name of sections) {
  console.log(`\n── ${name} (scripts/bench-${name}.mjs) ${'─'.repeat(Math.max(0, 60 - name.length * 2))}  load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', `bench-${name}.mjs`), ...(name === 'scan' ? args : [])], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) failed.push(name);
}
console.log(failed.length ? `\nsections with failed targets: ${failed.join(', ')}` : '\nevery section passed');
process.exitCode = failed.length ? 1 : 0;
