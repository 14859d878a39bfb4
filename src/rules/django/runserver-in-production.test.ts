import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './runserver-in-production.js';

test('django/runserver-in-production: runserver in a Procfile', async () => {
  await expectLines(rule, { Procfile: text('release: python manage.py migrate', 'web: python manage.py runserver 0.0.0.0:$PORT') }, ['Procfile:2']);
  await expectLines(rule, { Procfile: text('web: sh -c "python manage.py collectstatic --noinput && exec ./manage.py runserver 0.0.0.0:8000"') }, ['Procfile:1']);
});

test('django/runserver-in-production: gunicorn and management commands are silent; development Procfile is not judged', async () => {
  await expectLines(rule, { Procfile: text('release: python manage.py migrate', 'web: gunicorn mysite.wsgi --log-file -') }, []);
  await expectLines(rule, { 'Procfile.dev': text('web: python manage.py runserver') }, []);
});
