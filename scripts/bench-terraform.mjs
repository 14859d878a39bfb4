#!/usr/bin/env node
// Benchmark of the Terraform collector and tf-aws rules through the real CLI.
//
// Generates Terraform trees under bench-out/terraform/<n> (n stacks × 10 files: 9 .tf + 1 .tfvars,
// all stacks calling one shared local module), then times
//   node bin/honban.js scan <tree> --format json --output /dev/null --fail-on none
// and reports wall time, files/s and the child's peak RSS (process.resourceUsage().maxRSS, written
// on exit by a --import hook). Sizes: BENCH_TF_SIZES="30,100,300" (default), or arguments.
//
// Usage: npm run build && node scripts/bench-terraform.mjs [30 100 300]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'bench-out', 'terraform');
const sizes = (process.argv.slice(2).length ? process.argv.slice(2) : (process.env.BENCH_TF_SIZES ?? '30,100,300').split(','))
  .map((s) => Number(String(s).trim()))
  .filter((n) => Number.isInteger(n) && n > 0);

if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) {
  console.error('bench-terraform: dist/ is missing — run `npm run build` first');
  process.exit(2);
}

/** One stack: 9 .tf files and a production tfvars, with the usual mix of problems and fixes. */
function stack(i) {
  const n = String(i).padStart(3, '0');
  const bad = i % 3 === 0; // a third of the stacks carry problems
  return {
    'main.tf': `terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

provider "aws" {
  region = var.region
}

locals {
  name = "svc${n}-\${var.environment}"
  tags = { Service = "svc${n}", Environment = var.environment }
}

module "network" {
  source = "../../modules/network"
  cidr   = "10.${i % 250}.0.0/16"
  name   = local.name
}
`,
    'variables.tf': `variable "region" {
  default = "ap-northeast-1"
}
variable "environment" {
  default = "dev"
}
variable "db_password" {
  type      = string
  sensitive = true
${bad ? '  default   = "bench-password-' + n + '"\n' : ''}}
variable "image_tag" {
  default = "${bad ? 'latest' : 'v1.' + i}"
}
variable "desired_count" {
  default = ${bad ? 1 : 2}
}
variable "ssh_cidrs" {
  default = ["${bad ? '0.0.0.0/0' : '203.0.113.0/24'}"]
}
`,
    'rds.tf': `resource "aws_db_instance" "db" {
  identifier              = "\${local.name}-db"
  engine                  = "postgres"
  instance_class          = "db.t3.medium"
  username                = "app"
  password                = var.db_password
  storage_encrypted       = ${!bad}
  multi_az                = ${!bad}
  deletion_protection     = ${!bad}
  skip_final_snapshot     = ${bad}
  backup_retention_period = ${bad ? 0 : 7}
  publicly_accessible     = false
  vpc_security_group_ids  = [aws_security_group.db.id]
  tags                    = local.tags
}
`,
    'ecs.tf': `resource "aws_ecr_repository" "app" {
  name                 = local.name
  image_tag_mutability = "${bad ? 'MUTABLE' : 'IMMUTABLE'}"
  image_scanning_configuration {
    scan_on_push = ${!bad}
  }
}

resource "aws_ecs_task_definition" "app" {
  family = local.name
  container_definitions = jsonencode([
    {
      name  = "app"
      image = "\${aws_ecr_repository.app.repository_url}:\${var.image_tag}"
      user  = "${bad ? 'root' : '10001'}"
      environment = [
        { name = "APP_ENV", value = var.environment },
        { name = "SMTP_USER", value = "${bad ? 'your_smtp_username' : 'mailer'}" },
        { name = "DB_HOST", value = aws_db_instance.db.address },
      ]
      secrets = [
        { name = "DB_PASSWORD", valueFrom = aws_secretsmanager_secret.db.arn },
      ]
    }
  ])
}

resource "aws_secretsmanager_secret" "db" {
  name = "\${local.name}/db"
}

resource "aws_ecs_service" "app" {
  name            = local.name
  task_definition = aws_ecs_task_definition.app.arn
  desired_count   = var.desired_count
}
`,
    'iam.tf': `data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "task" {
  name               = "\${local.name}-task"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_role_policy" "task" {
  role = aws_iam_role.task.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ${bad ? '["s3:*"]' : '["s3:GetObject", "s3:PutObject"]'}
      Resource = ${bad ? '"*"' : '"${aws_s3_bucket.assets.arn}/*"'}
    }]
  })
}

resource "aws_iam_role_policy" "logs" {
  role   = aws_iam_role.task.id
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": "\${aws_cloudwatch_log_group.app.arn}:*"}
      ]
    }
  EOT
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/ecs/\${local.name}"
  retention_in_days = 30
}
`,
    's3.tf': `resource "aws_s3_bucket" "assets" {
  bucket = "\${local.name}-assets"
}
${bad ? '' : `
resource "aws_s3_bucket_public_access_block" "assets" {
  bucket                  = aws_s3_bucket.assets.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
`}
resource "aws_s3_bucket_cors_configuration" "assets" {
  bucket = aws_s3_bucket.assets.id
  cors_rule {
    allowed_methods = ["GET", "PUT"]
    allowed_origins = ["${bad ? '*' : 'https://svc' + n + '.example.jp'}"]
  }
}
`,
    'network.tf': `resource "aws_security_group" "bastion" {
  name   = "\${local.name}-bastion"
  vpc_id = module.network.vpc_id
  dynamic "ingress" {
    for_each = var.ssh_cidrs
    content {
      from_port   = 22
      to_port     = 22
      protocol    = "tcp"
      cidr_blocks = [ingress.value]
    }
  }
}

resource "aws_security_group" "db" {
  name   = "\${local.name}-db"
  vpc_id = module.network.vpc_id
  ingress {
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_security_group.bastion.id]
  }
}
`,
    'cache.tf': `resource "aws_elasticache_replication_group" "redis" {
  replication_group_id       = "\${local.name}-redis"
  description                = "sessions"
  engine                     = "redis"
  node_type                  = "cache.t3.small"
  num_cache_clusters         = ${bad ? 1 : 2}
  at_rest_encryption_enabled = ${!bad}
  transit_encryption_enabled = ${!bad}
}
`,
    'outputs.tf': `output "db_endpoint" {
  value = aws_db_instance.db.endpoint
}
output "repository_url" {
  value = aws_ecr_repository.app.repository_url
}
`,
    'production.tfvars': `environment   = "production"
desired_count = ${bad ? 1 : 3}
`,
  };
}

const NETWORK = {
  'main.tf': `variable "cidr" {}
variable "name" {}

resource "aws_vpc" "this" {
  cidr_block = var.cidr
  tags       = { Name = var.name }
}

resource "aws_flow_log" "this" {
  vpc_id       = aws_vpc.this.id
  traffic_type = "ALL"
}

output "vpc_id" {
  value = aws_vpc.this.id
}
`,
};

function generate(n) {
  const dir = path.join(OUT, String(n));
  rmSync(dir, { recursive: true, force: true });
  let files = 0;
  const write = (rel, content) => {
    const p = path.join(dir, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, content);
    files++;
  };
  // bench-out/ is git-ignored in this repository and honban skips git-ignored files: make the tree
  // its own work tree, as a checked-out infrastructure repository would be.
  mkdirSync(dir, { recursive: true });
  if (spawnSync('git', ['init', '-q', dir]).status !== 0) mkdirSync(path.join(dir, '.git'), { recursive: true });
  for (const [f, c] of Object.entries(NETWORK)) write(`modules/network/${f}`, c);
  for (let i = 0; i < n; i++) for (const [f, c] of Object.entries(stack(i))) write(`stacks/svc${String(i).padStart(3, '0')}/${f}`, c);
  return { dir, files };
}

const hook = path.join(OUT, 'rss-hook.mjs');
mkdirSync(OUT, { recursive: true });
writeFileSync(
  hook,
  `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { if (process.env.HONBAN_RSS_FILE) writeFileSync(process.env.HONBAN_RSS_FILE, String(process.resourceUsage().maxRSS)); });\n`,
);

const rows = [];
for (const n of sizes) {
  const { dir, files } = generate(n);
  const rssFile = path.join(OUT, `rss-${n}.txt`);
  const jsonFile = path.join(OUT, `report-${n}.json`);
  rmSync(rssFile, { force: true });
  // One run to /dev/null (what the brief measures) and its report kept aside for the finding count.
  const args = ['--import', hook, path.join(ROOT, 'bin', 'honban.js'), 'scan', dir, '--format', 'json', '--output', '/dev/null', '--fail-on', 'none'];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env: { ...process.env, HONBAN_RSS_FILE: rssFile }, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) {
    console.error(`bench-terraform: honban exited ${r.status} for ${n} stacks\n${r.stderr}`);
    process.exit(1);
  }
  const rssKb = Number(readFileSync(rssFile, 'utf8'));
  const c = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'honban.js'), 'scan', dir, '--format', 'json', '--output', jsonFile, '--fail-on', 'none'], { encoding: 'utf8' });
  let findings = '?';
  let errors = '?';
  if (c.status === 0) {
    const rep = JSON.parse(readFileSync(jsonFile, 'utf8'));
    findings = rep.findings.filter((f) => f.ruleId.startsWith('tf-aws/')).length;
    errors = rep.errors.length;
  }
  rows.push({ stacks: n, files, wall, rate: files / wall, rss: rssKb / 1024, findings, errors });
}

const pad = (s, w) => String(s).padStart(w);
console.log('\nhonban scan — Terraform (tf-aws rules), wall time of the CLI, peak RSS of the child');
console.log(`${pad('stacks', 7)} ${pad('files', 7)} ${pad('wall s', 8)} ${pad('files/s', 9)} ${pad('peak RSS MB', 12)} ${pad('tf-aws findings', 16)} ${pad('errors', 7)}`);
for (const r of rows) console.log(`${pad(r.stacks, 7)} ${pad(r.files, 7)} ${pad(r.wall.toFixed(2), 8)} ${pad(r.rate.toFixed(0), 9)} ${pad(r.rss.toFixed(0), 12)} ${pad(r.findings, 16)} ${pad(r.errors, 7)}`);
if (rows.length >= 2) {
  const a = rows[0];
  const b = rows[rows.length - 1];
  console.log(`scaling: ${(b.files / a.files).toFixed(1)}× files took ${(b.wall / a.wall).toFixed(1)}× the time`);
}
