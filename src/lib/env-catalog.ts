/**
 * The built-in catalog: well-known variables and what production expects of them (seeds 000–003).
 * Used when honban.yml declares no schema for a key, and by `honban env init` to propose one.
 *
 * A catalog key also matches with one short prefix segment: `MKS_FORCE_HTTPS`, `TNG_SECRET_KEY`,
 * `FLASK_DEBUG` are read as FORCE_HTTPS, SECRET_KEY, DEBUG (environment-name keys match exactly only).
 */
import { DANGEROUS_SWITCHES, DEBUG_KEYS, ENV_NAME_KEYS, RATE_LIMIT_STORAGE_KEYS } from './values.js';
import type { VarSpec } from '../contracts/config.js';

export type CatalogRole =
  | 'signing-secret'
  | 'debug'
  | 'env-name'
  | 'dangerous-switch'
  | 'security-switch'
  | 'database-url'
  | 'rate-limit-storage'
  | 'cache-url'
  | 'cors-origins'
  | 'allowed-hosts'
  | 'log-level'
  | 'session-timeout'
  | 'monitoring'
  | 'port'
  | 'admin-users'
  | 'typed';

export interface CatalogEntry {
  /** Canonical name (`FORCE_HTTPS`). */
  key: string;
  role: CatalogRole;
  /** What every environment expects (type, secret …): checked by env/invalid-value. */
  spec: VarSpec;
  /** What `honban env init` proposes for production (merged under `environments.production`). */
  production?: VarSpec;
  /** The proposal of `env init` for every environment (beyond `spec`). */
  init?: VarSpec;
  /** Prefix matching allowed (`MKS_FORCE_HTTPS`). */
  prefixed: boolean;
  description: string;
}

const entries: CatalogEntry[] = [];
const add = (e: Omit<CatalogEntry, 'prefixed'> & { prefixed?: boolean }) => entries.push({ prefixed: true, ...e });

