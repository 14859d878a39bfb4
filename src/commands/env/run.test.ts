import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_RULES } from '../../rules/index.js';
import { ruleCommands } from '../../contracts/types.js';

const rules = ALL_RULES.filter((r) => ruleCommands(r).includes('env'));
import { runEnvTest } from '../../testing/env.js';

const files = {
  '.env.production': '# honban-ignore env/long-session-timeout -- kiosk terminals re-authenticate with a badge\nSESSION_TIMEOUT=86400\nDEBUG=True\nLOG_LEVEL=DEBUG\n',
};

test('honban env pipeline: inline suppressions in env files, waivers from honban.yml, secrets masked', async () => {
  const { report } = await runEnvTest(rules, files, {
    config: { waivers: [{ rule: 'env/verbose-log-level', reason: 'temporary while tracing a bug', owner: 'ops', until: '2026-12-31' }] },
    processEnv: { API_TOKEN: 'x', SECRET_KEY: 'changeme-please-this-is-a-secret' },
  });
  const by = Object.fromEntries(report.findings.map((f) => [f.ruleId, f]));
  // honban.yml still names the old id env/verbose-log-level: the waiver applies to the merged rule.
  assert.equal(by['env/long-session-timeout']!.status, 'suppressed');
  assert.equal(by['env/debug-log-level']!.status, 'waived');
  assert.equal(by['env/debug-log-level']!.owner, 'ops');
  assert.equal(by['env/debug-enabled']!.status, 'open');
  assert.equal(by['env/debug-enabled']!.key, 'DEBUG');
  assert.equal(by['env/weak-secret']!.file, 'process.env');
  assert.equal(report.exitCode, 1);
  assert.equal(report.command, 'env');
  assert.ok(!JSON.stringify(report).includes('changeme-please-this-is-a-secret'));
  assert.deepEqual(report.extra!.sources, ['.env.production', 'process.env']);
});

test('honban env pipeline: rules off / severity changes from honban.yml apply', async () => {
  const { report } = await runEnvTest(rules, files, { config: { rules: { 'env/debug-mode-on': 'off', 'env/verbose-log-level': 'high' } } });
  const ids = report.findings.map((f) => `${f.ruleId}:${f.severity}`);
  // Old ids (before the scan / env rules were merged) still switch the merged rules off or change them.
  assert.ok(!ids.some((x) => x.startsWith('env/debug-enabled')), ids.join());
  assert.ok(ids.includes('env/debug-log-level:high'), ids.join());
});
