import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ParseError } from '../../contracts/errors.js';
import { toSourceFiles } from '../../commands/scan.js';
import { text } from '../../testing/harness.js';
import collector from '../terraform.js';
import type { TerraformFact, TfValue } from '../../facts/terraform/types.js';
import { UNKNOWN_MARK } from '../../facts/terraform/types.js';
import { str } from '../../facts/terraform/values.js';

async function collect(files: Record<string, string>, environment = 'production'): Promise<{ facts: Map<string, TerraformFact>; secrets: string[]; errors: Map<string, ParseError> }> {
  const sources = toSourceFiles(Object.entries(files).map(([path, content]) => ({ path, content })), [environment]);
  const secrets: string[] = [];
  const ctx = { environment, files: sources, customEnvs: [environment], registerSecret: (s: string) => void secrets.push(s) };
  const facts = new Map<string, TerraformFact>();
  const errors = new Map<string, ParseError>();
  for (const f of sources) {
    if (f.kind !== 'terraform' && f.kind !== 'tfvars') continue;
    try {
      const r = await collector.collect(f, ctx);
      if (r) facts.set(f.path, r as TerraformFact);
    } catch (e) {
      if (e instanceof ParseError) errors.set(f.path, e);
      else throw e;
    }
  }
  return { facts, secrets, errors };
}

function res(facts: Map<string, TerraformFact>, address: string) {
  for (const f of facts.values()) for (const r of f.resources) if (r.address === address) return r;
  throw new Error(`no ${address}`);
}

function at(v: TfValue | undefined): string {
  return v?.loc ? `${v.loc.file}:${v.loc.line}:${v.loc.column}` : '-';
}

const VARS = text(
  'variable "env" {',
  '  default = "dev"',
  '}',
  'variable "count_of" {',
  '  type = number',
  '}',
);
const MAIN = text(
  'locals {',
  '  prefix = "app-${var.env}"',
  '}',
  'resource "aws_s3_bucket" "b" {',
  '  bucket = "${local.prefix}-assets"',
  '  tags   = { Count = var.count_of }',
  '}',
);

test('terraform: variables resolve to the target environment\'s tfvars, else their default', async () => {
  const files = { 'infra/variables.tf': VARS, 'infra/main.tf': MAIN, 'infra/production.tfvars': text('env = "prod"'), 'infra/dev.tfvars': text('env = "sandbox"', 'count_of = 3') };
  const prod = await collect(files, 'production');
  const b = res(prod.facts, 'aws_s3_bucket.b').body.attrs['bucket']!;
  assert.equal(str(b.value), 'app-prod-assets');
  assert.equal(b.line, 5);
  // count_of has no default and production sets none: unknown, never guessed
  assert.equal(res(prod.facts, 'aws_s3_bucket.b').body.attrs['tags']!.value.kind, 'object');
  const tags = res(prod.facts, 'aws_s3_bucket.b').body.attrs['tags']!.value;
  assert.equal(tags.kind === 'object' ? tags.entries[0]!.value.kind : '', 'unknown');
  const v = prod.facts.get('infra/variables.tf')!.variables.find((x) => x.name === 'env')!;
  assert.equal(str(v.effective), 'prod');
  assert.equal(v.effective.from?.kind, 'tfvars');
  assert.equal(at(v.effective), 'infra/production.tfvars:1:7');
  assert.equal(v.overridden, true);
  assert.equal(prod.facts.get('infra/production.tfvars')!.environment, 'production');

  const dev = await collect(files, 'development');
  assert.equal(str(res(dev.facts, 'aws_s3_bucket.b').body.attrs['bucket']!.value), 'app-sandbox-assets');
  const stag = await collect(files, 'staging');
  assert.equal(str(res(stag.facts, 'aws_s3_bucket.b').body.attrs['bucket']!.value), 'app-dev-assets');
});

