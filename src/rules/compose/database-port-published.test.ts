import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './database-port-published.js';

test('compose/database-port-published: DB ports on all interfaces, short and long syntax', async () => {
  const findings = await expectLines(
    rule,
    {
      'docker-compose.yml': text(
        'services:',
        '  db:',
        '    image: postgres:16',
        '    ports:',
        '      - "5432:5432"',
        '      - "0.0.0.0:15432:5432"',
        '  cache:',
        '    image: redis:7',
        '    ports:',
        '      - 6379',
        '      - target: 6379',
        '        published: 16379',
        '  search:',
        '    image: elasticsearch:8.15.0',
        '    ports: ["${ES_PORT:-9200}:9200", "[::]:9300:9300"]',
        '  mongo:',
        '    image: mongo:7',
        '    ports:',
        '      - "27000:27017"',
      ),
    },
    ['docker-compose.yml:5', 'docker-compose.yml:6', 'docker-compose.yml:10', 'docker-compose.yml:11', 'docker-compose.yml:15', 'docker-compose.yml:15', 'docker-compose.yml:19'],
  );
  assert.match(findings[0]!.message, /PostgreSQL port 5432 on all interfaces/);
  assert.match(findings[2]!.message, /random host port/);
});

test('compose/database-port-published: loopback bindings, web ports and unpublished databases are fine', async () => {
  await expectLines(
    rule,
    {
      'docker-compose.yml': text(
        'services:',
        '  db:',
        '    image: postgres:16',
        '    ports:',
        '      - "127.0.0.1:5432:5432"',
        '      - "[::1]:5433:5432"',
        '      - target: 5432',
        '        published: 5434',
        '        host_ip: 127.0.0.1',
        '    expose: ["5432"]',
        '  web:',
        '    image: acme/web:1',
        '    ports: ["80:8000", "443:8443"]',
        '  redis:',
        '    image: redis:7',
        '    ports: ["${REDIS_BIND}:6379:6379"]',
      ),
    },
    [],
  );
});

test('compose/database-port-published: docker-compose.dev.yml is silent for production', async () => {
  await expectLines(rule, { 'docker-compose.dev.yml': text('services:', '  db:', '    image: postgres:16', '    ports:', '      - "5432:5432"') }, []);
});

test('compose/database-port-published: the image decides; the port number only when the image is unknown, and then it says so', async () => {
  // Portainer's UI and a docs server on 9000 are not ClickHouse or MinIO.
  await expectLines(
    rule,
    {
      'compose.yaml': text('services:', '  portainer:', '    image: portainer/portainer-ce:2.21.0', '    ports:', '      - "9000:9000"', '  docs:', '    build: ./site', '    ports:', "      - '9000:9000'"),
      'site/Dockerfile': text('FROM python:3.12-slim', 'CMD ["sphinx-autobuild", "src", "build"]'),
    },
    [],
  );
  // A database image built from a Dockerfile, a server command, and an image made of variables.
  const f = await expectLines(
    rule,
    {
      'compose.yaml': text(
        'services:',
        '  db:',
        '    build: ./db',
        '    ports:',
        '      - "5433:5432"',
        '  cache:',
        '    image: ${REGISTRY}/cache:1',
        '    ports:',
        '      - "6379:6379"',
        '  queue:',
        '    image: ${REGISTRY}/queue:1',
        '    command: redis-server --port 7000',
        '    ports:',
        '      - "7000:7000"',
      ),
      'db/Dockerfile': text('FROM postgres:16', 'COPY init.sql /docker-entrypoint-initdb.d/'),
    },
    ['compose.yaml:5', 'compose.yaml:9', 'compose.yaml:14'],
  );
  assert.match(f.find((x) => x.line === 9)!.message, /by its number Redis \(honban cannot tell the image/);
});
