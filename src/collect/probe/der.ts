/**
 * Reads the signature algorithm of an X.509 certificate from its DER encoding (Node 20's
 * X509Certificate does not expose it). Certificate ::= SEQUENCE { tbsCertificate,
 * signatureAlgorithm AlgorithmIdentifier, signatureValue } (RFC 5280 §4.1).
 */

interface Tlv {
  tag: number;
  start: number; // first content byte
  end: number; // one past the last content byte
}

function readTlv(buf: Uint8Array, pos: number): Tlv {
  const tag = buf[pos]!;
  let len = buf[pos + 1]!;
  let p = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new Error('unsupported DER length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[p + i]!;
    p += n;
  }
  if (p + len > buf.length) throw new Error('truncated DER');
  return { tag, start: p, end: p + len };
}

function decodeOid(bytes: Uint8Array): string {
  const parts: number[] = [];
  const first = bytes[0]!;
  parts.push(Math.min(2, Math.floor(first / 40)), first - Math.min(2, Math.floor(first / 40)) * 40);
  let v = 0;
  for (let i = 1; i < bytes.length; i++) {
    v = v * 128 + (bytes[i]! & 0x7f);
    if (!(bytes[i]! & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

export const SIGNATURE_OIDS: Record<string, string> = {
  '1.2.840.113549.1.1.2': 'md2WithRSAEncryption',
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.14': 'sha224WithRSAEncryption',
  '1.2.840.10040.4.3': 'dsa-with-SHA1',
  '2.16.840.1.101.3.4.3.2': 'dsa-with-SHA256',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.1': 'ecdsa-with-SHA224',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
};

/** The outer signatureAlgorithm OID and its name (the name is the OID when unknown). */
export function signatureAlgorithm(der: Uint8Array): { oid: string; name: string } | undefined {
  try {
    const cert = readTlv(der, 0);
    if (cert.tag !== 0x30) return undefined;
    const tbs = readTlv(der, cert.start);
    const algId = readTlv(der, tbs.end);
    if (algId.tag !== 0x30) return undefined;
    const oid = readTlv(der, algId.start);
    if (oid.tag !== 0x06) return undefined;
    const id = decodeOid(der.subarray(oid.start, oid.end));
    return { oid: id, name: SIGNATURE_OIDS[id] ?? id };
  } catch {
    return undefined;
  }
}
