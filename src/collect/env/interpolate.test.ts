import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expand, parseInterpolation, type LookupResult } from './interpolate.js';

const env: Record<string, string> = { HOST: 'db.internal', EMPTY: '', USER: 'app', PORT: '5432' };
const lookup = (n: string): LookupResult => (n in env ? { defined: true, value: env[n]! } : { defined: false, value: '' });
const run = (s: string) => expand(parseInterpolation(s), lookup);

test('interpolation: ${VAR} and $VAR', () => {
  assert.equal(run('postgresql://${USER}@$HOST:${PORT}/app').value, 'postgresql://app@db.internal:5432/app');
  assert.deepEqual(run('${HOST}').unresolved, []);
  assert.deepEqual(run('x-$MISSING-y').unresolved, [{ name: 'MISSING', required: false }]);
  assert.equal(run('x-$MISSING-y').value, 'x--y');
});

test('interpolation: defaults and alternatives follow the shell (":-" also for empty, "-" only for unset)', () => {
  assert.equal(run('${MISSING:-fallback}').value, 'fallback');
  assert.equal(run('${EMPTY:-fallback}').value, 'fallback');
  assert.equal(run('${EMPTY-fallback}').value, '');
  assert.equal(run('${MISSING-fallback}').value, 'fallback');
  assert.equal(run('${MISSING:=assigned}').value, 'assigned');
  assert.equal(run('${HOST:+set}').value, 'set');
  assert.equal(run('${EMPTY:+set}').value, '');
  assert.equal(run('${EMPTY+set}').value, 'set');
  assert.equal(run('${MISSING:-${HOST}:${PORT}}').value, 'db.internal:5432', 'nested references in a default');
  assert.deepEqual(run('${MISSING:-plain}').unresolved, []);
});

test('interpolation: ${VAR:?message} / ${VAR?message} mark a required reference', () => {
  assert.deepEqual(run('${MISSING:?set it}').unresolved, [{ name: 'MISSING', required: true }]);
  assert.deepEqual(run('${EMPTY:?set it}').unresolved, [{ name: 'EMPTY', required: true }]);
  assert.deepEqual(run('${EMPTY?set it}').unresolved, []);
});

test('interpolation: escapes, lone dollars and unsupported forms stay literal', () => {
  assert.equal(run('price: \\$5').value, 'price: $5');
  assert.equal(run('a $ b $1 $').value, 'a $ b $1 $');
  assert.equal(run('${HOST/db/x}').value, '${HOST/db/x}');
  assert.equal(run('${unterminated').value, '${unterminated');
  assert.equal(run('${1BAD}').value, '${1BAD}');
});

test('interpolation: $(…) is kept as text, counted, never run', () => {
  const r = run('key-$(openssl rand -hex 32)-$(echo $(date))');
  assert.equal(r.commandSubstitutions, 2);
  assert.equal(r.value, 'key-$(openssl rand -hex 32)-$(echo $(date))');
  assert.equal(run('\\$(date)').commandSubstitutions, 0);
});
