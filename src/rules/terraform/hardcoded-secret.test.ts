import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './hardcoded-secret.js';
import awsRule from '../tf-aws/hardcoded-secret.js';

const AZ_PW = 'Sq1Adm!n-2024-literal';
const GCP_PW = 'gcp-sql-user-pw-8812';
const K8S_TOKEN = 'k8s-literal-api-token-77aa';

const mixed = {
  'infra/azure/main.tf': text(
    'resource "azurerm_mssql_server" "db" {',
    '  name                         = "orders-sql"',
    '  administrator_login          = "sqladmin"',
    `  administrator_login_password = "${AZ_PW}"`,
    '}',
    'resource "azurerm_key_vault" "kv" {',
    '  access_policy {',
    '    secret_permissions = ["get", "set", "list"]',
    '  }',
    '}',
    'resource "azurerm_linux_web_app" "web" {',
    '  app_settings = {',
    '    DB_PASSWORD = azurerm_key_vault_secret.db.value',
    '  }',
    '}',
  ),
  'infra/gcp/sql.tf': text(
    'variable "db_password" {',
    '  default = "please-change-me-gcp"',
    '}',
    'resource "google_sql_user" "app" {',
    '  name     = "app"',
    `  password = "${GCP_PW}"`,
    '}',
  ),
  'infra/k8s/secret.tf': text(
    'resource "kubernetes_secret" "api" {',
    '  data = {',
    `    api_token = "${K8S_TOKEN}"`,
    '  }',
    '}',
  ),
  'infra/aws/main.tf': text(
    'resource "aws_elasticache_replication_group" "r" {',
    '  auth_token = "aws-redis-auth-token-0123456789"',
    '}',
  ),
};

test('terraform/hardcoded-secret: literal secrets of Azure, Google and Kubernetes resources and of modules without AWS resources', async () => {
  const findings = await expectLines(rule, mixed, ['infra/azure/main.tf:4', 'infra/gcp/sql.tf:2', 'infra/gcp/sql.tf:6', 'infra/k8s/secret.tf:3']);
  assert.match(findings[0]!.message, /azurerm_mssql_server\.db.*administrator_login_password/);
  assert.match(findings[1]!.message, /^Default of variable "db_password"/);
  const all = JSON.stringify(findings);
  for (const s of [AZ_PW, GCP_PW, K8S_TOKEN]) assert.ok(!all.includes(s), `${s} leaked`);
});

test('terraform/hardcoded-secret and tf-aws/hardcoded-secret split the work: each literal judged once, AWS only by tf-aws', async () => {
  // The AWS module is tf-aws's, and nothing else; permission keywords and references are nobody's.
  await expectLines(awsRule, mixed, ['infra/aws/main.tf:2']);
  await expectLines(rule, { 'infra/aws/main.tf': mixed['infra/aws/main.tf'] }, []);
});

test('terraform/hardcoded-secret: a module with both providers — variables and locals stay with tf-aws, the Azure resource is ours', async () => {
  const files = {
    'main.tf': text(
      'variable "api_secret" {',
      '  default = "mixed-module-api-secret-91"',
      '}',
      'resource "aws_s3_bucket" "b" {',
      '  bucket = "logs"',
      '}',
      'resource "azurerm_postgresql_server" "pg" {',
      '  administrator_login_password = "mixed-azure-pg-pw-33x"',
      '}',
    ),
  };
  await expectLines(rule, files, ['main.tf:8']);
  await expectLines(awsRule, files, ['main.tf:2']);
});

test('terraform/hardcoded-secret: references, random_password, sensitive variables without default and examples of a module (low)', async () => {
  const findings = await expectLines(
    rule,
    {
      'main.tf': text(
        'variable "sql_password" {',
        '  type      = string',
        '  sensitive = true',
        '}',
        'resource "random_password" "pg" {',
        '  length = 24',
        '}',
        'resource "azurerm_mssql_server" "a" {',
        '  administrator_login_password = var.sql_password',
        '}',
        'resource "azurerm_postgresql_server" "b" {',
        '  administrator_login_password = random_password.pg.result',
        '}',
      ),
      'examples/basic/main.tf': text(
        'module "db" {',
        '  source = "../../"',
        '}',
        'resource "azurerm_mssql_server" "demo" {',
        '  administrator_login_password = "example-demo-pw-0042"',
        '}',
      ),
    },
    ['examples/basic/main.tf:5'],
  );
  assert.equal(findings[0]!.severity, 'low');
  assert.match(findings[0]!.message, /^Example /);
});