test('terraform: terraform.tfvars and *.auto.tfvars always apply; tfvars in envs/production/ apply to the module above', async () => {
  const auto = await collect({ 'variables.tf': VARS, 'main.tf': MAIN, 'terraform.tfvars': text('env = "tfv"'), 'z.auto.tfvars.json': '{"count_of": 5}\n' });
  const tags = res(auto.facts, 'aws_s3_bucket.b').body.attrs['tags']!.value;
  assert.equal(str(res(auto.facts, 'aws_s3_bucket.b').body.attrs['bucket']!.value), 'app-tfv-assets');
  assert.equal(tags.kind === 'object' ? str(tags.entries[0]!.value) : '', '5');
  const nested = await collect({ 'tf/variables.tf': VARS, 'tf/main.tf': MAIN, 'tf/envs/production/terraform.tfvars': text('env = "live"'), 'tf/envs/staging/terraform.tfvars': text('env = "stg"') });
  assert.equal(str(res(nested.facts, 'aws_s3_bucket.b').body.attrs['bucket']!.value), 'app-live-assets');
});

test('terraform: each call of a local module is an instance evaluated with its own arguments, in the caller\'s file', async () => {
  const files = {
    'modules/db/main.tf': text('variable "skip" {', '  default = false', '}', 'resource "aws_db_instance" "this" {', '  skip_final_snapshot = var.skip', '}', 'output "id" {', '  value = aws_db_instance.this.id', '}'),
    'envs/production/main.tf': text('module "db" {', '  source = "../../modules/db"', '  skip   = false', '}', 'resource "aws_flow_log" "x" {', '  vpc_id = module.db.id', '}'),
    'envs/development/main.tf': text('module "db" {', '  source = "../../modules/db"', '  skip   = true', '}'),
  };
  const prod = await collect(files, 'production');
  const inProd = prod.facts.get('envs/production/main.tf')!.resources.find((r) => r.address === 'module.db.aws_db_instance.this')!;
  const skip = inProd.body.attrs['skip_final_snapshot']!.value;
  assert.equal(skip.kind === 'bool' && skip.value, false);
  assert.equal(skip.from?.kind, 'module-argument');
  assert.equal(at(skip), 'envs/production/main.tf:3:12');
  // The resource itself is the module's; the instance knows the call that creates it.
  assert.equal(`${inProd.file}:${inProd.line}`, 'modules/db/main.tf:4');
  assert.equal(inProd.module?.key, 'module.db');
  assert.equal(`${inProd.module?.call.file}:${inProd.module?.call.line}`, 'envs/production/main.tf:1');
  assert.equal(prod.facts.get('envs/production/main.tf')!.environment, 'production');
  // The development instance lives in the development file (the engine hides it from production rules).
  const inDev = prod.facts.get('envs/development/main.tf')!.resources.find((r) => r.address === 'module.db.aws_db_instance.this')!;
  const skipDev = inDev.body.attrs['skip_final_snapshot']!.value;
  assert.equal(skipDev.kind === 'bool' && skipDev.value, true);
  assert.equal(prod.facts.get('envs/development/main.tf')!.environment, 'development');
  // The module's own file declares no resource of its own: it is only deployed through its calls.
  assert.deepEqual(prod.facts.get('modules/db/main.tf')!.resources, []);
  // module outputs keep the references of the child instance
  const vpc = res(prod.facts, 'aws_flow_log.x').body.attrs['vpc_id']!.value;
  assert.ok(vpc.refs?.includes('modules/db#envs/production:module.db|aws_db_instance.this.id'), JSON.stringify(vpc.refs));
  assert.equal(inProd.id, 'modules/db#envs/production:module.db|aws_db_instance.this');
  assert.equal(prod.facts.get('modules/db/main.tf')!.environment, 'shared');
});

test('terraform: examples calling the module root with different arguments are separate instances', async () => {
  const files = {
    'main.tf': text('variable "storage_encrypted" {', '  default = true', '}', 'resource "aws_db_instance" "this" {', '  storage_encrypted = var.storage_encrypted', '}'),
    'examples/a/main.tf': text('module "db" {', '  source            = "../../"', '  storage_encrypted = false', '}'),
    'examples/b/main.tf': text('module "db" {', '  source = "../../"', '}'),
  };
  const { facts } = await collect(files);
  const a = facts.get('examples/a/main.tf')!.resources[0]!;
  const b = facts.get('examples/b/main.tf')!.resources[0]!;
  assert.equal(str(a.body.attrs['storage_encrypted']!.value), 'false');
  assert.equal(at(a.body.attrs['storage_encrypted']!.value), 'examples/a/main.tf:3:23');
  assert.equal(str(b.body.attrs['storage_encrypted']!.value), 'true');
  assert.equal(b.body.attrs['storage_encrypted']!.value.from?.kind, 'variable-default');
  assert.deepEqual(facts.get('main.tf')!.resources, []);
});

