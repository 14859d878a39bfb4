/**
 * TLS gatherer: each of TLS 1.0 / 1.1 / 1.2 / 1.3 tried on its own (minVersion = maxVersion; the
 * old ones need `@SECLEVEL=0` for OpenSSL 3 to offer them at all), plus one handshake with a modern
 * client's defaults. The chain is verified against the system roots plus --ca; the host name is
 * matched separately with tls.checkServerIdentity so both verdicts are known.
 */
import { X509Certificate } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import { signatureAlgorithm } from './der.js';
import { errorCodeOf, errorMessageOf } from './http.js';
import { TLS_VERSIONS, type CertificateInfo, type ProbeTls, type ProtocolResult, type TlsVersion } from '../../facts/probe.js';

export interface TlsProbeOptions {
  host: string;
  port: number;
  /** Trusted roots (system + --ca). */
  ca: string[];
  /** The same roots as a context, built once (parsing a few hundred roots per handshake is slow). */
  secureContext?: tls.SecureContext;
  timeoutMs: number;
  file: string;
  environment: string;
}

interface HandshakeOk {
  ok: true;
  protocol: string;
  cipher: string;
  trusted: boolean;
  trustError?: string;
  hostnameMatches: boolean;
  hostnameError?: string;
  chain: CertificateInfo[];
}
interface HandshakeFail {
  ok: false;
  code: string;
  message: string;
}

const CURVE_BITS: Record<string, number> = { prime256v1: 256, secp256r1: 256, secp256k1: 256, secp384r1: 384, secp521r1: 521, secp224r1: 224, prime192v1: 192 };

export function certificateInfo(x: X509Certificate): CertificateInfo {
  const key = x.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  const keyType = key.asymmetricKeyType;
  let keyBits: number | undefined = details.modulusLength;
  if (keyType === 'ec' && details.namedCurve) keyBits = CURVE_BITS[details.namedCurve];
  if (keyType === 'ed25519') keyBits = 256;
  if (keyType === 'ed448') keyBits = 456;
  const sig = signatureAlgorithm(new Uint8Array(x.raw));
  let selfSigned = false;
  try {
    selfSigned = x.subject === x.issuer && x.checkIssued(x) && x.verify(x.publicKey);
  } catch {
    selfSigned = false;
  }
  return {
    subject: x.subject.replace(/\n/g, ', '),
    issuer: x.issuer.replace(/\n/g, ', '),
    subjectAltNames: (x.subjectAltName ?? '').split(/,\s*/).filter(Boolean),
    validFrom: new Date(x.validFrom).toISOString(),
    validTo: new Date(x.validTo).toISOString(),
    serialNumber: x.serialNumber,
    fingerprint256: x.fingerprint256,
    ...(keyType ? { keyType } : {}),
    ...(keyBits ? { keyBits } : {}),
    ...(details.namedCurve ? { curve: details.namedCurve } : {}),
    ...(sig ? { signatureAlgorithm: sig.name, signatureOid: sig.oid } : {}),
    selfSigned,
    ca: x.ca,
  };
}

/** The chain as the server sent it, leaf first (Node links it through issuerCertificate). */
function chainOf(socket: tls.TLSSocket): CertificateInfo[] {
  const out: CertificateInfo[] = [];
  const seen = new Set<string>();
  let cert = socket.getPeerCertificate(true) as tls.DetailedPeerCertificate | undefined;
  while (cert && cert.raw && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    try {
      out.push(certificateInfo(new X509Certificate(cert.raw)));
    } catch {
      break;
    }
    if (!cert.issuerCertificate || cert.issuerCertificate === cert) break;
    cert = cert.issuerCertificate;
  }
  return out;
}

/**
 * One handshake. `version` undefined: a modern client (Node's defaults) verifying against the
 * trusted roots. A version: only that version, at OpenSSL security level 0 — the question is what
 * the server accepts, not what a modern client would; `verify` adds the trusted roots.
 */
