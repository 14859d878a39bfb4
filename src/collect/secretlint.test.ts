import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { test } from 'node:test';
import { findCredentials, mayHoldCredential, RULES_COVERED } from './secretlint.js';
import { credentialType } from '../facts/credentials.js';

const GITHUB = 'ghp_' + 'A1b2C3d4E5'.repeat(3) + 'f6G7H8';

test('findCredentials: positions, the raw value for masking, one run per file content', async () => {
  const content = `# config\ntoken: ${GITHUB}\n`;
  const first = findCredentials('a.yml', content);
  assert.equal(findCredentials('a.yml', content), first, 'the same content is linted once');
  const hits = await first;
  assert.deepEqual(hits.map((h) => [h.messageId, h.line, h.column, h.value === GITHUB]), [['GITHUB_TOKEN', 2, 8, true]]);
  assert.deepEqual(credentialType(hits[0]!), { en: 'GitHub token', ja: 'GitHub トークン' });
  assert.deepEqual(await findCredentials('a.yml', 'nothing here\n'), []);
});

test('findCredentials: no performance marks pile up (what makes the secretlint CLI quadratic)', async () => {
  // exhaustive: these texts hold no credential and would not be linted at all otherwise.
  for (let i = 0; i < 50; i++) await findCredentials(`f${i}.txt`, `line ${i}\n`, true);
  await new Promise((r) => setImmediate(r));
  assert.equal(performance.getEntriesByType('mark').length, 0);
  assert.equal(performance.getEntriesByType('measure').length, 0);
});

test('mayHoldCredential: written for exactly the rules of the preset honban runs', async () => {
  const preset = (await import('@secretlint/secretlint-rule-preset-recommend')).creator as { rules: { meta: { id: string } }[] };
  const ids = preset.rules.map((r) => r.meta.id.replace('@secretlint/secretlint-rule-', '')).sort();
  assert.deepEqual(ids, [...RULES_COVERED].sort(), 'the preset changed: check MAY_HOLD_CREDENTIAL in collect/secretlint.ts against its rules, then update RULES_COVERED');
});

// Made-up values of each format (none is a real credential), one per reporting rule of the preset.
// (The AWS rule reports key ids and account ids only with its enableIDScanRule option, which honban
// leaves off; the check lets them through all the same.)
const b64 = 'Q2hhbmdlTWVQbGVhc2VOb3RBUmVhbEtleUF0QWxsSnVzdEZpbGxlclRleHQ' + 'x9Yw3Zv7Ut5Sr1Qp'.repeat(8);
const pem = (label: string) => `-----BEGIN ${label}-----\nMII${b64.slice(0, 64)}\n${b64.slice(64, 128)}\n${b64.slice(128, 180)}\n-----END ${label}-----\n`;
const SAMPLES: [rule: string, path: string, text: string][] = [
  ['aws', 'settings.ini', `aws_secret_access_key = "${'wJalrXUtnFEMI9K7MDENGbPxRfiCYq2r4s6t8u0v'}"\n`],
  ['privatekey', 'id_rsa', pem('RSA PRIVATE KEY')],
  ['gcp', 'sa.json', JSON.stringify({ type: 'service_account', private_key_id: 'k1', private_key: pem('PRIVATE KEY') })],
  ['npm', '.npmrc', '//registry.npmjs.org/:_authToken=f0e1d2c3-b4a5-9687-7869-5a4b3c2d1e0f\n'],
  ['npm', 'ci.yml', `token: npm_${'Zq8Wm3Xv6Ty1Ub4Ns7Pk2Lr5Jh9Gd0Fc3Ae6B'.slice(0, 36)}\n`],
  ['basicauth', 'README.md', 'clone https://deploy:Xk9vR2mQ7t@git.example.net/app.git\n'],
  ['slack', 'notify.py', `TOKEN = "xoxb-1234567890-1234567890123-${'AbCdEfGhIjKlMnOpQrStUvWx'}"\n`],
  ['slack', 'hooks.txt', 'https://hooks.slack.com/services/T01ABCDEF/B02GHIJKL/q1w2e3r4t5y6u7i8o9p0\n'],
  ['sendgrid', 'mail.env.txt', `key SG.${'aB3dE5fG7hI9jK1lM3nO5p'}.${'qR7sT9uV1wX3yZ5aB7cD9eF1gH3iJ5kL7mN9oP1qR3s'}\n`],
  ['shopify', 'shop.txt', `shpat_${'0123456789abcdef0123456789abcdef'}\n`],
  ['github', 'a.yml', `token: ${GITHUB}\n`],
  ['openai', 'ai.txt', `sk-${'A1b2C3d4E5f6G7h8I9j0'}T3BlbkFJ${'K1l2M3n4O5p6Q7r8S9t0'}\n`],
  ['anthropic', 'claude.txt', `sk-ant-api03-${'Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe'.repeat(3).slice(0, 95)}AA\n`],
  ['linear', 'linear.txt', `lin_api_${'Mn4Bv7Cx1Zl3Kj6Hg9Fd2Sa5Qw8Er0Ty'.repeat(2).slice(0, 40)}\n`],
  ['database-connection-string', 'db.txt', 'DATABASE_URL=postgres://app:Xk9vR2mQ7t@db.internal:5432/app\n'],
];