test('terraform: count and for_each are expanded where known; count = 0 creates nothing', async () => {
  const files = {
    'main.tf': text(
      'variable "create" {',
      '  default = false',
      '}',
      'locals {',
      '  dbs = { a = true, b = false }',
      '}',
      'resource "aws_db_instance" "off" {',
      '  count             = var.create ? 1 : 0',
      '  storage_encrypted = false',
      '}',
      'resource "aws_db_instance" "each" {',
      '  for_each          = local.dbs',
      '  storage_encrypted = each.value',
      '  identifier        = "db-${each.key}"',
      '}',
      'resource "aws_db_instance" "same" {',
      '  count             = 3',
      '  storage_encrypted = true',
      '}',
      'resource "aws_db_instance" "unknown" {',
      '  count             = length(var.nothing)',
      '  storage_encrypted = count.index == 0',
      '}',
      'module "m" {',
      '  source = "./m"',
      '  count  = 0',
      '}',
    ),
    'm/main.tf': text('resource "aws_s3_bucket" "x" {', '}'),
  };
  const { facts } = await collect(files);
  const rs = facts.get('main.tf')!.resources;
  assert.deepEqual(rs.map((r) => r.address), ['aws_db_instance.each["a"]', 'aws_db_instance.each["b"]', 'aws_db_instance.same', 'aws_db_instance.unknown']);
  assert.equal(str(rs[0]!.body.attrs['identifier']!.value), 'db-a');
  assert.equal(str(rs[1]!.body.attrs['storage_encrypted']!.value), 'false');
  assert.deepEqual(rs[2]!.instanceKeys, [0, 1, 2]);
  assert.equal(rs[3]!.body.attrs['storage_encrypted']!.value.kind, 'unknown');
  assert.equal(rs[3]!.instanceKeys, undefined);
});

test('terraform: a resource knows its provider (meta-argument, else the type prefix)', async () => {
  const { facts } = await collect({
    'main.tf': text('resource "azurerm_key_vault" "k" {', '}', 'resource "aws_s3_bucket" "b" {', '  provider = aws.west', '}', 'resource "google_storage_bucket" "g" {', '}'),
  });
  assert.deepEqual(facts.get('main.tf')!.resources.map((r) => r.provider), ['azurerm', 'aws', 'google']);
});

test('terraform: a module only deployed by another environment takes that environment', async () => {
  const files = {
    'modules/bastion/main.tf': text('resource "aws_instance" "b" {', '  ami = "ami-1"', '}'),
    'envs/dev/main.tf': text('module "bastion" {', '  source = "../../modules/bastion"', '}'),
  };
  const prod = await collect(files, 'production');
  assert.equal(prod.facts.get('modules/bastion/main.tf')!.environment, 'development');
});

test('terraform: jsonencode, JSON heredocs and policy documents become statements with exact positions', async () => {
  const main = text(
    'resource "aws_iam_policy" "a" {',
    '  policy = jsonencode({',
    '    Statement = [{',
    '      Effect   = "Allow"',
    '      Action   = ["s3:GetObject", "*"]',
    '      Resource = "*"',
    '    }]',
    '  })',
    '}',
    'resource "aws_iam_role_policy" "b" {',
    '  policy = <<-EOT',
    '    {',
    '      "Statement": [',
    '        {"Effect": "Allow",',
    '         "Action": "sqs:SendMessage",',
    '         "Resource": "${aws_sqs_queue.q.arn}"}',
    '      ]',
    '    }',
    '  EOT',
    '}',
    'data "aws_iam_policy_document" "c" {',
    '  statement {',
    '    actions   = ["logs:PutLogEvents"]',
    '    resources = ["*"]',
    '  }',
    '}',
    'resource "aws_iam_role" "r" {',
    '  assume_role_policy = "{\\"Statement\\": [{\\"Effect\\": \\"Allow\\", \\"Action\\": \\"sts:AssumeRole\\", \\"Principal\\": {\\"Service\\": \\"ecs-tasks.amazonaws.com\\"}}]}"',
    '}',
  );
  const { facts } = await collect({ 'iam.tf': main });
  const pols = facts.get('iam.tf')!.policies;
  const a = pols.find((p) => p.address === 'aws_iam_policy.a')!;
  assert.deepEqual(a.statements[0]!.actions.map((x) => `${x.value}@${x.line}:${x.column}`), ['s3:GetObject@5:19', '*@5:35']);
  assert.equal(a.statements[0]!.resources[0]!.line, 6);
  const b = pols.find((p) => p.address === 'aws_iam_role_policy.b')!;
  assert.equal(b.statements[0]!.line, 14);
  assert.deepEqual(b.statements[0]!.actions.map((x) => `${x.value}@${x.line}:${x.column}`), ['sqs:SendMessage@15:20']);
  assert.equal(b.statements[0]!.resources[0]!.value, undefined);
  assert.equal(b.statements[0]!.resources[0]!.partial, UNKNOWN_MARK);
  assert.equal(b.statements[0]!.partial, true);
  const c = pols.find((p) => p.address === 'data.aws_iam_policy_document.c')!;
  assert.equal(c.kind, 'identity');
  assert.equal(c.statements[0]!.effect, 'Allow');
  assert.deepEqual(c.statements[0]!.resources.map((x) => `${x.value}@${x.line}`), ['*@24']);
  const r = pols.find((p) => p.address === 'aws_iam_role.r')!;
  assert.equal(r.kind, 'trust');
  assert.equal(r.statements[0]!.hasPrincipal, true);
  assert.equal(r.statements[0]!.actions[0]!.value, 'sts:AssumeRole');
  assert.equal(r.statements[0]!.actions[0]!.line, 28);
});

