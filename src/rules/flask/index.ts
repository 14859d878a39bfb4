import type { Rule } from '../../contracts/types.js';
import csrfDisabled from './csrf-disabled.js';
import cspBlocksTemplateAssets from './csp-blocks-template-assets.js';
import debugEnabled from './debug-enabled.js';
import devServer from './dev-server.js';
import errorDetailsExposed from './error-details-exposed.js';
import hardcodedSecretKey from './hardcoded-secret-key.js';
import inMemoryRateLimit from './in-memory-rate-limit.js';
import insecureSessionCookie from './insecure-session-cookie.js';
import permissiveCors from './permissive-cors.js';
import randomSecretKey from './random-secret-key.js';
import secretKeySetTwice from './secret-key-set-twice.js';
import sqliteDatabase from './sqlite-database.js';
import talismanHttpsDisabled from './talisman-https-disabled.js';
import unsafeUploadFilename from './unsafe-upload-filename.js';
import uploadSizeUnlimited from './upload-size-unlimited.js';
import weakCsp from './weak-csp.js';

/** Rules of the `flask` domain. */
export const rules: Rule<any>[] = [
  debugEnabled,
  devServer,
  hardcodedSecretKey,
  randomSecretKey,
  secretKeySetTwice,
  insecureSessionCookie,
  csrfDisabled,
  talismanHttpsDisabled,
  weakCsp,
  cspBlocksTemplateAssets,
  inMemoryRateLimit,
  uploadSizeUnlimited,
  unsafeUploadFilename,
  errorDetailsExposed,
  permissiveCors,
  sqliteDatabase,
];
