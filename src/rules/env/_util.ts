/** Helpers shared by the `env` rules (not a rule). */
import { parseBoolean } from '../../lib/values.js';
export { effectiveEntries } from '../../facts/dotenv.js';
export { isReference } from '../../lib/values.js';

/**
 * A value that configures something rather than holds a secret: a boolean or a small number
 * (`BCRYPT_SALT_ROUNDS=12`, `MAX_TOKENS=1000`, `USE_TOKEN_AUTH=true` have secret-like names).
 */
export function isSettingValue(value: string): boolean {
  const v = value.trim();
  if (/^\d{1,5}$/.test(v)) return true;
  const b = parseBoolean(v);
  return b !== undefined && v !== '';
}

/** Password-like keys get a lower minimum length than signing keys and tokens. */
export function isPasswordKey(key: string): boolean {
  return /(passw(or)?d|passwd|pwd)/i.test(key) && !/(secret|token|key)/i.test(key.replace(/passw(or)?d|passwd|pwd/gi, ''));
}

/**
 * Minimum lengths from rule options (`minLength` for keys and tokens, `minPasswordLength`; the
 * deprecated `passwordMinLength` of env/weak-secret-value is read too).
 */
export function minLengths(options: Record<string, unknown>): { key: number; password: number } {
  const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.floor(v) : d);
  return { key: num(options.minLength, 32), password: num(options.minPasswordLength ?? options.passwordMinLength, 16) };
}

/** Environment variables naming a file that holds the value (`_FILE` convention). */
export function isFileReferenceKey(key: string): boolean {
  return /_FILE$/i.test(key);
}

/** "production" / "staging" in both languages for messages. */
export function envLabel(env: string): { en: string; ja: string } {
  const ja: Record<string, string> = { production: '本番', staging: 'ステージング', development: '開発', test: 'テスト' };
  return { en: env, ja: ja[env] ?? env };
}
