import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './placeholder-value.js';

test('env/placeholder-value: placeholders left in loaded env files (S3.11, S4.3)', async () => {
  const findings = await expectLines(
    rule,
    {
      '.env': text('FLASK_ENV=production', 'SECRET_KEY=9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c', 'OPENAI_API_KEY=your_openai_api_key_here'),
      '.env.production': text(
        'TNG_SENDER_USERNAME=your_smtp_username',
        'FLASK_SECRET_KEY=put_a_strong_random_key_here',
        'STRIPE_KEY=<stripe key>',
        'CACHE_TYPE=none',
        'SENTRY_ENVIRONMENT=test',
        'SECRET_KEY=${SECRET_KEY}',
        'API_TOKEN={{ api_token }}',
        'EMPTY=',
      ),
    },
    ['.env:3', '.env.production:1', '.env.production:2', '.env.production:3'],
  );
  assert.match(findings[0]!.message, /^OPENAI_API_KEY is still a placeholder/);
  assert.ok(!findings.some((f) => f.message.includes('your_')), 'the placeholder text is not echoed');
});

test('env/placeholder-value: templates and development files may hold placeholders', async () => {
  const files = { '.env.example': text('OPENAI_API_KEY=your_openai_api_key_here'), '.env.development': text('OPENAI_API_KEY=your_openai_api_key_here') };
  await expectLines(rule, files, []);
  // A development target is not judged (the judgement `honban env` had).
  await expectLines(rule, files, [], { environment: 'development' });
});
