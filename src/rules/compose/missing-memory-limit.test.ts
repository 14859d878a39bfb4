import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './missing-memory-limit.js';

test('compose/missing-memory-limit: a service without a limit is reported at the service', async () => {
  await expectLines(rule, { 'compose.yaml': text('services:', '  web:', '    image: acme/web:1', '    deploy:', '      resources:', '        limits:', '          cpus: "0.5"') }, ['compose.yaml:2']);
});

test('compose/missing-memory-limit: deploy limits, legacy mem_limit and a production override count', async () => {
  await expectLines(
    rule,
    {
      'docker-compose.yml': text('services:', '  web:', '    image: acme/web:1', '    deploy:', '      resources:', '        limits:', '          memory: 512M', '  db:', '    image: postgres:16', '    mem_limit: 1g', '  worker:', '    image: acme/web:1'),
      'docker-compose.production.yml': text('services:', '  worker:', '    deploy: {resources: {limits: {memory: 256M}}}'),
    },
    [],
  );
});

test('compose/missing-memory-limit: docker-compose.dev.yml is silent for production', async () => {
  await expectLines(rule, { 'docker-compose.dev.yml': text('services:', '  web:', '    image: acme/web:1') }, []);
});
