/** Value judgements shared by the docker and compose rules. */
import { parseBoolean } from '../../../lib/values.js';

/** Values that are flags or small numbers, not secrets (`SECRET_KEY_BASE_DUMMY=1`, `TOKEN_TTL=3600`). */
export function notASecretValue(key: string, value: string): boolean {
  const v = value.trim();
  if (!v) return true;
  if (parseBoolean(v) !== undefined) return true;
  if (/^\d{1,6}$/.test(v)) return true;
  if (/_DUMMY$/i.test(key)) return true;
  // A path to a secret file (`/run/secrets/db_password`) is where the secret is, not the secret.
  if (/^\/(run|var\/run)\/secrets\//.test(v)) return true;
  return false;
}
