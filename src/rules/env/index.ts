import type { Rule } from '../../contracts/types.js';
import dangerousSwitch from './dangerous-switch.js';
import debugEnabled from './debug-enabled.js';
import debugLogLevel from './debug-log-level.js';
import developmentMode from './development-mode.js';
import duplicateKey from './duplicate-key.js';
import inMemoryRateLimit from './in-memory-rate-limit.js';
import malformedLine from './malformed-line.js';
import placeholderValue from './placeholder-value.js';
import productionFileNotIgnored from './production-file-not-ignored.js';
import secretInTemplate from './secret-in-template.js';
import sqliteDatabase from './sqlite-database.js';
import weakSecret from './weak-secret.js';
import worldReadableFile from './world-readable-file.js';

/** Rules of the `env` domain. */
export const rules: Rule<any>[] = [
  weakSecret,
  placeholderValue,
  secretInTemplate,
  debugEnabled,
  developmentMode,
  dangerousSwitch,
  sqliteDatabase,
  inMemoryRateLimit,
  debugLogLevel,
  productionFileNotIgnored,
  worldReadableFile,
  duplicateKey,
  malformedLine,
];
