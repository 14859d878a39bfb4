import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, runRules, text } from '../../testing/harness.js';
import rule, { keyBefore } from './known-credential.js';

// Built at run time so this file itself holds no credential-shaped literal.
const GITHUB = 'ghp_' + 'A1b2C3d4E5'.repeat(3) + 'f6G7H8';
const SLACK_HOOK = 'https://hooks.slack.com/services/T0' + '1234567/B0' + '1234567/' + 'abcdefghijklmnopqrstuvwx';
const OPENAI = 'sk-' + 'a1B2c3D4e5'.repeat(2) + 'T3BlbkFJ' + 'a1B2c3D4e5'.repeat(2);
const MONGO = 'mongodb://root:' + 'Xk8mP2qvL9rT4wZs' + '@mongo:27017/app';

test('secret/known-credential: credentials in any committed text file, whatever its environment', async () => {
  const findings = await expectLines(
    rule,
    [
      { path: 'config/settings.yml', content: text('app:', `  github_token: "${GITHUB}"`) },
      { path: 'docs/setup.md', content: text('# Setup', '', `Post to ${SLACK_HOOK} when done.`) },
      { path: '.env.development', content: text(`OPENAI_API_KEY=${OPENAI}`), gitTracked: true },
      { path: 'scripts/seed.py', content: text('import os', `MONGO = "${MONGO}"`) },
    ],
    ['.env.development:1', 'config/settings.yml:2', 'docs/setup.md:3', 'scripts/seed.py:2'],
  );
  const [openai, github, slack, mongo] = findings;
  assert.equal(github!.severity, 'critical');
  assert.equal(github!.column, 18);
  assert.equal(github!.key, 'github_token');
  assert.match(github!.message, /^GitHub token in plain text \(github_token\)/);
  assert.match(openai!.message, /^OpenAI API key in plain text \(OPENAI_API_KEY\)/);
  assert.match(openai!.fix, /git history/);
  assert.match(slack!.message, /^Slack incoming webhook URL in plain text: /);
  assert.equal(mongo!.severity, 'high');
  const all = JSON.stringify(findings);
  for (const s of [GITHUB, OPENAI, 'Xk8mP2qvL9rT4wZs', 'abcdefghijklmnopqrstuvwx']) assert.ok(!all.includes(s), 'a credential leaked into a finding');
  const ja = await runRules(rule, { 'a.yml': text(`token: ${GITHUB}`) }, { config: { lang: 'ja' } as never });
  assert.equal(ja.length, 1);
});

test('secret/known-credential: git-ignored local files and ordinary text are silent', async () => {
  await expectLines(
    rule,
    [
      { path: '.env', content: text(`OPENAI_API_KEY=${OPENAI}`), gitIgnored: true },
      { path: 'README.md', content: text('Set GITHUB_TOKEN=ghp_your_token_here', 'DATABASE_URL=postgres://user:password@localhost/app') },
    ],
    [],
  );
});

test('secret/known-credential: the key a credential is assigned to', () => {
  assert.equal(keyBefore('export AWS_SECRET_ACCESS_KEY="', 31), 'AWS_SECRET_ACCESS_KEY');
  assert.equal(keyBefore('  "token": "', 13), 'token');
  assert.equal(keyBefore('Post to ', 9), undefined);
});

test('secret/known-credential: database URLs whose password is a placeholder or a reference are silent', async () => {
  await expectLines(
    rule,
    {
      '.env.example': 'DATABASE_URL=postgresql://memo:<password>@db:5432/memo\nREDIS_URL=redis://:${REDIS_PASSWORD}@cache:6379/0\n',
      'config/app.yml': 'db: postgresql://memo:Xq7vLm2Rt9Wz4Kp8@db:5432/memo\n',
    },
    ['config/app.yml:1'],
  );
});

test('secret/known-credential: throw-away URL credentials of CI, tests, docs and dev stacks are silent; strong ones are not', async () => {
  await expectLines(
    rule,
    {
      '.github/workflows/ci.yml': text('jobs:', '  test:', '    env:', '      DATABASE_URL: postgres://postgres:postgres@localhost:5432', `      STRONG_URL: ${MONGO}`),
      'app/tests/test_backends.py': text("URL = 'https://user:pass@bitbucket.org/workspace/repo.git'"),
      'sample/README.md': text('```yaml', 'environment:', '  DATABASE_URL: mysql://root:whalehello@db:3306/mysql', '```'),
      '.devcontainer/docker-compose.yml': text('services:', '  app:', '    environment:', '      DATABASE_URL: postgres://postgres:postgres@db:5432/app'),
      // The same weak URL in a shared file production reads is a finding.
      'config/database.yml': text('production:', '  url: mysql://root:whalehello@db.internal:3306/app'),
    },
    ['.github/workflows/ci.yml:5', 'config/database.yml:2'],
  );
});
