import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toSourceFiles } from '../commands/scan.js';
import type { CollectContext } from '../contracts/collector.js';
import { ParseError } from '../contracts/errors.js';
import collector, { parseShortPort, wholeReference } from './compose.js';
import { type ComposeFact } from '../facts/compose.js';
import { text } from '../testing/harness.js';

async function collect(files: Record<string, string>, path: string): Promise<{ fact: ComposeFact; secrets: string[] }> {
  const all = toSourceFiles(Object.entries(files).map(([p, content]) => ({ path: p, content })));
  const secrets: string[] = [];
  const ctx: CollectContext = { environment: 'production', files: all, customEnvs: [], registerSecret: (v) => secrets.push(v) };
  const fact = (await collector.collect(all.find((f) => f.path === path)!, ctx)) as ComposeFact;
  return { fact, secrets };
}

const COMPOSE = text(
  'x-defaults: &defaults',
  '  restart: unless-stopped',
  '  environment:',
  '    TZ: Asia/Tokyo',
  'services:',
  '  web:',
  '    <<: *defaults',
  '    build:',
  '      context: ./app',
  '      dockerfile: docker/Dockerfile.prod',
  '    command: sh -c "flask db upgrade && gunicorn -b 0.0.0.0:8000 app:app"',
  '    environment:',
  '      - FLASK_ENV=production',
  '      - SECRET_KEY=${SECRET_KEY:?set it}',
  '      - "API_TOKEN=${API_TOKEN:-dev-token}"',
  '      - PASSTHROUGH',
  '      - DB_PASSWORD_FILE=/run/secrets/db_password',
  '    env_file:',
  '      - .env.production',
  '      - path: ./optional.env',
  '        required: false',
  '    ports:',
  '      - "8080:80"',
  '      - "127.0.0.1:5432:5432"',
  '      - "[::1]:6379:6379/tcp"',
  '      - "9000-9001:9000-9001"',
  '      - 3000',
  '      - target: 27017',
  '        published: "27017"',
  '        host_ip: 0.0.0.0',
  '    secrets:',
  '      - db_password',
  '      - source: api_key',
  '        target: API_KEY',
  '    deploy:',
  '      resources:',
  '        limits:',
  '          memory: 512M',
  '    volumes:',
  '      - /var/run/docker.sock:/var/run/docker.sock:ro',
  '      - type: bind',
  '        source: ./data',
  '        target: /data',
  '    cap_add: [SYS_ADMIN]',
  '    network_mode: host',
  '    healthcheck:',
  '      test: ["CMD", "curl", "-f", "http://localhost/health"]',
  '  db:',
  '    image: postgres',
  '    mem_limit: 1g',
  '    environment:',
  '      POSTGRES_PASSWORD: postgres',
  '      POSTGRES_DB: app',
  '      DEBUG: true',
  '      EMPTY:',
  '    healthcheck:',
  '      disable: true',
  'secrets:',
  '  db_password:',
  '    file: ./secrets/db_password.txt',
  '  api_key:',
  '    external: true',
);

