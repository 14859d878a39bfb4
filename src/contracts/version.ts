import { readFileSync } from 'node:fs';

/** honban's version, from package.json. */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Where `npm run build` puts the tree-sitter grammar files (dist/grammars/). */
export const GRAMMAR_DIR_URL = new URL('../grammars/', import.meta.url);
