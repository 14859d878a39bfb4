/**
 * A plan JSON (`terraform show -json`) of the rails-on-aws fixture gives the same findings as the
 * configuration: judged from the plan's values, positioned in the configuration.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { scan } from '../../commands/scan.js';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/terraform/', import.meta.url));
const read = (dir: string) => readdirSync(FIXTURES + dir).filter((f) => /\.(tf|tfvars|json)$/.test(f)).map((f) => ({ path: f, content: readFileSync(`${FIXTURES}${dir}/${f}`, 'utf8') }));
const key = (f: { file: string; line?: number; ruleId: string }) => `${f.file}:${f.line} ${f.ruleId}`;

async function tf(files: { path: string; content: string }[]) {
  const { report } = await scan({ files, environment: 'production', config: {}, now: new Date('2026-06-01T00:00:00Z') });
  return { report, findings: report.findings.filter((f) => f.ruleId.startsWith('tf-aws/')) };
}

test('plan JSON of rails-on-aws: the same findings (rule, file, line) as the configuration alone', async () => {
  const config = read('rails-on-aws');
  const plan = read('rails-on-aws-plan').find((f) => f.path === 'plan.json')!;
  const alone = await tf(config);
  const withPlan = await tf([...config, plan]);
  assert.deepEqual(withPlan.report.errors, []);
  assert.deepEqual(withPlan.findings.map(key).sort(), alone.findings.map(key).sort());
  assert.equal(alone.findings.length, 36);
  // Value origins survive: the production tfvars drives two findings in both readings.
  assert.match(withPlan.findings.find((f) => f.ruleId === 'tf-aws/sg-admin-port-open')!.message, /production\.tfvars:4/);
  assert.match(withPlan.findings.find((f) => f.ruleId === 'tf-aws/ecs-single-task')!.message, /production\.tfvars:3/);
  // The plan holds sensitive values in plain text: never printed.
  const json = JSON.stringify(withPlan.report);
  for (const secret of ['Tng2024!postgres', '6f1c0d9e8b7a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e']) assert.ok(!json.includes(secret), 'secret leaked into the report');
});

test('plan JSON of rails-on-aws alone: the resource findings, positioned in the plan file', async () => {
  const plan = read('rails-on-aws-plan').find((f) => f.path === 'plan.json')!;
  const { report, findings } = await tf([plan]);
  assert.deepEqual(report.errors, []);
  assert.ok(findings.every((f) => f.file === 'plan.json'), 'every finding points into the plan');
  const rules = (fs: { ruleId: string }[]) => fs.map((f) => f.ruleId).sort();
  const alone = await tf(read('rails-on-aws'));
  // Without the configuration, what only the configuration shows is not there: variable defaults
  // (tf-aws/hardcoded-secret on rails_secret_key_base) and what hides in values known after apply
  // (the container definitions of the task: ecs-*, the access key handed to the task, the deploy
  // policy, which bucket the public access block protects). Everything else is found from the plan's values.
  const configOnly = new Set(['tf-aws/hardcoded-secret', 'tf-aws/ecs-image-latest', 'tf-aws/ecs-root-user', 'tf-aws/ecs-secret-in-environment', 'tf-aws/ecs-placeholder-value', 'tf-aws/iam-service-wildcard', 'tf-aws/s3-public-access-block-missing']);
  const expected = rules(alone.findings).filter((r) => !configOnly.has(r));
  // The key is still found (low): nothing visible in the plan hands it on.
  assert.deepEqual(rules(findings), expected);
  assert.equal(findings.find((f) => f.ruleId === 'tf-aws/iam-user-access-key')!.severity, 'low');
  assert.ok(!JSON.stringify(report).includes('Tng2024!postgres'));
});
