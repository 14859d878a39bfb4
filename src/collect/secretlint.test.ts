import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { test } from 'node:test';
import { findCredentials } from './secretlint.js';
import { credentialType } from '../facts/credentials.js';

const GITHUB = 'ghp_' + 'A1b2C3d4E5'.repeat(3) + 'f6G7H8';

test('findCredentials: positions, the raw value for masking, one run per file content', async () => {
  const content = `# config\ntoken: ${GITHUB}\n`;
  const first = findCredentials('a.yml', content);
  assert.equal(findCredentials('a.yml', content), first, 'the same content is linted once');
  const hits = await first;
  assert.deepEqual(hits.map((h) => [h.messageId, h.line, h.column, h.value === GITHUB]), [['GITHUB_TOKEN', 2, 8, true]]);
  assert.deepEqual(credentialType(hits[0]!), { en: 'GitHub token', ja: 'GitHub トークン' });
  assert.deepEqual(await findCredentials('a.yml', 'nothing here\n'), []);
});

test('findCredentials: no performance marks pile up (what makes the secretlint CLI quadratic)', async () => {
  for (let i = 0; i < 50; i++) await findCredentials(`f${i}.txt`, `line ${i}\n`);
  await new Promise((r) => setImmediate(r));
  assert.equal(performance.getEntriesByType('mark').length, 0);
  assert.equal(performance.getEntriesByType('measure').length, 0);
});
