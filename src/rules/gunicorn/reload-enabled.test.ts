import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './reload-enabled.js';

test('gunicorn/reload-enabled: --reload on the command line, reload = True in gunicorn.conf.py', async () => {
  await expectLines(rule, { Procfile: 'web: gunicorn app:app --reload -w 3\n' }, ['Procfile:1']);
  await expectLines(rule, { 'gunicorn.conf.py': text('import os', 'workers = 3', "reload = os.environ.get('GUNICORN_RELOAD', 'true') == 'true'") }, ['gunicorn.conf.py:3']);
});

test('gunicorn/reload-enabled: no reload, development config, config overridden by CLI workers only are silent', async () => {
  await expectLines(rule, { Procfile: 'web: gunicorn app:app -c gunicorn.conf.py\n', 'gunicorn.conf.py': text('workers = 3', 'reload = False') }, []);
  await expectLines(rule, { 'deploy/dev/gunicorn.conf.py': text('reload = True') }, []);
});

test('gunicorn/reload-enabled: --reload in Dockerfile / compose / systemd commands is left to their dev-server rules; a config file they load is still judged', async () => {
  await expectLines(
    rule,
    {
      Dockerfile: text('FROM python:3.12-slim', 'RUN gunicorn --version --reload', 'CMD ["gunicorn", "--reload", "-b", "0.0.0.0:8000", "app:app"]'),
      'docker-compose.yml': text('services:', '  web:', '    image: app', '    command: gunicorn app:app --reload --workers 3'),
      'deploy/app.service': text('[Unit]', 'Description=app', '[Service]', 'ExecStart=/srv/venv/bin/gunicorn --reload -w 3 -b 127.0.0.1:8000 run:app', '[Install]', 'WantedBy=multi-user.target'),
    },
    [],
  );
  await expectLines(
    rule,
    {
      'deploy/app.service': text('[Unit]', 'Description=app', '[Service]', 'ExecStart=/srv/venv/bin/gunicorn -c /srv/app/gunicorn.conf.py run:app', '[Install]', 'WantedBy=multi-user.target'),
      'gunicorn.conf.py': text('workers = 3', 'reload = True'),
    },
    ['gunicorn.conf.py:2'],
  );
});
