import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (dist/probe/testing → ../../..). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'probe');
export const BIN = path.join(ROOT, 'bin', 'honban.js');