function handshake(o: TlsProbeOptions, version: TlsVersion | undefined, verify = version === undefined): Promise<HandshakeOk | HandshakeFail> {
  return new Promise((resolve) => {
    let done = false;
    const servername = net.isIP(o.host) ? undefined : o.host;
    const context: tls.ConnectionOptions = version
      ? { minVersion: version, maxVersion: version, ciphers: 'DEFAULT:@SECLEVEL=0', ...(verify ? { ca: o.ca } : {}) }
      : o.secureContext
        ? { secureContext: o.secureContext }
        : { ca: o.ca };
    const socket = tls.connect({
      host: o.host,
      port: o.port,
      ...(servername ? { servername } : {}),
      ...context,
      rejectUnauthorized: false,
      checkServerIdentity: () => undefined,
    });
    const finish = (r: HandshakeOk | HandshakeFail) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(r);
    };
    const timer = setTimeout(() => finish({ ok: false, code: 'ETIMEDOUT', message: `no TLS handshake within ${o.timeoutMs} ms` }), o.timeoutMs);
    socket.once('secureConnect', () => {
      try {
        const leaf = socket.getPeerCertificate();
        const idErr = leaf && Object.keys(leaf).length ? tls.checkServerIdentity(o.host, leaf) : new Error('no certificate');
        finish({
          ok: true,
          protocol: socket.getProtocol() ?? 'unknown',
          cipher: socket.getCipher()?.name ?? 'unknown',
          trusted: socket.authorized,
          ...(socket.authorized ? {} : { trustError: String(socket.authorizationError ?? 'UNKNOWN') }),
          hostnameMatches: !idErr,
          ...(idErr ? { hostnameError: (idErr as NodeJS.ErrnoException).code ?? idErr.message } : {}),
          chain: chainOf(socket),
        });
      } catch (e) {
        finish({ ok: false, code: errorCodeOf(e), message: errorMessageOf(e) });
      }
    });
    socket.once('error', (e) => finish({ ok: false, code: errorCodeOf(e), message: errorMessageOf(e) }));
    socket.once('close', () => finish({ ok: false, code: 'ECONNRESET', message: 'the connection closed during the handshake' }));
  });
}

/** Runs the five handshakes concurrently. */
export async function gatherTls(o: TlsProbeOptions): Promise<ProbeTls> {
  const [modern, ...each] = await Promise.all([handshake(o, undefined), ...TLS_VERSIONS.map((v) => handshake(o, v))]);
  const protocols = {} as Record<TlsVersion, ProtocolResult>;
  TLS_VERSIONS.forEach((v, i) => {
    const r = each[i]!;
    protocols[v] = r.ok ? { accepted: true, cipher: r.cipher } : { accepted: false, errorCode: r.code };
  });
  // Certificate facts from the modern handshake; else (a server stuck on old versions) one more
  // handshake with the newest accepted version, this time verifying against the trusted roots.
  let best = modern!.ok ? modern : undefined;
  if (!best) {
    const v = [...TLS_VERSIONS].reverse().find((x) => protocols[x].accepted);
    if (v) {
      const again = await handshake(o, v, true);
      if (again.ok) best = again;
    }
  }
  const servername = net.isIP(o.host) ? undefined : o.host;
  return {
    file: o.file,
    environment: o.environment,
    host: o.host,
    port: o.port,
    ...(servername ? { servername } : {}),
    protocols,
    ...(modern!.ok ? { negotiated: { protocol: modern!.protocol, cipher: modern!.cipher } } : { handshakeErrorCode: modern!.code, handshakeError: modern!.message }),
    trusted: best?.trusted ?? false,
    ...(best && !best.trusted ? { trustError: best.trustError } : {}),
    hostnameMatches: best?.hostnameMatches ?? false,
    ...(best?.hostnameError ? { hostnameError: best.hostnameError } : {}),
    chain: best?.chain ?? [],
  };
}
