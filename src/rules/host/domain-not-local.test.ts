import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './domain-not-local.js';
import { expectHostLines } from '../../testing/host-rules.js';

const dns = (addresses: string[], error?: string) => ({ hostDns: [{ file: 'host:dns api.example.com', domain: 'api.example.com', addresses, local: ['10.0.0.5'], ...(error ? { error } : {}) }] });

test('a name resolving elsewhere, or not at all, is reported', async () => {
  await expectHostLines(rule, dns(['198.51.100.7']), ['host:dns api.example.com:-']);
  const [f] = await expectHostLines(rule, dns([], 'ENOTFOUND'), ['host:dns api.example.com:-']);
  assert.match(f!.message, /ENOTFOUND/);
});

test('a local address, or one listed in host.addresses (NAT), passes', async () => {
  await expectHostLines(rule, dns(['10.0.0.5']), []);
  await expectHostLines(rule, dns(['203.0.113.9']), [], { host: { addresses: ['203.0.113.9'] } });
});
