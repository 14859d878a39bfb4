/**
 * End to end: a Rails-on-ECS Terraform module modelled on a real production-migration checklist
 * (seed 004) — every problem found at its line — and its hardened twin, which scans clean.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { scan } from '../../commands/scan.js';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/terraform/', import.meta.url));

async function tfFindings(dir: string, environment = 'production') {
  const { report } = await scan({ paths: [FIXTURES + dir], environment, config: {}, now: new Date('2026-06-01T00:00:00Z') });
  return { report, findings: report.findings.filter((f) => f.ruleId.startsWith('tf-aws/')) };
}

const EXPECTED_PRODUCTION = [
  'ecs.tf:1 tf-aws/ecr-mutable-tags',
  'ecs.tf:5 tf-aws/ecr-scan-on-push-disabled',
  'ecs.tf:24 tf-aws/ecs-image-latest',
  'ecs.tf:26 tf-aws/ecs-root-user',
  'ecs.tf:30 tf-aws/ecs-secret-in-environment',
  'ecs.tf:32 tf-aws/ecs-placeholder-value',
  'ecs.tf:33 tf-aws/ecs-placeholder-value',
  'ecs.tf:34 tf-aws/ecs-placeholder-value',
  'ecs.tf:35 tf-aws/ecs-placeholder-value',
  'ecs.tf:38 tf-aws/ecs-secret-in-environment',
  'ecs.tf:55 tf-aws/ecs-single-task',
  'iam.tf:23 tf-aws/iam-admin-policy',
  'iam.tf:28 tf-aws/iam-admin-policy',
  'iam.tf:39 tf-aws/iam-service-wildcard',
  'iam.tf:56 tf-aws/iam-user-access-key',
  'main.tf:11 tf-aws/cloudtrail-missing',
  'network.tf:1 tf-aws/vpc-flow-log-missing',
  'network.tf:22 tf-aws/sg-admin-port-open',
  'network.tf:55 tf-aws/sg-database-port-open',
  'network.tf:68 tf-aws/alb-http-listener',
  'network.tf:80 tf-aws/alb-old-tls-policy',
  'network.tf:96 tf-aws/waf-rate-limit-missing',
  'network.tf:130 tf-aws/cloudfront-cache-unreviewed',
  'network.tf:144 tf-aws/cloudfront-http-allowed',
  'rds.tf:6 tf-aws/rds-deletion-protection-off',
  'rds.tf:6 tf-aws/rds-single-az',
  'rds.tf:6 tf-aws/rds-storage-unencrypted',
  'rds.tf:17 tf-aws/rds-backup-disabled',
  'rds.tf:19 tf-aws/rds-skip-final-snapshot',
  'rds.tf:23 tf-aws/elasticache-in-transit-unencrypted',
  'rds.tf:28 tf-aws/elasticache-single-node',
  's3.tf:19 tf-aws/s3-cors-wildcard-write',
  's3.tf:24 tf-aws/s3-public-access-block-missing',
  's3.tf:30 tf-aws/s3-public-acl',
  'variables.tf:24 tf-aws/rds-hardcoded-password',
  'variables.tf:29 tf-aws/hardcoded-secret',
];

const key = (f: { file: string; line?: number; ruleId: string }) => `${f.file}:${f.line} ${f.ruleId}`;
const sorted = (xs: string[]) => [...xs].sort((a, b) => {
  const [fa, la] = a.split(/[: ]/);
  const [fb, lb] = b.split(/[: ]/);
  return fa! < fb! ? -1 : fa! > fb! ? 1 : Number(la) - Number(lb) || (a < b ? -1 : a > b ? 1 : 0);
});

test('rails-on-aws: every seed-004 problem is found at its line for production', async () => {
  const { report, findings } = await tfFindings('rails-on-aws');
  assert.deepEqual(report.errors, []);
  assert.deepEqual(sorted(findings.map(key)), sorted(EXPECTED_PRODUCTION));
  // The production tfvars drives two of them.
  assert.match(findings.find((f) => f.ruleId === 'tf-aws/sg-admin-port-open')!.message, /production\.tfvars:4/);
  assert.match(findings.find((f) => f.ruleId === 'tf-aws/ecs-single-task')!.message, /production\.tfvars:3/);
  // Secrets are never printed, in any field of the report.
  const json = JSON.stringify(report);
  for (const secret of ['Tng2024!postgres', '6f1c0d9e8b7a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e']) assert.ok(!json.includes(secret), 'secret leaked into the report');
  assert.ok(findings.every((f) => f.message && f.fix && f.docsUrl));
});

test('rails-on-aws: judged for development, production-only rules and the production tfvars do not apply', async () => {
  const { findings } = await tfFindings('rails-on-aws', 'development');
  const ids = new Set(findings.map((f) => f.ruleId));
  for (const id of ['tf-aws/sg-admin-port-open', 'tf-aws/ecs-single-task', 'tf-aws/ecs-placeholder-value', 'tf-aws/rds-single-az', 'tf-aws/cloudtrail-missing', 'tf-aws/vpc-flow-log-missing']) assert.ok(!ids.has(id), `${id} should not fire for development`);
  // Environment-independent problems still do.
  for (const id of ['tf-aws/rds-storage-unencrypted', 'tf-aws/sg-database-port-open', 'tf-aws/rds-hardcoded-password', 'tf-aws/iam-admin-policy']) assert.ok(ids.has(id), `${id} should still fire`);
});

test('rails-on-aws-hardened: the fixed twin scans clean', async () => {
  const { report, findings } = await tfFindings('rails-on-aws-hardened');
  assert.deepEqual(report.errors, []);
  assert.deepEqual(findings.filter((f) => f.status === 'open').map(key), []);
  // The CloudFront review item (S4.17) is closed with an inline reason, as a team would after the review.
  assert.deepEqual(findings.filter((f) => f.status !== 'open').map((f) => `${key(f)} ${f.status}`), ['network.tf:157 tf-aws/cloudfront-cache-unreviewed suppressed']);
  assert.ok(report.scanned >= 8);
});
