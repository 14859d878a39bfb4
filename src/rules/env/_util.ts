/** Helpers shared by the `env` rules (not a rule). */
import type { DotenvEntry } from '../../facts/dotenv.js';
import type { DotenvFile } from '../../facts/dotenv.js';
import { parseBoolean } from '../../lib/values.js';

/**
 * The entries that reach the application: for each key the last assignment (dotenv's rule),
 * in file order.
 */
export function effectiveEntries(f: DotenvFile): DotenvEntry[] {
  const last = new Map<string, DotenvEntry>();
  for (const e of f.entries) last.set(e.key, e);
  return f.entries.filter((e) => last.get(e.key) === e);
}

/** A reference expanded by a loader or rendered by a tool: `${VAR}`, `$VAR`, `{{ var }}`, `${{ secrets.X }}`. */
export function isReference(value: string): boolean {
  const v = value.trim();
  return /^\$\{[^}]+\}$/.test(v) || /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(v) || /^\$?\{\{.*\}\}$/.test(v);
}

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

/** Minimum lengths from rule options (`minLength` for keys and tokens, `minPasswordLength`). */
export function minLengths(options: Record<string, unknown>): { key: number; password: number } {
  const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.floor(v) : d);
  return { key: num(options.minLength, 32), password: num(options.minPasswordLength, 16) };
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
