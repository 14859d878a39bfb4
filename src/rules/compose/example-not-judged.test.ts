import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectLines, text } from '../../testing/harness.js';
import rule from './example-not-judged.js';
import unpinned from './unpinned-image.js';

const STACK = text('# Self-hosting: download this file as compose.yml', 'services:', '  web:', '    image: example/shop:latest', '    ports:', '      - 3000:3000', '  db:', '    image: postgres:16');

test('compose/example-not-judged: a runnable compose template with no compose file of the target says why it was not judged', async () => {
  const f = await expectLines(rule, { 'compose.example.yml': STACK, '.devcontainer/docker-compose.yml': text('services:', '  app:', '    build: .') }, ['compose.example.yml:3']);
  assert.equal(f[0]!.severity, 'info');
  assert.match(f[0]!.message, /name marks it as a template, so it was judged for committed credentials only/);
  assert.match(f[0]!.message, /environments: \{ production: \[compose\.example\.yml\] \}/);
});

test('compose/example-not-judged: silent with a production compose file, when honban.yml classifies it, or for a development target', async () => {
  await expectLines(rule, { 'compose.example.yml': STACK, 'compose.yml': text('services:', '  web:', '    image: example/shop:1.4') }, []);
  const classified = { config: { environments: { production: ['compose.example.yml'] } } as never };
  await expectLines(rule, { 'compose.example.yml': STACK }, [], classified);
  // …and then it is judged as the deployment.
  await expectLines(unpinned, { 'compose.example.yml': STACK }, ['compose.example.yml:4'], classified);
  await expectLines(unpinned, { 'compose.example.yml': STACK }, []);
  await expectLines(rule, { 'compose.example.yml': STACK }, [], { environment: 'development' });
  await expectLines(rule, { 'docs/compose.sample.yml': text('services: {}') }, []);
});