test('terraform: ECS container definitions (jsonencode and file()) give provides and positions; secret literals are registered', async () => {
  const ecs = text(
    'variable "db_password" {',
    '  default = "s3cr3t-Passw0rd-value"',
    '}',
    'resource "aws_ecs_task_definition" "a" {',
    '  container_definitions = jsonencode([{',
    '    name  = "web"',
    '    image = "nginx:1.27"',
    '    environment = [',
    '      { name = "DB_PASSWORD", value = var.db_password },',
    '      { name = "MODE", value = "live" },',
    '    ]',
    '    secrets = [{ name = "API_TOKEN", valueFrom = aws_ssm_parameter.t.arn }]',
    '  }])',
    '}',
    'resource "aws_ecs_task_definition" "b" {',
    '  container_definitions = file("${path.module}/containers/worker.json")',
    '}',
  );
  const json = '[\n  {\n    "name": "worker",\n    "environment": [\n      {"name": "QUEUE", "value": "jobs"}\n    ]\n  }\n]\n';
  const { facts, secrets } = await collect({ 'app/ecs.tf': ecs, 'app/containers/worker.json': json });
  const f = facts.get('app/ecs.tf')!;
  assert.equal(f.hasSecretMechanism, true);
  assert.deepEqual(
    f.provides.map((p) => `${p.name}|${p.mechanism}|${p.viaSecretStore}|${p.value ?? ''}|${p.file}:${p.line}`),
    ['DB_PASSWORD|ecs-environment|false|s3cr3t-Passw0rd-value|app/ecs.tf:9', 'MODE|ecs-environment|false|live|app/ecs.tf:10', 'API_TOKEN|ecs-secret|true||app/ecs.tf:12', 'QUEUE|ecs-environment|false|jobs|app/containers/worker.json:5'],
  );
  const web = f.containers.find((c) => c.name === 'web')!;
  assert.equal(at(web.environment[0]!.value), 'app/ecs.tf:2:13');
  assert.equal(web.environment[0]!.value.from?.name, 'db_password');
  assert.ok(secrets.includes('s3cr3t-Passw0rd-value'));
  assert.ok(!secrets.includes('live'));
});

