import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { signatureAlgorithm } from './der.js';
import { certificateInfo } from './tls.js';
import { FIXTURES } from '../../testing/probe/paths.js';

const load = (name: string) => new X509Certificate(readFileSync(path.join(FIXTURES, 'certs', name)));

test('signatureAlgorithm reads the outer AlgorithmIdentifier of a certificate', () => {
  assert.deepEqual(signatureAlgorithm(new Uint8Array(load('ec-sha1.pem').raw)), { oid: '1.2.840.10045.4.1', name: 'ecdsa-with-SHA1' });
  assert.deepEqual(signatureAlgorithm(new Uint8Array(load('rsa1024-sha256.pem').raw)), { oid: '1.2.840.113549.1.1.11', name: 'sha256WithRSAEncryption' });
  assert.deepEqual(signatureAlgorithm(new Uint8Array(load('ed25519.pem').raw)), { oid: '1.3.101.112', name: 'Ed25519' });
});

test('signatureAlgorithm returns undefined for garbage instead of throwing', () => {
  assert.equal(signatureAlgorithm(new Uint8Array([0x30, 0x82, 0xff])), undefined);
  assert.equal(signatureAlgorithm(new Uint8Array([0x04, 0x00])), undefined);
});

test('certificateInfo: key type and size, self-signed, SANs', () => {
  const rsa = certificateInfo(load('rsa1024-sha256.pem'));
  assert.deepEqual([rsa.keyType, rsa.keyBits, rsa.selfSigned, rsa.signatureAlgorithm], ['rsa', 1024, true, 'sha256WithRSAEncryption']);
  const ec = certificateInfo(load('ec-sha1.pem'));
  assert.deepEqual([ec.keyType, ec.keyBits, ec.curve, ec.selfSigned], ['ec', 256, 'prime256v1', false]);
  assert.deepEqual(ec.subjectAltNames, ['DNS:localhost', 'IP Address:127.0.0.1']);
  assert.match(ec.validTo, /^\d{4}-\d\d-\d\dT/);
});
