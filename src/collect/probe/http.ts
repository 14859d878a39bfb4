/**
 * The probe's HTTP client: undici with one Agent (connection reuse, --ca / --insecure, per-request
 * timeouts). Redirects are never followed automatically: the probe judges them.
 */
import { performance } from 'node:perf_hooks';
import type { SecureContext } from 'node:tls';
import { Agent, request } from 'undici';
import { VERSION } from '../../contracts/version.js';
import { maskSetCookie } from './cookies.js';

/** Bodies are read up to this many bytes, and stored as text up to STORE_BYTES. */
const READ_BYTES = 256 * 1024;
export const STORE_BYTES = 64 * 1024;

export interface HttpClientOptions {
  /** Trusted roots (system + --ca), built once; undefined: Node's defaults. */
  secureContext?: SecureContext;
  insecure: boolean;
  timeoutMs: number;
  /** Sent with every request (--header, --cookie). */
  headers: Record<string, string>;
}

export interface Exchange {
  url: string;
  status?: number;
  headers?: Record<string, string[]>;
  /** Unmasked Set-Cookie values (kept in memory only: cookie facts and the masker read them). */
  setCookies: string[];
  body?: string;
  bodyTruncated?: boolean;
  contentType?: string;
  ttfbMs?: number;
  timeMs: number;
  errorCode?: string;
  error?: string;
  /** The headers arrived but the body did not finish (stalled past the timeout, or cut off): why. */
  bodyErrorCode?: string;
  bodyError?: string;
}

/** What a request has received so far: kept so that a stalled body still yields its status and headers. */
interface Progress {
  head?: Omit<Exchange, 'timeMs' | 'body' | 'bodyTruncated'>;
  chunks: Buffer[];
}

const TEXTUAL = /^(text\/|application\/(json|xhtml\+xml|xml|javascript|problem\+json|.*\+json|.*\+xml))/i;

/** The most specific code of an error undici / node threw. */
export function errorCodeOf(e: unknown): string {
  const err = e as { code?: string; name?: string; cause?: { code?: string; name?: string } };
  if (err?.name === 'TimeoutError' || err?.cause?.name === 'TimeoutError') return 'ETIMEDOUT';
  return err?.code ?? err?.cause?.code ?? err?.name ?? 'ERROR';
}

export function errorMessageOf(e: unknown): string {
  const err = e as Error & { cause?: Error };
  const msg = err?.message || String(e);
  return err?.cause?.message && !msg.includes(err.cause.message) ? `${msg}: ${err.cause.message}` : msg;
}

export class HttpClient {
  readonly agent: Agent;
  readonly opts: HttpClientOptions;
  /** Number of requests made. */
  count = 0;
  /** URLs requested (distinct). */
  readonly urls = new Set<string>();

  constructor(opts: HttpClientOptions) {
    this.opts = opts;
    this.agent = new Agent({
      connect: { ...(opts.secureContext ? { secureContext: opts.secureContext } : {}), rejectUnauthorized: !opts.insecure, timeout: opts.timeoutMs },
      headersTimeout: opts.timeoutMs,
      bodyTimeout: opts.timeoutMs,
      keepAliveTimeout: 4000,
      // No per-origin connection limit: undici 7 can leave requests queued behind a limit pending
      // forever when connections fail (seen with certificate errors). The probe makes ~12 at once.
    });
  }