test('terraform: dynamic blocks expand when for_each is known; conditionals and functions resolve; unknowns stay unknown', async () => {
  const main = text(
    'variable "rules" {',
    '  default = [{ port = 22, cidrs = ["0.0.0.0/0"] }, { port = 443, cidrs = ["10.0.0.0/8"] }]',
    '}',
    'variable "env" { default = "production" }',
    'resource "aws_security_group" "sg" {',
    '  dynamic "ingress" {',
    '    for_each = var.rules',
    '    content {',
    '      from_port   = ingress.value.port',
    '      cidr_blocks = ingress.value.cidrs',
    '    }',
    '  }',
    '  dynamic "egress" {',
    '    for_each = data.x.y.list',
    '    content {',
    '      from_port = egress.value',
    '    }',
    '  }',
    '}',
    'resource "aws_db_instance" "d" {',
    '  multi_az            = var.env == "production" ? true : false',
    '  identifier          = lower(format("%s-DB", var.env))',
    '  skip_final_snapshot = random_id.x.hex == "" ? true : false',
    '  tags                = merge({ a = "1" }, { b = join("-", ["x", var.env]) })',
    '}',
  );
  const { facts } = await collect({ 'main.tf': main });
  const sg = res(facts, 'aws_security_group.sg');
  const ingress = sg.body.blocks.filter((b) => b.type === 'ingress');
  assert.deepEqual(ingress.map((b) => `${str(b.body.attrs['from_port']!.value)}@${b.body.attrs['from_port']!.line}:${b.dynamic}`), ['22@9:expanded', '443@9:expanded']);
  const egress = sg.body.blocks.find((b) => b.type === 'egress')!;
  assert.equal(egress.dynamic, 'unknown');
  assert.equal(egress.body.attrs['from_port']!.value.kind, 'unknown');
  const d = res(facts, 'aws_db_instance.d').body.attrs;
  assert.equal(str(d['multi_az']!.value), 'true');
  assert.equal(str(d['identifier']!.value), 'production-db');
  assert.equal(d['skip_final_snapshot']!.value.kind, 'unknown');
  const tags = d['tags']!.value;
  assert.deepEqual(tags.kind === 'object' ? tags.entries.map((e) => `${e.key}=${str(e.value)}`) : [], ['a=1', 'b=x-production']);
});

test('terraform: an unparseable file is a ParseError with its position; a partial tree keeps the valid blocks', async () => {
  const { facts, errors } = await collect({
    'broken.tf': text('this is not { terraform'),
    'partial.tf': text('resource "aws_s3_bucket" "ok" {', '  bucket = "fine"', '}', 'resource "aws_s3_bucket" "bad" {', '  bucket = ', '}'),
  });
  const e = errors.get('broken.tf')!;
  assert.ok(e, 'broken.tf must fail');
  assert.equal(e.line, 1);
  const p = facts.get('partial.tf')!;
  assert.deepEqual(p.resources.map((r) => r.address), ['aws_s3_bucket.ok']);
  assert.ok(p.syntaxError && p.syntaxError.line >= 4, JSON.stringify(p.syntaxError));
});

test('terraform: string escapes and heredoc indentation are decoded; template positions map into the source', async () => {
  const main = text(
    'locals {',
    '  a = "x\\"y\\\\z $${literal}"',
    '  b = <<-EOT',
    '      one',
    '        two',
    '      EOT',
    '  c = "pre-${aws_s3_bucket.b.arn}-post"',
    '}',
  );
  const { facts } = await collect({ 'l.tf': main });
  const locals = facts.get('l.tf')!.locals;
  assert.equal(str(locals[0]!.value), 'x"y\\z ${literal}');
  assert.equal(str(locals[1]!.value), 'one\n  two\n');
  const c = locals[2]!.value;
  assert.equal(c.kind, 'unknown');
  assert.equal(c.kind === 'unknown' ? c.partial : '', `pre-${UNKNOWN_MARK}-post`);
  assert.deepEqual(c.refs, ['.|aws_s3_bucket.b.arn']);
});

test('terraform: task definitions the collector cannot see into are marked opaque for the env contract', async () => {
  const ecs = text(
    'resource "aws_ecs_task_definition" "opaque" {',
    '  container_definitions = var.defs',
    '}',
    'variable "defs" {}',
    'resource "aws_ecs_task_definition" "files" {',
    '  container_definitions = jsonencode([{',
    '    name             = "web"',
    '    environmentFiles = [{ value = "arn:aws:s3:::cfg/web.env", type = "s3" }]',
    '    environment      = [for k, v in var.env : { name = k, value = v }]',
    '  }])',
    '}',
    'variable "env" {}',
  );
  const { facts } = await collect({ 'ecs.tf': ecs });
  assert.deepEqual(
    facts.get('ecs.tf')!.provides.map((p) => `${p.name}|${p.mechanism}|${p.line}`),
    ['*|ecs-environment|2', 'arn:aws:s3:::cfg/web.env|ecs-environment-file|8', '*|ecs-environment|6'],
  );
});
