// Regenerates docs/rules.md and schema/honban.schema.json from the code (npm run docs).
import { mkdirSync, writeFileSync } from 'node:fs';
import { rulesMarkdown } from '../dist/commands/rules-md.js';
import { CONFIG_SCHEMA } from '../dist/config/schema.js';

mkdirSync('docs', { recursive: true });
mkdirSync('schema', { recursive: true });
writeFileSync('docs/rules.md', rulesMarkdown());
writeFileSync('schema/honban.schema.json', JSON.stringify(CONFIG_SCHEMA, null, 2) + '\n');
console.log('wrote docs/rules.md and schema/honban.schema.json');
