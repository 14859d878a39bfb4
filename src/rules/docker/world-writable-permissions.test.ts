import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './world-writable-permissions.js';

test('docker/world-writable-permissions: chmod 777 / -R 0777 / a+rwx / mkdir -m 777 / COPY --chmod are reported at the exact line', async () => {
  await expectLines(
    rule,
    {
      Dockerfile: text(
        'FROM python:3.12-slim',
        'RUN mkdir -p /tmp/uploads && chmod 777 /tmp/uploads',
        'RUN apt-get update && \\',
        '    chmod -R 0777 /app',
        'RUN find /data -type d -exec chmod a+rwx {} \\;',
        'RUN mkdir -m 777 /cache',
        'COPY --chmod=777 entry.sh /entry.sh',
        'USER app',
      ),
    },
    ['Dockerfile:2', 'Dockerfile:4', 'Dockerfile:5', 'Dockerfile:6', 'Dockerfile:7'],
  );
});

test('docker/world-writable-permissions: safe modes, sticky temp dirs and mentions in strings are fine', async () => {
  await expectLines(
    rule,
    {
      Dockerfile: text(
        'FROM python:3.12-slim',
        'RUN chmod 755 /app/run.sh && chmod 1777 /scratch && chmod u+x /entry.sh',
        'RUN echo "chmod 777 is bad" > /notes.txt',
        'RUN chown -R app:app /app && chmod -R 750 /app',
        'COPY --chmod=755 entry.sh /entry.sh',
      ),
    },
    [],
  );
});

test('docker/world-writable-permissions: Dockerfile.dev is silent for production', async () => {
  await expectLines(rule, { 'Dockerfile.dev': text('FROM python:3.12', 'RUN chmod 777 /app') }, []);
});
