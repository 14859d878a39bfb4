import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './debug-log-level.js';

test('env/debug-log-level: DEBUG logging in production', async () => {
  await expectLines(rule, { 'env/production/common.env': text('LOG_LEVEL=DEBUG', 'DJANGO_LOG_LEVEL=trace', 'LOG_FORMAT=debug') }, ['env/production/common.env:1', 'env/production/common.env:2']);
});

test('env/debug-log-level: INFO in production and DEBUG in development are fine', async () => {
  await expectLines(rule, { 'env/production/common.env': text('LOG_LEVEL=WARNING'), 'env/development/common.env': text('LOG_LEVEL=DEBUG') }, []);
});
