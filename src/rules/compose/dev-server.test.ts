import { test } from 'node:test';
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
