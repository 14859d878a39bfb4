import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectLines, text } from '../../testing/harness.js';
import rule from './dev-server.js';

test('compose/dev-server: command / entrypoint starting dev servers (string and list forms, sh -c, python app.py with app.run)', async () => {
  await expectLines(
    rule,
    {
      'docker-compose.yml': text(
        'services:',
        '  web:',
        '    build: .',
        '    command: flask run --host 0.0.0.0',
        '  api:',
        '    build: .',
        '    command: ["sh", "-c", "python manage.py migrate && python manage.py runserver 0.0.0.0:8000"]',
        '  front:',
        '    image: node:20',
        '    command: npm run dev',
        '  bot:',
        '    build: ./bot',
        '    entrypoint: ["python"]',
        '    command: ["app.py"]',
      ),
      'bot/app.py': text('from flask import Flask', 'app = Flask(__name__)', 'app.run(host="0.0.0.0")'),
    },
    ['docker-compose.yml:4', 'docker-compose.yml:7', 'docker-compose.yml:10', 'docker-compose.yml:13'],
  );
});

test('compose/dev-server: production servers are fine', async () => {
  await expectLines(
    rule,
    { 'docker-compose.yml': text('services:', '  web:', '    build: .', '    command: gunicorn -w 3 -b 0.0.0.0:8000 app:app', '  worker:', '    build: .', '    command: ["python", "worker.py"]'), 'worker.py': 'print(1)\n' },
    [],
  );
});

test('compose/dev-server: docker-compose.dev.yml and compose.override.yml are silent for production', async () => {
  await expectLines(
    rule,
    { 'docker-compose.dev.yml': text('services:', '  web:', '    command: flask run'), 'compose.override.yml': text('services:', '  web:', '    command: npm run dev') },
    [],
  );
});

test('compose/dev-server: npm run <script> judged by what package.json runs; a published 0.0.0.0 inspector is critical', async () => {
  const pkg = JSON.stringify({ scripts: { start: 'node src/index.js', 'start-watch': 'nodemon src/index.js --inspect=0.0.0.0:9229', 'dev-all': 'npm run start-watch', serve: 'node --inspect=9229 src/index.js' } });
  const svc = (command: string, ports: string[]) => text('services:', '  api:', '    build:', '      context: api', `    command: ${command}`, '    ports:', ...ports.map((p) => `      - ${p}`));
  const findings = await expectLines(rule, { 'compose.yaml': svc('npm run start-watch', ['80:80', '9229:9229']), 'api/package.json': pkg }, ['compose.yaml:5']);
  assert.equal(findings[0]!.severity, 'critical');
  assert.match(findings[0]!.message, /runs the api\/package\.json script "start-watch": nodemon src\/index\.js/);
  assert.match(findings[0]!.message, /inspector listens on 0\.0\.0\.0:9229 and the service publishes port 9229 \(9229:9229\)/);
  // Not published: a dev server all the same, at the rule's severity; through another script too.
  const high = await expectLines(rule, { 'compose.yaml': svc('npm run dev-all', ['80:80']), 'api/package.json': pkg }, ['compose.yaml:5']);
  assert.equal(high[0]!.severity, 'high');
  assert.match(high[0]!.message, /script "dev-all" \(through "start-watch"\)/);
  // `--inspect=9229` binds 127.0.0.1 in the container: the published port reaches nothing (but it is still a debugger in production).
  const local = await expectLines(rule, { 'compose.yaml': svc('node --inspect=9229 src/index.js', ['9229:9229']), 'api/package.json': pkg }, ['compose.yaml:5']);
  assert.equal(local[0]!.severity, 'high');
});

test('compose/dev-server: npm start / npm run <production script> are fine', async () => {
  const pkg = JSON.stringify({ scripts: { start: 'node src/index.js', 'start-prod': 'NODE_ENV=production node dist/server.js' } });
  await expectLines(rule, { 'compose.yaml': text('services:', '  api:', '    build: api', '    command: npm start', '  api2:', '    build: api', '    command: npm run start-prod', '    ports:', '      - 9229:9229'), 'api/package.json': pkg }, []);
});
