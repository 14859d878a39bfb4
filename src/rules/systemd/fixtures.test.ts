/** End to end over test/fixtures/systemd: the bad unit reports each problem, the good units scan clean. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scan } from '../../commands/scan.js';
import { rulesOf } from '../index.js';

const rules = rulesOf('systemd');

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/systemd');

test('systemd fixtures: bad unit', async () => {
  const { report } = await scan({ paths: [path.join(fixtures, 'bad')], rules, config: {} });
  assert.deepEqual(report.errors, []);
  assert.deepEqual(report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`).sort(), [
    'systemd/committed-env-file myapp.service:7',
    'systemd/dev-server myapp.service:10',
    'systemd/missing-hardening myapp.service:5',
    'systemd/missing-restart myapp.service:5',
    'systemd/root-user myapp.service:5',
    'systemd/secret-in-environment myapp.service:9',
    'systemd/secret-in-environment myapp.service:9',
  ]);
  const text = JSON.stringify(report);
  assert.ok(!text.includes('Zm9vYmFyLXJlYWwtbG9va2luZy1zZWNyZXQtdmFsdWUtMTIz'), 'the Environment= secret is masked everywhere');
  assert.ok(!text.includes('hunter2-but-longer-and-committed'), 'the EnvironmentFile secret is masked everywhere');
});

test('systemd fixtures: good units scan clean', async () => {
  const { report } = await scan({ paths: [path.join(fixtures, 'good')], rules, config: {} });
  assert.deepEqual(report.errors, []);
  assert.deepEqual(report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`), []);
});
