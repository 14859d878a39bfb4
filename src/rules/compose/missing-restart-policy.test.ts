import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './missing-restart-policy.js';

test('compose/missing-restart-policy: no restart, and restart "no", are reported', async () => {
  await expectLines(
    rule,
    { 'docker-compose.yml': text('services:', '  web:', '    image: acme/web:1', '  worker:', '    image: acme/web:1', '    restart: "no"') },
    ['docker-compose.yml:2', 'docker-compose.yml:6'],
  );
});

test('compose/missing-restart-policy: restart, deploy.restart_policy, a production override and profiles count', async () => {
  await expectLines(
    rule,
    {
      'docker-compose.yml': text('services:', '  web:', '    image: acme/web:1', '  worker:', '    image: acme/web:1', '    deploy:', '      restart_policy:', '        condition: on-failure', '  migrate:', '    image: acme/web:1', '    profiles: [tools]'),
      'docker-compose.prod.yml': text('services:', '  web:', '    restart: unless-stopped'),
    },
    [],
  );
});

test('compose/missing-restart-policy: a development override does not count for production, and the dev file is not judged', async () => {
  await expectLines(
    rule,
    {
      'docker-compose.yml': text('services:', '  web:', '    image: acme/web:1'),
      'docker-compose.dev.yml': text('services:', '  web:', '    restart: always', '  adminer:', '    image: adminer:4'),
    },
    ['docker-compose.yml:2'],
  );
});
