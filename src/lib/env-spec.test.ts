import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkValue, forbiddenMatch } from './env-spec.js';
import { effectiveSpec, schemaPositions } from '../config/variables.js';
import type { VarSpec } from '../contracts/config.js';

const bad = (value: string, spec: VarSpec) => checkValue(value, spec).map((p) => p.keyword);

test('schema keyword type: each type accepts its values and rejects others', () => {
  const cases: [VarSpec['type'], string[], string[]][] = [
    ['boolean', ['true', 'FALSE', '1', '0', 'yes', 'No', 'on', 'OFF'], ['maybe', '2', 'tru']],
    ['integer', ['0', '-3', '+42'], ['1.5', 'ten', '1e3']],
    ['number', ['1.5', '-0.25', '3', '1e-3', '.5'], ['one', '1,5', '0x10']],
    ['port', ['1', '8080', '65535'], ['0', '65536', '80a', '-1']],
    ['url', ['https://example.com/x', 'postgresql://u@db:5432/app', 'redis://:pw@r:6379/0', 'sqlite:///app.db'], ['example.com', 'http://', 'not a url']],
    ['email', ['ops@example.com', 'a.b+c@sub.example.co.jp'], ['ops@', 'ops@example', 'ops example.com']],
    ['string', ['anything at all'], []],
  ];
  for (const [type, good, wrong] of cases) {
    for (const v of good) assert.deepEqual(bad(v, { type }), [], `${type}: ${v} accepted`);
    for (const v of wrong) assert.deepEqual(bad(v, { type }), ['type'], `${type}: ${v} rejected`);
  }
});

test('schema keywords minLength / maxLength / min / max / pattern / schemes / values / equals', () => {
  assert.deepEqual(bad('abc', { minLength: 4 }), ['minLength']);
  assert.deepEqual(bad('abcd', { minLength: 4 }), []);
  assert.deepEqual(bad('日本語です', { maxLength: 5 }), [], 'length counts characters');
  assert.deepEqual(bad('abcdef', { maxLength: 5 }), ['maxLength']);
  assert.deepEqual(bad('5', { min: 10 }), ['min']);
  assert.deepEqual(bad('10', { min: 10, max: 10 }), []);
  assert.deepEqual(bad('11', { max: 10 }), ['max']);
  assert.deepEqual(bad('many', { max: 10 }), ['max'], 'a non-number cannot satisfy max');
  assert.deepEqual(bad('many', { type: 'integer', max: 10 }), ['type'], 'reported once, as a type problem');
  assert.deepEqual(bad('ap-northeast-1', { pattern: '^ap-[a-z]+-\\d$' }), []);
  assert.deepEqual(bad('us-east-1', { pattern: '^ap-' }), ['pattern']);
  assert.deepEqual(bad('https://x.example', { type: 'url', schemes: ['https'] }), []);
  assert.deepEqual(bad('http://x.example', { type: 'url', schemes: ['https:'] }), ['schemes']);
  assert.deepEqual(bad('blue', { type: 'enum', values: ['blue', 'green'] }), []);
  assert.deepEqual(bad('Blue', { type: 'enum', values: ['blue', 'green'] }), ['values'], 'enum strings are exact');
  assert.deepEqual(bad('2', { values: [1, 2, 3] }), []);
  assert.deepEqual(bad('yes', { equals: true }), [], 'booleans compare by meaning');
  assert.deepEqual(bad('False', { equals: true }), ['equals']);
  assert.deepEqual(bad('3600.0', { equals: 3600 }), [], 'numbers compare numerically');
  assert.deepEqual(bad('production', { equals: 'production' }), []);
  assert.deepEqual(bad('Production', { equals: 'production' }), ['equals']);
});

test('schema keyword forbid: strings in any case, numbers and booleans by meaning', () => {
  assert.equal(forbiddenMatch('run_worker', { forbid: ['RUN_WORKER'] }), 'RUN_WORKER');
  assert.equal(forbiddenMatch('0.0', { forbid: [0] }), 0);
  assert.equal(forbiddenMatch('on', { forbid: [true] }), true);
  assert.equal(forbiddenMatch('launch', { forbid: ['RUN_WORKER', 0, true] }), undefined);
});

test('effective spec: the environment override is merged over the base; aliases count; positions point at the override', async () => {
  const yml = 'variables:\n  FORCE_HTTPS:\n    type: boolean\n    environments:\n      live:\n        equals: true\n  OTHER: { required: true }\n';
  const pos = await schemaPositions('honban.yml', yml, 'honban.yml');
  const config = { environments: { production: { aliases: ['live'] } }, variables: { FORCE_HTTPS: { type: 'boolean', environments: { live: { equals: true } } }, OTHER: { required: true } } };
  const prod = effectiveSpec('FORCE_HTTPS', config, 'production', pos)!;
  assert.equal(prod.equals, true);
  assert.equal(prod.type, 'boolean');
  assert.equal(prod.override, 'live');
  assert.deepEqual(prod.declaredIn, { file: 'honban.yml', line: 5, column: 7 });
  const dev = effectiveSpec('FORCE_HTTPS', config, 'development', pos)!;
  assert.equal(dev.equals, undefined);
  assert.deepEqual(dev.declaredIn, { file: 'honban.yml', line: 2, column: 3 });
  assert.equal(effectiveSpec('OTHER', config, 'production', pos)!.declaredIn!.line, 7);
  assert.equal(effectiveSpec('DEBUG', {}, 'production')!.origin, 'catalog');
  assert.equal(effectiveSpec('SOMETHING_ELSE', {}, 'production'), undefined);
});
