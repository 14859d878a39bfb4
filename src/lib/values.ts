/** Shared interpretation of configuration values (booleans, URLs, debug switches). */

const TRUE = new Set(['1', 'true', 'yes', 'on', 'y', 't', 'enable', 'enabled']);
const FALSE = new Set(['0', 'false', 'no', 'off', 'n', 'f', 'disable', 'disabled', '']);

/** The usual boolean spellings, any case; undefined when the value is not a boolean. */
export function parseBoolean(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return undefined;
}

export function isTruthy(value: string | undefined): boolean {
  return parseBoolean(value) === true;
}

/** Variables that turn on a framework's debug mode. */
export const DEBUG_KEYS = new Set(['DEBUG', 'FLASK_DEBUG', 'DJANGO_DEBUG', 'APP_DEBUG', 'RAILS_DEBUG', 'WERKZEUG_DEBUG', 'TEMPLATE_DEBUG', 'DEBUG_MODE', 'UVICORN_RELOAD', 'PYTHONDEVMODE']);

/** Variables that name the running environment and the values that mean development. */
export const ENV_NAME_KEYS = new Set(['FLASK_ENV', 'APP_ENV', 'ENVIRONMENT', 'ENV', 'RAILS_ENV', 'RACK_ENV', 'NODE_ENV', 'DJANGO_ENV', 'PYTHON_ENV', 'STAGE']);
export const DEV_ENV_VALUES = new Set(['development', 'dev', 'local', 'debug', 'test', 'testing']);

/** Switches that are dangerous when on in production (seed 000: ALLOW_DB_RESET, DISABLE_WTF_CSRF, DISABLE_FORCE_HTTPS). */
export const DANGEROUS_SWITCHES: Record<string, { en: string; ja: string }> = {
  DISABLE_WTF_CSRF: { en: 'turns off CSRF protection', ja: 'CSRF 保護を無効にします' },
  WTF_CSRF_DISABLED: { en: 'turns off CSRF protection', ja: 'CSRF 保護を無効にします' },
  DISABLE_CSRF: { en: 'turns off CSRF protection', ja: 'CSRF 保護を無効にします' },
  DISABLE_FORCE_HTTPS: { en: 'lets the app serve plain HTTP', ja: 'HTTPS の強制を無効にし、平文 HTTP を許します' },
  DISABLE_HTTPS: { en: 'lets the app serve plain HTTP', ja: '平文 HTTP を許します' },
  DISABLE_SSL: { en: 'turns off TLS', ja: 'TLS を無効にします' },
  ALLOW_DB_RESET: { en: 'lets anyone with access reset the database', ja: 'データベースのリセットを許可します' },
  ALLOW_DATABASE_RESET: { en: 'lets anyone with access reset the database', ja: 'データベースのリセットを許可します' },
  DISABLE_AUTH: { en: 'turns off authentication', ja: '認証を無効にします' },
  SKIP_AUTH: { en: 'turns off authentication', ja: '認証を無効にします' },
  AUTH_DISABLED: { en: 'turns off authentication', ja: '認証を無効にします' },
  DISABLE_RATE_LIMIT: { en: 'turns off rate limiting', ja: 'レート制限を無効にします' },
  RATELIMIT_ENABLED_FALSE: { en: 'turns off rate limiting', ja: 'レート制限を無効にします' },
  INSECURE_SKIP_VERIFY: { en: 'turns off TLS certificate verification', ja: 'TLS 証明書の検証を無効にします' },
  SSL_VERIFY_DISABLED: { en: 'turns off TLS certificate verification', ja: 'TLS 証明書の検証を無効にします' },
  NODE_TLS_REJECT_UNAUTHORIZED_0: { en: 'turns off TLS certificate verification', ja: 'TLS 証明書の検証を無効にします' },
  ALLOW_INSECURE: { en: 'allows insecure connections', ja: '安全でない接続を許可します' },
  ENABLE_DEBUG_TOOLBAR: { en: 'exposes the debug toolbar', ja: 'デバッグツールバーを公開します' },
  DEBUG_TOOLBAR: { en: 'exposes the debug toolbar', ja: 'デバッグツールバーを公開します' },
};

/** A SQLite database URL or path (sqlite:///app.db, sqlite3://, file.sqlite3). */
export function isSqliteUrl(value: string): boolean {
  const v = value.trim().toLowerCase();
  return v.startsWith('sqlite:') || v.startsWith('sqlite3:') || /\.(sqlite3?|db)$/.test(v) && !v.includes('://');
}

/** In-memory storage for rate limiters / caches (memory://, in-memory, locmem). */
export function isInMemoryStorage(value: string): boolean {
  const v = value.trim().toLowerCase();
  return v.startsWith('memory://') || v === 'memory' || v === 'in-memory' || v === 'inmemory' || v === 'locmem' || v.includes('locmemcache');
}

/** Keys that configure rate-limiter / cache storage. */
export const RATE_LIMIT_STORAGE_KEYS = new Set(['RATELIMIT_STORAGE_URI', 'RATELIMIT_STORAGE_URL', 'RATE_LIMIT_STORAGE_URI', 'LIMITER_STORAGE_URI', 'RATELIMIT_STORAGE']);

/** A reference expanded by a loader or rendered by a tool: `${VAR}`, `$VAR`, `{{ var }}`, `${{ secrets.X }}`. */
export function isReference(value: string): boolean {
  const v = value.trim();
  return /^\$\{[^}]+\}$/.test(v) || /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(v) || /^\$?\{\{.*\}\}$/.test(v);
}