test('compose collector: services, environment (list and map), env_file, ports, secrets, limits, volumes, merge keys', async () => {
  const { fact, secrets } = await collect(
    { 'docker-compose.yml': COMPOSE, '.env.production': text('# prod', 'DATABASE_URL=postgres://u:pw@db/app', 'SECRET_KEY=abc123') },
    'docker-compose.yml',
  );
  assert.equal(fact.environment, 'shared');
  assert.deepEqual(fact.services.map((s) => `${s.name}:${s.line}`), ['web:6', 'db:48']);
  const [web, db] = fact.services as [ComposeFact['services'][0], ComposeFact['services'][0]];
  // merge key: restart + environment come from the anchor; own environment wins
  assert.equal(web.restart?.value, 'unless-stopped');
  assert.equal(web.restart?.line, 2);
  assert.deepEqual(web.build && [web.build.contextPath, web.build.dockerfilePath], ['app', 'app/docker/Dockerfile.prod']);
  assert.deepEqual(
    web.environment.map((e) => [e.key, e.value, e.interpolated, e.line, e.valueColumn, e.form]),
    [
      ['FLASK_ENV', 'production', false, 13, 19, 'list'],
      ['SECRET_KEY', '${SECRET_KEY:?set it}', true, 14, 20, 'list'],
      ['API_TOKEN', '${API_TOKEN:-dev-token}', true, 15, 20, 'list'],
      ['PASSTHROUGH', undefined, false, 16, 9, 'list'],
      ['DB_PASSWORD_FILE', '/run/secrets/db_password', false, 17, 26, 'list'],
    ],
  );
  assert.deepEqual(web.environment[1]!.reference, { name: 'SECRET_KEY', required: true });
  assert.deepEqual(web.environment[2]!.reference, { name: 'API_TOKEN', default: 'dev-token', required: false });
  assert.deepEqual(web.envFiles.map((e) => [e.resolved, e.required, e.found, e.line]), [['.env.production', true, true, 19], ['optional.env', false, false, 20]]);
  assert.deepEqual(
    web.ports.map((p) => [p.form, p.hostIp, p.published, p.target, p.targetRange, p.line]),
    [
      ['short', undefined, '8080', '80', [80, 80], 23],
      ['short', '127.0.0.1', '5432', '5432', [5432, 5432], 24],
      ['short', '::1', '6379', '6379', [6379, 6379], 25],
      ['short', undefined, '9000-9001', '9000-9001', [9000, 9001], 26],
      ['short', undefined, undefined, '3000', [3000, 3000], 27],
      ['long', '0.0.0.0', '27017', '27017', [27017, 27017], 28],
    ],
  );
  assert.equal(web.ports[0]!.column, 10);
  assert.deepEqual(web.secrets.map((s) => [s.source, s.target]), [['db_password', undefined], ['api_key', 'API_KEY']]);
  assert.deepEqual(web.memLimit && [web.memLimit.value, web.memLimit.via, web.memLimit.line], ['512M', 'deploy', 38]);
  assert.deepEqual(web.volumes.map((v) => [v.type, v.source, v.target, v.readOnly, v.line]), [['bind', '/var/run/docker.sock', '/var/run/docker.sock', true, 40], ['bind', './data', '/data', false, 41]]);
  assert.deepEqual(web.capAdd.map((c) => c.value), ['SYS_ADMIN']);
  assert.equal(web.networkMode?.value, 'host');
  assert.deepEqual(web.healthcheck && [web.healthcheck.disabled, web.healthcheck.line], [false, 46]);
  assert.deepEqual(web.command?.commands.map((c) => c.argv), [['flask', 'db', 'upgrade'], ['gunicorn', '-b', '0.0.0.0:8000', 'app:app']]);

  assert.equal(db.image?.name, 'postgres');
  assert.equal(db.image?.tag, undefined);
  assert.deepEqual(db.memLimit && [db.memLimit.value, db.memLimit.via], ['1g', 'mem_limit']);
  assert.equal(db.restart, undefined);
  assert.deepEqual(db.environment.map((e) => [e.key, e.value, e.form, e.line, e.column, e.valueColumn]), [
    ['POSTGRES_PASSWORD', 'postgres', 'map', 52, 7, 26],
    ['POSTGRES_DB', 'app', 'map', 53, 7, 20],
    ['DEBUG', 'true', 'map', 54, 7, 14],
    ['EMPTY', undefined, 'map', 55, 7, 13],
  ]);
  assert.equal(db.healthcheck?.disabled, true);
  assert.deepEqual(fact.secrets.map((s) => [s.name, s.file, s.external]), [['db_password', './secrets/db_password.txt', false], ['api_key', undefined, true]]);

  // provides: environment, env_file (pointing at the env file's lines), secrets, *_FILE
  const p = (mech: string) => fact.provides.filter((x) => x.mechanism === mech).map((x) => `${x.name}@${x.file}:${x.line}${x.value !== undefined ? '=' + x.value : ''}`);
  assert.deepEqual(p('env_file'), ['DATABASE_URL@.env.production:2=postgres://u:pw@db/app', 'SECRET_KEY@.env.production:3=abc123']);
  assert.deepEqual(p('secret'), ['DB_PASSWORD@docker-compose.yml:17', 'db_password@docker-compose.yml:32', 'API_KEY@docker-compose.yml:33']);
  assert.ok(p('environment').includes('SECRET_KEY@docker-compose.yml:14'));
  assert.ok(p('environment').includes('FLASK_ENV@docker-compose.yml:13=production'));
  assert.ok(fact.provides.filter((x) => x.mechanism === 'secret').every((x) => x.viaSecretStore));
  assert.equal(fact.hasSecretMechanism, true);
  assert.deepEqual(fact.commands.map((c) => [c.source, c.line]), [['compose-command', 11]]);
  // masking: secret-named values, the URL password, the default of a secret reference
  for (const s of ['abc123', 'pw', 'postgres://u:pw@db/app', 'postgres', 'dev-token']) assert.ok(secrets.includes(s), s);
});

test('compose collector: compose.override.yml is development; docker-compose.prod.yml is production', async () => {
  const y = text('services:', '  web:', '    image: nginx:1.27');
  assert.equal((await collect({ 'compose.override.yml': y }, 'compose.override.yml')).fact.environment, 'development');
  assert.equal((await collect({ 'docker-compose.override.yaml': y }, 'docker-compose.override.yaml')).fact.environment, 'development');
  assert.equal((await collect({ 'docker-compose.prod.yml': y }, 'docker-compose.prod.yml')).fact.environment, 'production');
});

test('compose collector: malformed YAML is a ParseError with its line', async () => {
  await assert.rejects(
    collect({ 'docker-compose.yml': text('services:', '  web:', '    image: nginx', '    ports: [', '  db:') }, 'docker-compose.yml'),
    (e: unknown) => e instanceof ParseError && e.line !== undefined && e.line >= 4,
  );
  await assert.rejects(collect({ 'docker-compose.yml': text('services:', '  web:', '    image: a', '    image: b') }, 'docker-compose.yml'), (e: unknown) => e instanceof ParseError && e.line === 4);
  await assert.rejects(collect({ 'docker-compose.yml': text('services:', '  web: nginx') }, 'docker-compose.yml'), (e: unknown) => e instanceof ParseError && e.line === 2);
});

test('compose collector: short port syntax and whole references', () => {
  assert.deepEqual(parseShortPort('${DB_PORT:-5432}:5432'), { hostIp: undefined, published: '5432', target: '5432', targetRange: [5432, 5432], protocol: undefined });
  assert.deepEqual(parseShortPort('0.0.0.0:80:8080/udp').hostIp, '0.0.0.0');
  assert.equal(parseShortPort('${BIND_ADDR}:80:80').hostIp, '${BIND_ADDR}');
  assert.equal(wholeReference('prefix-${A}'), undefined);
  assert.deepEqual(wholeReference('$A'), { name: 'A', required: false });
});