for (const key of ['SECRET_KEY', 'SECRET_KEY_BASE', 'JWT_SECRET', 'JWT_SECRET_KEY', 'SESSION_SECRET', 'COOKIE_SECRET', 'APP_KEY']) {
  add({
    key,
    role: 'signing-secret',
    spec: { secret: true },
    init: { required: true, minLength: 32 },
    description: 'Signs sessions / tokens: long, random, fixed, one per environment (e.g. `python -c "import secrets; print(secrets.token_urlsafe(48))"`).',
  });
}
for (const key of DEBUG_KEYS) {
  add({ key, role: 'debug', spec: { type: 'boolean' }, production: { equals: false }, description: 'Debug mode: off in production.' });
}
for (const key of ENV_NAME_KEYS) {
  add({ key, role: 'env-name', spec: { type: 'string' }, production: { equals: 'production' }, prefixed: false, description: 'Names the running environment: production in production.' });
}
for (const [key, what] of Object.entries(DANGEROUS_SWITCHES)) {
  if (/_(FALSE|0)$/.test(key)) continue; // pseudo keys of the scan rules
  add({ key, role: 'dangerous-switch', spec: { type: 'boolean' }, production: { equals: false }, description: `Development switch that ${what.en}: unset or false in production.` });
}
for (const key of ['FORCE_HTTPS', 'SESSION_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', 'WTF_CSRF_ENABLED', 'CSRF_ENABLED', 'SECURE_SSL_REDIRECT', 'CSRF_COOKIE_SECURE', 'RATE_LIMIT_ENABLED', 'RATELIMIT_ENABLED']) {
  add({ key, role: 'security-switch', spec: { type: 'boolean' }, production: { equals: true }, description: 'Security protection: true in production.' });
}
add({ key: 'DATABASE_URL', role: 'database-url', spec: { type: 'url' }, init: { required: true }, description: 'Database connection URL: a server database (not SQLite) in production.' });
for (const key of RATE_LIMIT_STORAGE_KEYS) {
  add({ key, role: 'rate-limit-storage', spec: { type: 'url' }, description: 'Rate-limiter storage: persistent and shared (redis://) in production, not memory://.' });
}
for (const key of ['REDIS_URL', 'CACHE_REDIS_URL', 'CELERY_BROKER_URL']) {
  add({ key, role: 'cache-url', spec: { type: 'url', schemes: ['redis', 'rediss', 'unix', 'redis+sentinel', 'amqp', 'amqps', 'sqs'] }, description: 'Redis / broker URL.' });
}
for (const key of ['CORS_ORIGINS', 'CORS_ALLOWED_ORIGINS', 'CORS_ORIGIN', 'ALLOWED_ORIGINS', 'CORS_ORIGIN_WHITELIST', 'CORS_ALLOW_ORIGINS']) {
  add({ key, role: 'cors-origins', spec: { type: 'string' }, description: 'Origins allowed by CORS: https origins of the front end, never `*`.' });
}
for (const key of ['ALLOWED_HOSTS', 'DJANGO_ALLOWED_HOSTS']) {
  add({ key, role: 'allowed-hosts', spec: { type: 'string' }, description: 'Host names the app answers: the real domain names, never `*`.' });
}
add({ key: 'LOG_LEVEL', role: 'log-level', spec: { type: 'string' }, description: 'Log level: INFO or WARNING in production (DEBUG logs request data).' });
for (const key of ['SESSION_TIMEOUT', 'SESSION_LIFETIME', 'PERMANENT_SESSION_LIFETIME', 'SESSION_COOKIE_AGE']) {
  add({ key, role: 'session-timeout', spec: { type: 'integer', min: 0 }, production: { max: 3600 }, description: 'Session lifetime in seconds: at most one hour in production.' });
}
add({ key: 'SENTRY_DSN', role: 'monitoring', spec: { type: 'url', secret: true }, production: { recommended: true }, description: 'Error tracking (Sentry): set in production so failures are seen.' });
add({ key: 'CONFIRM_PHRASE', role: 'typed', spec: { type: 'string' }, production: { forbid: ['RUN_WORKER'] }, description: 'Confirmation phrase of an admin worker: changed from its default in production.' });
add({ key: 'ADMIN_USERS', role: 'admin-users', spec: { type: 'string' }, description: 'Administrators by user name: prefer an is_admin column in the database.' });
add({ key: 'PORT', role: 'port', spec: { type: 'port' }, prefixed: false, description: 'Port the app listens on.' });
for (const key of ['TRUST_PROXY_HEADERS', 'PROXY_FIX']) add({ key, role: 'typed', spec: { type: 'boolean' }, description: 'Trust X-Forwarded-* headers: true only behind a reverse proxy (nginx).' });
for (const key of ['MAX_CONTENT_LENGTH', 'WEB_CONCURRENCY', 'GUNICORN_WORKERS', 'GUNICORN_THREADS']) add({ key, role: 'typed', spec: { type: 'integer', min: 1 }, description: 'A count or size.' });

/** Prefixes naming another environment or a tool: `TEST_DATABASE_URL` is not the app's database. */
const NON_PREFIXES = new Set(['TEST', 'TESTS', 'TESTING', 'DEV', 'LOCAL', 'CI', 'E2E', 'SPEC', 'SHADOW', 'LEGACY', 'OLD', 'SQL', 'SQLALCHEMY', 'DB']);

const byKey = new Map(entries.map((e) => [e.key, e]));

export const CATALOG: readonly CatalogEntry[] = entries;

/** The catalog entry of a key (exact, or `PREFIX_KEY` with a short prefix), if any. */
export function catalogEntry(key: string): CatalogEntry | undefined {
  const k = key.toUpperCase();
  const exact = byKey.get(k);
  if (exact) return exact;
  const m = /^[A-Z][A-Z0-9]{1,7}_(.+)$/.exec(k);
  if (m && !NON_PREFIXES.has(k.slice(0, k.indexOf('_')))) {
    const e = byKey.get(m[1]!);
    if (e?.prefixed) return e;
  }
  return undefined;
}

/** The catalog role of a key, if the catalog knows it. */
export function catalogRole(key: string): CatalogRole | undefined {
  return catalogEntry(key)?.role;
}
