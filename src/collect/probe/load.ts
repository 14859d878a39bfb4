/**
 * Load gatherer (`--load N --concurrency C`): autocannon with hard caps — never more than 10,000
 * requests and never longer than 60 s, whatever is asked. GET only.
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { MAX_LOAD_REQUESTS, MAX_LOAD_SECONDS } from './options.js';
import type { ProbeLoad } from '../../facts/probe.js';

export interface LoadOptions {
  url: string;
  headers: Record<string, string>;
  insecure: boolean;
  timeoutMs: number;
  requests: number;
  concurrency: number;
  file: string;
  environment: string;
  /** Test hook: a smaller time cap in seconds. */
  maxSeconds?: number;
}

interface AutocannonResult {
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats?: Record<string, { count: number }>;
  latency: { p50: number; p90: number; p99: number; max: number; mean: number };
  requests: { total: number; sent?: number };
}

type Instance = PromiseLike<AutocannonResult> & { stop(): void; on(ev: string, fn: (...a: unknown[]) => void): void };

/** With no answer at all for this long (and at least 2 × the timeout), the load test stops: the site is down. */
const NO_ANSWER_MS = 5000;
type Autocannon = (opts: Record<string, unknown>) => Instance;

export async function gatherLoad(o: LoadOptions): Promise<ProbeLoad> {
  // autocannon is CommonJS and heavy: loaded only for --load.
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const requests = Math.min(o.requests, MAX_LOAD_REQUESTS);
  const concurrency = Math.max(1, Math.min(o.concurrency, requests));
  const capSeconds = Math.min(o.maxSeconds ?? MAX_LOAD_SECONDS, MAX_LOAD_SECONDS);
  const t0 = performance.now();
  const instance = autocannon({
    url: o.url,
    method: 'GET',
    amount: requests,
    connections: concurrency,
    timeout: Math.max(1, Math.ceil(o.timeoutMs / 1000)),
    headers: { 'user-agent': 'honban-probe (load)', ...o.headers },
    sampleInt: 100,
    // autocannon never verifies certificates (it connects with rejectUnauthorized: false), so no
    // trust store is passed (a shared secureContext even crashes it); the probe runs the load test
    // only when the TLS gatherer found the certificate trusted, or with --insecure.
  });
  let stoppedByCap = false;
  let stoppedNoAnswer = false;
  let answered = 0;
  const errorCodes: Record<string, number> = {};
  instance.on('response', () => {
    answered++;
  });
  instance.on('reqError', (e: unknown) => {
    const code = (e as { code?: string })?.code ?? 'ERROR';
    errorCodes[code] = (errorCodes[code] ?? 0) + 1;
  });
  const cap = setTimeout(() => {
    stoppedByCap = true;
    instance.stop();
  }, capSeconds * 1000);
  // A site that stops answering (or never did) is not load-tested for the full cap.
  const quiet = setTimeout(() => {
    if (answered === 0) {
      stoppedNoAnswer = true;
      instance.stop();
    }
  }, Math.max(NO_ANSWER_MS, 2 * o.timeoutMs));
  let r: AutocannonResult;
  try {
    r = await instance;
  } finally {
    clearTimeout(cap);
    clearTimeout(quiet);
  }
  const durationMs = Math.round(performance.now() - t0);
  const statusCodes: Record<string, number> = {};
  for (const [code, v] of Object.entries(r.statusCodeStats ?? {})) statusCodes[code] = v.count;
  const completed = Object.values(statusCodes).reduce((a, b) => a + b, 0);
  return {
    file: o.file,
    environment: o.environment,
    requested: requests,
    concurrency,
    completed,
    sent: r.requests.sent ?? completed + r.errors,
    errors: r.errors,
    errorCodes,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    statusCodes,
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, mean: r.latency.mean },
    durationMs,
    requestsPerSecond: durationMs > 0 ? Math.round((completed / durationMs) * 1000 * 10) / 10 : 0,
    stoppedByCap: stoppedByCap && !stoppedNoAnswer,
    ...(stoppedNoAnswer ? { stoppedNoAnswer: true } : {}),
  };
}
