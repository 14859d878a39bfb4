/**
 * Fact shapes of `honban probe`. Gatherers (src/collect/probe/) produce them; rules
 * (the rules whose command is probe) judge them. Every fact's `file` is the URL it is about.
 *
 * Nothing secret is ever stored: cookie values are reduced to their length, the values of
 * `--header` / `--cookie` are registered with the masker and replaced by `****` in saved facts.
 */
import type { BaseFact } from '../contracts/collector.js';

export type TlsVersion = 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
export const TLS_VERSIONS: readonly TlsVersion[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

/** What was probed and how (one per run). */
export interface ProbeTarget extends BaseFact {
  /** The URL given (normalized). */
  url: string;
  scheme: 'http' | 'https';
  /** Host name or IP address (IPv6 without brackets). */
  host: string;
  port: number;
  /** When the facts were gathered (ISO 8601): rules compute ages (certificate expiry) from it. */
  gatheredAt: string;
  /** Addresses the host name resolved to. */
  addresses: string[];
  /** Resolution failed: the error code (ENOTFOUND, EAI_AGAIN …). */
  dnsError?: string;
  /** `--insecure`: certificate errors did not stop the HTTP checks. */
  insecure: boolean;
  /** `--ca` was given (its path). */
  caFile?: string;
  /** `--expect-server` (a regular expression source). */
  expectServer?: string;
  loginPath?: string;
  healthPath?: string;
  /** The plain-HTTP URL tested for the redirect. */
  httpUrl?: string;
  /** Per-request timeout in milliseconds. */
  timeoutMs: number;
  /** Names of the `--header` headers sent with every request (values never stored). */
  sentHeaders: string[];
  /** Names of the `--cookie` cookies sent with every request (values never stored). */
  sentCookies: string[];
  /** Version of honban that gathered the facts. */
  toolVersion: string;
}

/** Same-origin redirects the probe follows from the URL (and --login-path, --health-path) before it calls the chain endless. */
export const MAX_MAIN_REDIRECTS = 10;

/** Why a request was made (rules pick the responses they judge by role). */
export type ResponseRole =
  | 'main' // the URL itself (and the same-origin redirects it leads to: hop > 0)
  | 'not-found' // a random path that cannot exist
  | 'malformed' // a path with broken percent-encoding, to provoke an error page
  | 'werkzeug-console' // /console (Werkzeug's interactive console)
  | 'werkzeug-resource' // ?__debugger__=yes&cmd=resource (served only when the debugger is on)
  | 'rails-info' // /rails/info/properties (development only)
  | 'cors-foreign' // the URL with `Origin: https://<random>.invalid`
  | 'cors-null' // the URL with `Origin: null`
  | 'login' // --login-path (and its same-origin redirects)
  | 'health'; // --health-path

/** One request and its answer (or the error instead of an answer). */
export interface ProbeResponse extends BaseFact {
  role: ResponseRole;
  /** 0 for the first request of a role; 1, 2 … for the redirects followed after it. */
  hop: number;
  url: string;
  method: 'GET';
  /** Headers this request added on top of the shared ones (Origin for CORS). */
  requestHeaders?: Record<string, string>;
  status?: number;
  /** Response headers, names lower-cased; `set-cookie` values are masked. */
  headers?: Record<string, string[]>;
  /** The body as text (only text-like types), at most 64 KiB. */
  body?: string;
  bodyTruncated?: boolean;
  contentType?: string;
  /** Milliseconds until the headers arrived. */
  ttfbMs?: number;
  /** Milliseconds until the body was read. */
  timeMs: number;
  /** No answer: the error code (ECONNREFUSED, UND_ERR_HEADERS_TIMEOUT, a TLS error …). */
  errorCode?: string;
  error?: string;
  /** The status and headers arrived, the body did not finish: why (ETIMEDOUT for a stalled body, UND_ERR_SOCKET …). */
  bodyErrorCode?: string;
  bodyError?: string;
}

/** The plain-HTTP URL and the redirects it leads to (up to 5 hops, while still on http). */
export interface ProbeRedirect extends BaseFact {
  httpUrl: string;
  hops: { url: string; status?: number; location?: string; errorCode?: string; error?: string; server?: string }[];
}

/** One certificate of the chain the server sent (index 0 is the leaf). */
export interface CertificateInfo {
  subject: string;
  issuer: string;
  /** DNS:… and IP Address:… entries. */
  subjectAltNames: string[];
  validFrom: string;
  validTo: string;
  serialNumber: string;
  fingerprint256: string;
  /** rsa, ec, ed25519, ed448, dsa … */
  keyType?: string;
  /** RSA / DSA modulus length, or the EC curve's size. */
  keyBits?: number;
  curve?: string;
  /** e.g. sha256WithRSAEncryption, ecdsa-with-SHA256, sha1WithRSAEncryption (from the DER). */
  signatureAlgorithm?: string;
  signatureOid?: string;
  selfSigned: boolean;
  ca: boolean;
}

export interface ProtocolResult {
  accepted: boolean;
  /** The cipher negotiated when accepted. */
  cipher?: string;
  /** Why not (the OpenSSL / Node error code). */
  errorCode?: string;
}

/** What a TLS client learns from the server (one per HTTPS target). */
export interface ProbeTls extends BaseFact {
  host: string;
  port: number;
  /** SNI sent (absent for an IP address). */
  servername?: string;
  /** Each version tried on its own (minVersion = maxVersion). */
  protocols: Record<TlsVersion, ProtocolResult>;
  /** A modern client's handshake (TLS 1.2–1.3 default settings). */
  negotiated?: { protocol: string; cipher: string };
  /** No version could be negotiated: the error of the default handshake. */
  handshakeErrorCode?: string;
  handshakeError?: string;
  /** The chain verifies against the system roots plus --ca. */
  trusted: boolean;
  /** OpenSSL's verification error (DEPTH_ZERO_SELF_SIGNED_CERT, CERT_HAS_EXPIRED, UNABLE_TO_VERIFY_LEAF_SIGNATURE …). */
  trustError?: string;
  /** The certificate names the host (tls.checkServerIdentity). */
  hostnameMatches: boolean;
  hostnameError?: string;
  chain: CertificateInfo[];
}

/** A Set-Cookie the site sent (value never stored, only its length). */
export interface ProbeCookie extends BaseFact {
  /** The URL of the response that set it. */
  url: string;
  role: ResponseRole;
  name: string;
  valueLength: number;
  secure: boolean;
  httpOnly: boolean;
  /** As sent (Strict / Lax / None / something else); absent when not set. */
  sameSite?: string;
  domain?: string;
  path?: string;
  /** A deletion (Max-Age ≤ 0 or Expires in the past). */
  expired: boolean;
  /** The response was served over https. */
  overHttps: boolean;
}

/** An HTML form found on a page (login page, main page). */
export interface ProbeForm extends BaseFact {
  url: string;
  role: ResponseRole;
  /** Index of the form on the page (0-based). */
  index: number;
  action?: string;
  /** Resolved action URL (against the page URL). */
  actionUrl: string;
  method: string;
  inputs: { name?: string; type: string; valueLength: number }[];
  /** `<meta name="csrf-token">`-like tags on the page (Rails, Laravel, SPA setups). */
  csrfMeta: string[];
}

/** A few sequential requests to the URL. */
export interface ProbeLatency extends BaseFact {
  samplesMs: number[];
  statuses: (number | null)[];
  errors: string[];
}

/** `--load N --concurrency C` with autocannon. */
export interface ProbeLoad extends BaseFact {
  requested: number;
  concurrency: number;
  /** Responses received. */
  completed: number;
  /** Requests started (a request refused at connect counts: autocannon counts it sent). */
  sent?: number;
  /** Requests that got no response (connection refused / reset, timeouts). */
  errors: number;
  /** Those errors by code (ECONNREFUSED, ETIMEDOUT …). */
  errorCodes?: Record<string, number>;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  durationMs: number;
  requestsPerSecond: number;
  /** Stopped by the 60 s cap before all requests were sent. */
  stoppedByCap: boolean;
  /** Stopped early: not a single request got an answer (the site went down or never answered). */
  stoppedNoAnswer?: boolean;
}

declare module '../contracts/types.js' {
  interface FactTypes {
    probeTarget: ProbeTarget;
    probeTls: ProbeTls;
    probeRedirect: ProbeRedirect;
    probeResponse: ProbeResponse;
    probeCookie: ProbeCookie;
    probeForm: ProbeForm;
    probeLatency: ProbeLatency;
    probeLoad: ProbeLoad;
  }
}

/** Every fact name of the probe. */
export const PROBE_FACTS = ['probeTarget', 'probeTls', 'probeRedirect', 'probeResponse', 'probeCookie', 'probeForm', 'probeLatency', 'probeLoad'] as const;
