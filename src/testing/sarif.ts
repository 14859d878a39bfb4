/**
 * Validation against the official SARIF 2.1.0 JSON Schema (OASIS, errata 01), vendored unchanged in
 * test/schemas/ (see its README for the source). The schema is JSON Schema draft-04: ajv-draft-04.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO } from './cli.js';

type Validate = ((d: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
let validate: Validate | undefined;

function validator(): Validate {
  if (!validate) {
    const require = createRequire(import.meta.url);
    const mod = require('ajv-draft-04');
    const Ajv = mod.default ?? mod;
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    const schema = JSON.parse(readFileSync(path.join(REPO, 'test', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8'));
    validate = ajv.compile(schema) as Validate;
  }
  return validate;
}

/** Asserts `log` (parsed SARIF) is valid SARIF 2.1.0. */
export function validateSarif(log: unknown, what = 'SARIF'): void {
  const v = validator();
  const ok = v(log);
  assert.ok(ok, `${what} is not valid SARIF 2.1.0:\n${(v.errors ?? []).map((e) => `  ${e.instancePath || '/'}: ${e.message}`).join('\n')}`);
}
