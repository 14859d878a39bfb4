import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entropy, isPlaceholder, isSecretName, weakSecretReason } from './secrets.js';

test('isSecretName: secrets, and settings about secrets that are not', () => {
  for (const k of ['SECRET_KEY', 'FLASK_SECRET_KEY', 'DB_PASSWORD', 'POSTGRES_PASSWORD', 'api_key', 'OPENAI_API_KEY', 'GITHUB_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'private_key', 'SENTRY_DSN', 'client_secret', 'JWT_SIGNING_KEY']) {
    assert.equal(isSecretName(k), true, k);
  }
  for (const k of ['SECRET_KEY_FILE', 'PASSWORD_MIN_LENGTH', 'TOKEN_EXPIRY', 'MAX_TOKENS', 'max_tokens', 'BCRYPT_SALT_ROUNDS', 'USE_TOKEN_AUTH', 'PASSWORD_HASHERS', 'DEBUG', 'DATABASE_HOST', 'TOKEN_URL_FILE', 'SESSION_COOKIE_NAME']) {
    assert.equal(isSecretName(k), false, k);
  }
});

test('isPlaceholder: templates and TODOs, not real values', () => {
  for (const v of ['your_openai_api_key_here', 'your_smtp_username', 'put_your_key_here', '<your-token>', 'xxx', 'XXXXXXXX', 'changeme', 'dummy', 'example', 'TODO', '${SECRET}', 'replace-me']) {
    assert.equal(isPlaceholder(v), true, v);
  }
  for (const v of ['postgresql://db:5432/app', 'q8Vd2LrX0tYbN5mKc7WfJ3sHa9PzE1uGi4oRl6Te', 'production', 'redis://cache:6379/0']) {
    assert.equal(isPlaceholder(v), false, v);
  }
});

test('weakSecretReason: well-known, django-insecure, short, low entropy; strong values pass', () => {
  assert.equal(weakSecretReason('change-me-locally'), 'well-known');
  assert.equal(weakSecretReason('hard-to-guess-string'), 'well-known');
  assert.equal(weakSecretReason('django-insecure-8f3k2l1m0n9b8v7c6x5z4a3s2d1f0g9h'), 'django-insecure');
  assert.equal(weakSecretReason('your_openai_api_key_here'), 'placeholder');
  assert.equal(weakSecretReason('Zx81kQpL0vR7tY2u'), 'short');
  assert.equal(weakSecretReason('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'), 'low-entropy');
  assert.equal(weakSecretReason(''), 'empty');
  assert.equal(weakSecretReason('q8Vd2LrX0tYbN5mKc7WfJ3sHa9PzE1uGi4oRl6Te'), undefined);
  assert.equal(weakSecretReason('9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddcc'), undefined);
  assert.ok(entropy('abcd') === 2);
});

test('isSecretName / notASecretValue: permission lists, alphabets and hashes are not secrets', async () => {
  const { isSecretName, notASecretValue } = await import('./secrets.js');
  for (const k of ['secret_permissions', 'key_permissions', 'token_scopes', 'SECRET_KEY_CHARSET', 'password_label']) assert.equal(isSecretName(k), false, k);
  assert.equal(notASecretValue('password', 'pbkdf2_sha256$600000$abc$def='), 'password-hash');
  assert.equal(notASecretValue('jsonwebtoken', '^9.0.2'), 'version-range');
  assert.equal(notASecretValue('password', '12345678'), undefined); // a weak secret, not a version
  assert.equal(notASecretValue('id-token', 'write'), 'keyword');
  assert.equal(notASecretValue('REQUEST_TOKEN', 'request', { code: true }), 'own-name');
  assert.equal(notASecretValue('WORDPRESS_DB_PASSWORD', 'wordpress'), undefined); // in configuration: a weak password
});
