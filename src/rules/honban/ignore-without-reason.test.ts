import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './ignore-without-reason.js';

test('honban/ignore-without-reason: a directive without reason or rule id is reported', async () => {
  await expectLines(
    rule,
    {
      Dockerfile: text(
        'FROM python:3.12-slim',
        '# honban-ignore docker/root-user',
        'RUN echo hi',
        '# honban-ignore -- no rule named',
        'RUN echo there',
      ),
      'app.js': text('const a = 1; // honban-ignore express/missing-helmet'),
    },
    ['Dockerfile:2', 'Dockerfile:4', 'app.js:1'],
  );
});

test('honban/ignore-without-reason: directives with a reason, and mentions outside comments, are silent', async () => {
  await expectLines(
    rule,
    {
      Dockerfile: text('FROM python:3.12-slim', '# honban-ignore docker/root-user -- distroless base drops privileges', 'RUN echo honban-ignore'),
      'app.py': text('x = "honban-ignore docker/root-user"  # a string, not a comment'),
    },
    [],
  );
});