  /**
   * One GET, never following redirects; never throws (errors are part of the answer), never hangs:
   * besides undici's own timeouts, a referenced timer settles it (AbortSignal.timeout's timer does
   * not keep the process alive, and a request undici lost would otherwise never settle).
   */
  async get(url: string, extraHeaders: Record<string, string> = {}, opts: { readBody?: boolean } = {}): Promise<Exchange> {
    const t0 = performance.now();
    const controller = new AbortController();
    const progress: Progress = { chunks: [] };
    let timer: NodeJS.Timeout | undefined;
    const guard = new Promise<Exchange>((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        const timeMs = round(performance.now() - t0);
        // Headers but no complete body: the page answered, then stalled — not "does not answer".
        if (progress.head) resolve(stalled(progress, timeMs, 'ETIMEDOUT', `the body did not finish within ${this.opts.timeoutMs} ms`));
        else resolve({ url, setCookies: [], timeMs, errorCode: 'ETIMEDOUT', error: `no complete answer within ${this.opts.timeoutMs} ms` });
      }, this.opts.timeoutMs + 250);
    });
    try {
      return await Promise.race([this.fetch(url, extraHeaders, opts, controller.signal, progress), guard]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async fetch(url: string, extraHeaders: Record<string, string>, opts: { readBody?: boolean }, signal: AbortSignal, progress: Progress): Promise<Exchange> {
    this.count++;
    this.urls.add(url);
    const t0 = performance.now();
    const headers: Record<string, string> = { 'user-agent': `honban-probe/${VERSION}`, accept: 'text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8', ...this.opts.headers };
    for (const [k, v] of Object.entries(extraHeaders)) {
      if (k.toLowerCase() === 'cookie' && headers.cookie) headers.cookie = `${headers.cookie}; ${v}`;
      else headers[k.toLowerCase()] = v;
    }
    try {
      const res = await request(url, {
        method: 'GET',
        headers,
        dispatcher: this.agent,
        headersTimeout: this.opts.timeoutMs,
        bodyTimeout: this.opts.timeoutMs,
        signal,
      });
      const ttfbMs = performance.now() - t0;
      const hs: Record<string, string[]> = {};
      const setCookies: string[] = [];
      for (const [k, v] of Object.entries(res.headers)) {
        if (v === undefined) continue;
        const values = Array.isArray(v) ? v : [v];
        const name = k.toLowerCase();
        if (name === 'set-cookie') {
          setCookies.push(...values);
          hs[name] = values.map(maskSetCookie);
        } else hs[name] = values;
      }
      const contentType = hs['content-type']?.[0];
      progress.head = { url, status: res.statusCode, headers: hs, setCookies, ...(contentType ? { contentType } : {}), ttfbMs: round(ttfbMs) };
      let body: string | undefined;
      let truncated = false;
      const wantBody = opts.readBody !== false && (contentType === undefined || TEXTUAL.test(contentType));
      if (wantBody) {
        const chunks = progress.chunks;
        let size = 0;
        for await (const chunk of res.body) {
          const b = chunk as Buffer;
          chunks.push(b);
          size += b.length;
          if (size >= READ_BYTES) {
            truncated = true;
            break;
          }
        }
        if (truncated) res.body.destroy();
        const buf = Buffer.concat(chunks);
        if (buf.length > STORE_BYTES) truncated = true;
        body = new TextDecoder('utf-8').decode(buf.subarray(0, STORE_BYTES));
      } else {
        await res.body.dump({ limit: READ_BYTES }).catch(() => undefined);
      }
      return {
        url,
        status: res.statusCode,
        headers: hs,
        setCookies,
        ...(body !== undefined ? { body } : {}),
        ...(truncated ? { bodyTruncated: true } : {}),
        ...(contentType ? { contentType } : {}),
        ttfbMs: round(ttfbMs),
        timeMs: round(performance.now() - t0),
      };
    } catch (e) {
      const timeMs = round(performance.now() - t0);
      if (progress.head) return stalled(progress, timeMs, errorCodeOf(e), errorMessageOf(e));
      return { url, setCookies: [], timeMs, errorCode: errorCodeOf(e), error: errorMessageOf(e) };
    }
  }

  async close(): Promise<void> {
    await this.agent.destroy().catch(() => undefined);
  }
}

/** The answer of a request whose headers arrived and whose body did not finish. */
function stalled(p: Progress, timeMs: number, code: string, message: string): Exchange {
  const buf = Buffer.concat(p.chunks);
  return {
    ...p.head!,
    ...(p.chunks.length ? { body: new TextDecoder('utf-8').decode(buf.subarray(0, STORE_BYTES)) } : {}),
    bodyTruncated: true,
    timeMs,
    bodyErrorCode: code,
    bodyError: message,
  };
}

export function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** First value of a header (names lower-case). */
export function header(h: Record<string, string[]> | undefined, name: string): string | undefined {
  return h?.[name.toLowerCase()]?.[0];
}
