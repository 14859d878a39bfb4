import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './logrotate-missing.js';
import { app, expectHostLines } from '../../testing/host-rules.js';

const logDir = { path: '/var/log/app', rel: 'var/log/app', exists: true, type: 'dir', mode: 0o750, purpose: 'log', from: 'MKS_LOG_DIR', file: 'etc/app/env', line: 6 };

test('a log directory no logrotate pattern covers is reported where it is named', async () => {
  await expectHostLines(rule, { hostApp: [app({ dirs: [logDir] })], hostLogrotate: [{ file: 'etc/logrotate.d/nginx', line: 1, patterns: ['/var/log/nginx/*.log'] }], hostNginxLog: [] }, ['etc/app/env:6']);
});

test('a covering pattern (also a globbed directory) passes; data directories are not judged', async () => {
  await expectHostLines(rule, { hostApp: [app({ dirs: [logDir] })], hostLogrotate: [{ file: 'etc/logrotate.d/app', line: 1, patterns: ['/var/log/app/*.log'] }], hostNginxLog: [] }, []);
  await expectHostLines(rule, { hostApp: [app({ dirs: [logDir] })], hostLogrotate: [{ file: 'etc/logrotate.d/all', line: 1, patterns: ['/var/log/*/*.log'] }], hostNginxLog: [] }, []);
  await expectHostLines(rule, { hostApp: [app({ dirs: [{ ...logDir, purpose: 'data' }] })], hostLogrotate: [], hostNginxLog: [] }, []);
});

const nginxLog = (path: string, over: Record<string, unknown> = {}) => ({ file: 'etc/nginx/sites-enabled/app', line: 7, path, directive: 'access_log', default: false, ...over });

test('nginx log files: one written outside every logrotate pattern is reported where nginx names it; defaults at nginx.conf', async () => {
  await expectHostLines(
    rule,
    {
      hostApp: [],
      hostLogrotate: [{ file: 'etc/logrotate.d/nginx', line: 1, patterns: ['/var/log/nginx/*.log'] }],
      hostNginxLog: [
        nginxLog('/var/log/app/nginx-access.log'),
        nginxLog('/var/log/nginx/access.log', { line: 9 }),
        nginxLog('/srv/logs/*.error.log', { line: 12, directive: 'error_log' }),
        { file: 'etc/nginx/nginx.conf', path: '/var/log/nginx/error.log', directive: 'error_log', default: true },
      ],
    },
    ['etc/nginx/sites-enabled/app:7', 'etc/nginx/sites-enabled/app:12'],
  );
  // Without /etc/logrotate.d/nginx even nginx's defaults are not rotated.
  const [f] = await expectHostLines(rule, { hostApp: [], hostLogrotate: [], hostNginxLog: [{ file: 'etc/nginx/nginx.conf', path: '/var/log/nginx/error.log', directive: 'error_log', default: true }] }, ['etc/nginx/nginx.conf:-']);
  assert.match(f!.message, /nginx's default error_log/);
});

test('nginx log files covered by a pattern (exact, glob, a $host log under a * pattern) pass', async () => {
  await expectHostLines(
    rule,
    {
      hostApp: [],
      hostLogrotate: [{ file: 'etc/logrotate.d/app', line: 1, patterns: ['/var/log/app/nginx-access.log', '/srv/logs/*.log', '/var/log/vhosts/*'] }],
      hostNginxLog: [nginxLog('/var/log/app/nginx-access.log'), nginxLog('/srv/logs/site.error.log'), nginxLog('/var/log/vhosts/*.log')],
    },
    [],
  );
  // A $host log is not covered by a pattern naming one host only.
  await expectHostLines(rule, { hostApp: [], hostLogrotate: [{ file: 'etc/logrotate.d/app', line: 1, patterns: ['/var/log/vhosts/a.example.log'] }], hostNginxLog: [nginxLog('/var/log/vhosts/*.log')] }, ['etc/nginx/sites-enabled/app:7']);
});

test('logrotate patterns are globs as glob(3) reads them (?, [..], no braces, no **), matched in linear time', async () => {
  const covered = async (pattern: string, dir = logDir) => (await import('./_util.js')).patternCovers(pattern, dir.path);
  assert.equal(await covered('/var/log/ap?/*.log'), true);
  assert.equal(await covered('/var/log/[a-c]pp/*.log'), true);
  assert.equal(await covered('/var/log/[!a]pp/*.log'), false);
  assert.equal(await covered('/var/log/{app,web}/*.log'), false);
  assert.equal(await covered('/var/**/*.log'), false);
  const { patternCoversFile } = await import('./_util.js');
  assert.equal(patternCoversFile('/var/log/nginx/*.log', '/var/log/nginx/access.log'), true);
  assert.equal(patternCoversFile('/var/log/nginx/acc?ss.log', '/var/log/nginx/access.log'), true);
  assert.equal(patternCoversFile('/var/log/nginx/[ab]*.log', '/var/log/nginx/error.log'), false);
  // A hostile pattern costs microseconds, not a backtracking hang.
  assert.equal(patternCoversFile(`/var/log/${'*a'.repeat(40)}b`, `/var/log/${'a'.repeat(5000)}`), false);
  await expectHostLines(rule, { hostApp: [app({ dirs: [logDir] })], hostLogrotate: [{ file: 'etc/logrotate.d/app', line: 1, patterns: ['/var/log/[a-z]pp/*.log'] }], hostNginxLog: [] }, []);
});