test('mayHoldCredential: every rule of the preset that reports finds a text the check lets through', async () => {
  const reporting = new Set(RULES_COVERED.filter((r) => r !== 'filter-comments' && r !== '1password'));
  for (const [rule, path, content] of SAMPLES) {
    assert.ok(mayHoldCredential(path, content), `${rule}: ${path} must pass the check`);
    const hits = await findCredentials(path, content, true);
    assert.ok(hits.some((h) => h.ruleId === `@secretlint/secretlint-rule-${rule}`), `${rule}: the sample is a real positive (${JSON.stringify(hits.map((h) => h.ruleId))})`);
    reporting.delete(rule);
  }
  // 1Password service-account tokens are base64 JSON checked by the rule; its literal `ops_ey` is in the check.
  assert.ok(mayHoldCredential('op.txt', `OP_SERVICE_ACCOUNT_TOKEN=ops_ey${'J'.repeat(120)}fQ==`));
  assert.ok(mayHoldCredential('keys.txt', 'AKIAZ7Q4X2M9B3K8W5T1'));
  // The case variants the rules accept.
  for (const t of ['AWS_SECRET_ACCESS_KEY=x', 'Secret_Access_Key: x', 'secretaccesskey = x', 'https://Hooks.Slack.COM/services/T1/B2/c3', 'Account_Id => 1']) assert.ok(mayHoldCredential('a.txt', t), t);
  assert.ok(mayHoldCredential('config.yml', 'aws_account_id: "1234-5678-9012"'));
  assert.deepEqual([...reporting], [], 'a rule without a sample here');
});

test('mayHoldCredential: ordinary texts are not linted; JSON always is', async () => {
  const po = '"Language-Team: Japanese (https://translations.example.net/teams/1/ja/)\\n"\nmsgid "Account"\nmsgstr "アカウント"\n\nmsgid "Secret"\nmsgstr "シークレット"\n#: netbox/templates/home.html:12\nmsgid "Key"\nmsgstr "キー"\n';
  const py = 'import logging\n\nlog = logging.getLogger(__name__)\n\ndef total(rows):\n    return sum(r.amount for r in rows)\n';
  assert.equal(mayHoldCredential('locale/ja/LC_MESSAGES/django.po', po), false);
  assert.equal(mayHoldCredential('app/models.py', py), false);
  assert.deepEqual(await findCredentials('app/models.py', py), []);
  assert.equal(mayHoldCredential('data/fixture.json', '{"a": 1}'), true);
  // A URL without a user and a password is nothing the URL rules report; with them it is linted.
  assert.equal(mayHoldCredential('docs/setup.md', 'See https://docs.example.net/setup/ and mailto:ops@example.net\n'), false);
  assert.equal(mayHoldCredential('docs/setup.md', 'DATABASE_URL=mysql://app:Xk9vR2mQ7t@db/app\n'), true);
  assert.equal(mayHoldCredential('docs/setup.md', 'git clone https://x:x-oauth-basic@github.com/o/r.git\n'), true);
});
