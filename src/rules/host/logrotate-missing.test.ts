import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './logrotate-missing.js';
import { app, expectHostLines } from '../../testing/host-rules.js';

const logDir = { path: '/var/log/app', rel: 'var/log/app', exists: true, type: 'dir', mode: 0o750, purpose: 'log', from: 'MKS_LOG_DIR', file: 'etc/app/env', line: 6 };

test('a log directory no logrotate pattern covers is reported where it is named', async () => {
  await expectHostLines(rule, { hostApp: [app({ dirs: [logDir] })], hostLogrotate: [{ file: 'etc/logrotate.d/nginx', line: 1, patterns: ['/var/log/nginx/*.log'] }] }, ['etc/app/env:6']);
});

test('a covering pattern (also a globbed directory) passes; data directories are not judged', async () => {
  await expectHostLines(rule, { hostApp: [app({ dirs: [logDir] })], hostLogrotate: [{ file: 'etc/logrotate.d/app', line: 1, patterns: ['/var/log/app/*.log'] }] }, []);
  await expectHostLines(rule, { hostApp: [app({ dirs: [logDir] })], hostLogrotate: [{ file: 'etc/logrotate.d/all', line: 1, patterns: ['/var/log/*/*.log'] }] }, []);
  await expectHostLines(rule, { hostApp: [app({ dirs: [{ ...logDir, purpose: 'data' }] })], hostLogrotate: [] }, []);
  assert.ok(true);
});
