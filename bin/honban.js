#!/usr/bin/env node
// Fast path for --version: no module of honban is loaded.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V' || args[0] === 'version')) {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(pkg.version + '\n');
} else {
  // A command-line run starts without V8's optimising compiler; a scan long enough to repay it
  // turns it back on (dist/lib/jit.js says why).
  (await import('../dist/lib/jit.js')).deferOptimisation();
  const { main } = await import('../dist/cli/main.js');
  process.exitCode = await main(args);
}
