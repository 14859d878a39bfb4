// Copies the tree-sitter grammar files honban loads (GRAMMAR_FILES in src/collect/treesitter.ts)
// from the grammar packages (devDependencies) into dist/grammars/, which the package ships.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GRAMMAR_FILES } from '../dist/collect/treesitter.js';

const require = createRequire(import.meta.url);
const out = fileURLToPath(new URL('../dist/grammars/', import.meta.url));
mkdirSync(out, { recursive: true });
const wanted = new Set();
for (const spec of Object.values(GRAMMAR_FILES)) {
  const name = path.basename(spec);
  wanted.add(name);
  copyFileSync(require.resolve(spec), path.join(out, name));
}
// A grammar dropped from GRAMMAR_FILES must not linger in dist/ (and so in the package).
for (const name of readdirSync(out)) if (!wanted.has(name)) rmSync(path.join(out, name));
