import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './remote-add.js';

test('docker/remote-add: ADD of a URL without --checksum is reported at the URL', async () => {
  await expectLines(
    rule,
    { Dockerfile: text('FROM alpine:3.20', 'ADD https://example.com/tool.tar.gz /opt/', 'ADD --chown=app:app \\', '    https://github.com/acme/tool.git /src') },
    ['Dockerfile:2', 'Dockerfile:4'],
  );
});

test('docker/remote-add: local ADD, COPY and checksum-pinned ADD are fine', async () => {
  await expectLines(
    rule,
    { Dockerfile: text('FROM alpine:3.20', 'ADD vendor.tar.gz /opt/', 'COPY https.txt /x', 'ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/t.tgz /opt/') },
    [],
  );
});

test('docker/remote-add: Dockerfile.dev is silent for production', async () => {
  await expectLines(rule, { 'Dockerfile.dev': text('FROM alpine:3.20', 'ADD https://example.com/t.tgz /opt/') }, []);
});
