/**
 * Runs every gatherer concurrently against one site and returns the facts. Each request has its
 * own timeout, and the whole run has a deadline: the command never hangs.
 */
import { lookup } from 'node:dns/promises';
import { performance } from 'node:perf_hooks';
import tls from 'node:tls';
import { VERSION } from '../../contracts/version.js';
import { HttpClient, header, round, type Exchange } from './http.js';
import { hostOf, isIp, portOf, type ResolvedOptions } from './options.js';
import { MAX_MAIN_REDIRECTS, type ResponseRole } from '../../facts/probe.js';
import { GatherStore } from './store.js';
import { gatherTls } from './tls.js';

export interface GatherResult {
  store: GatherStore;
  /** Number of distinct URLs requested. */
  urls: number;
  totalMs: number;
}

export interface GatherOptions {
  environment: string;
  now?: Date;
  onProgress?: (m: string) => void;
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

function locationOf(ex: Exchange): string | undefined {
  const loc = header(ex.headers, 'location');
  if (!loc || ex.status === undefined || ex.status < 300 || ex.status > 399) return undefined;
  try {
    return new URL(loc, ex.url).href;
  } catch {
    return undefined;
  }
}

/**
 * GET `url`, then follow same-origin redirects (up to MAX_MAIN_REDIRECTS; a URL already visited
 * ends the chain: http/redirect-loop reports both), carrying the cookies they set.
 */
async function chain(client: HttpClient, store: GatherStore, role: ResponseRole, url: string, follow: boolean): Promise<Exchange[]> {
  const out: Exchange[] = [];
  const jar = new Map<string, string>();
  let next: string | undefined = url;
  for (let hop = 0; next && hop <= MAX_MAIN_REDIRECTS; hop++) {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const ex = await client.get(next, cookie ? { cookie } : {});
    store.record(ex, role, hop);
    out.push(ex);
    for (const raw of ex.setCookies) {
      const eq = raw.indexOf('=');
      const semi = raw.indexOf(';');
      if (eq > 0) jar.set(raw.slice(0, eq).trim(), raw.slice(eq + 1, semi < 0 ? undefined : semi).trim());
    }
    const loc = locationOf(ex);
    next = follow && loc && sameOrigin(loc, url) && !out.some((e) => e.url === loc) ? loc : undefined;
  }
  return out;
}

async function timed<T>(store: GatherStore, name: string, fn: () => Promise<T>): Promise<T | undefined> {
  const t0 = performance.now();
  try {
    return await fn();
  } catch (e) {
    store.errors.push({ kind: 'collector', message: `${name}: ${(e as Error).message}` });
    return undefined;
  } finally {
    store.timing[name] = round(performance.now() - t0);
  }
}

/** The plain-HTTP address and where it redirects (up to 5 hops while still on http). */
async function gatherRedirect(client: HttpClient, store: GatherStore, httpUrl: string): Promise<void> {
  const hops: { url: string; status?: number; location?: string; errorCode?: string; error?: string; server?: string }[] = [];
  let next: string | undefined = httpUrl;
  for (let i = 0; next && i < 5; i++) {
    const ex = await client.get(next, {}, { readBody: false });
    for (const raw of ex.setCookies) {
      const eq = raw.indexOf('=');
      const semi = raw.indexOf(';');
      if (eq > 0) store.secret(raw.slice(eq + 1, semi < 0 ? undefined : semi));
    }
    const location = locationOf(ex);
    const server = header(ex.headers, 'server');
    hops.push({
      url: next,
      ...(ex.status !== undefined ? { status: ex.status } : {}),
      ...(location ? { location } : {}),
      ...(server ? { server } : {}),
      ...(ex.errorCode ? { errorCode: ex.errorCode, error: ex.error } : {}),
    });
    next = location && location.startsWith('http:') && !hops.some((h) => h.url === location) ? location : undefined;
  }
  store.add('probeRedirect', { file: httpUrl, environment: store.environment, httpUrl, hops });
}

async function gatherLatency(client: HttpClient, store: GatherStore, url: string, n: number): Promise<void> {
  const samplesMs: number[] = [];
  const statuses: (number | null)[] = [];
  const errors: string[] = [];
  for (let i = 0; i < n; i++) {
    const ex = await client.get(url);
    if (ex.errorCode) {
      errors.push(ex.errorCode);
      statuses.push(null);
      break; // a failing site is not sampled again: the run stays short
    }
    samplesMs.push(ex.timeMs);
    statuses.push(ex.status ?? null);
  }
  store.add('probeLatency', { file: url, environment: store.environment, samplesMs, statuses, errors });
}

/** Gathers everything about `o.url`. */
export async function gatherAll(o: ResolvedOptions, g: GatherOptions): Promise<GatherResult> {
  const t0 = performance.now();
  const now = g.now ?? new Date();
  const store = new GatherStore(g.environment, now);
  for (const s of o.secrets) store.secret(s);
  const url = o.url.href;
  const host = hostOf(o.url);
  const port = portOf(o.url);
  // DNS first: when the name does not resolve, every other request would fail the same way.
  let addresses: string[] = [];
  let dnsError: string | undefined;
  await timed(store, 'dns', async () => {
    if (isIp(host)) addresses = [host];
    else {
      try {
        addresses = (await lookup(host, { all: true })).map((a) => a.address);
      } catch (e) {
        dnsError = (e as NodeJS.ErrnoException).code ?? 'ENOTFOUND';
      }
    }
  });
  store.add('probeTarget', {
    file: url,
    environment: g.environment,
    url,
    scheme: o.url.protocol === 'https:' ? 'https' : 'http',
    host,
    port,
    gatheredAt: now.toISOString(),
    addresses,
    ...(dnsError ? { dnsError } : {}),
    insecure: o.insecure,
    ...(o.caFile ? { caFile: o.caFile } : {}),
    ...(o.expectServer !== undefined ? { expectServer: o.expectServer } : {}),
    ...(o.loginPath ? { loginPath: o.loginPath } : {}),
    ...(o.healthPath ? { healthPath: o.healthPath } : {}),
    ...(o.httpUrl ? { httpUrl: o.httpUrl.href } : {}),
    timeoutMs: o.timeoutMs,
    sentHeaders: o.headerNames,
    sentCookies: o.cookieNames,
    toolVersion: VERSION,
  });
  if (dnsError) return { store, urls: 0, totalMs: round(performance.now() - t0) };

  // Parsing the trusted roots costs ~30 ms: once, shared by every connection.
  const tctx = performance.now();
  const secureContext = tls.createSecureContext({ ca: o.ca });
  store.timing.context = round(performance.now() - tctx);
  const client = new HttpClient({ secureContext, insecure: o.insecure, timeoutMs: o.timeoutMs, headers: o.headers });
  // Fixed names (not random): the same site gives the same finding URLs run after run, so
  // baselines and fingerprints stay stable. `.invalid` can never be a real origin (RFC 2606).
  const marker = 'probe-7f3c1a';
  const rel = (p: string) => new URL(p, url).href;
  const jobs: Promise<unknown>[] = [];
  g.onProgress?.(`probing ${url}…`);
  if (o.url.protocol === 'https:') {
    jobs.push(timed(store, 'tls', async () => store.add('probeTls', await gatherTls({ host, port, ca: o.ca, secureContext, timeoutMs: o.timeoutMs, file: url, environment: g.environment }))));
  }
  if (o.httpUrl) {
    const httpUrl = o.httpUrl.href;
    jobs.push(timed(store, 'redirect', () => gatherRedirect(client, store, httpUrl)));
  }
  jobs.push(timed(store, 'main', () => chain(client, store, 'main', url, true)));
  const foreign = 'https://honban-probe.invalid';
  jobs.push(timed(store, 'cors', async () => {
    const [a, b] = await Promise.all([client.get(url, { origin: foreign }, { readBody: false }), client.get(url, { origin: 'null' }, { readBody: false })]);
    store.record(a, 'cors-foreign', 0, { origin: foreign });
    store.record(b, 'cors-null', 0, { origin: 'null' });
  }));
  jobs.push(timed(store, 'debug', async () => {
    const probes: [ResponseRole, string][] = [
      ['not-found', rel(`honban-${marker}`)],
      ['malformed', `${rel(`honban-${marker}-x`)}/%E0%A4%A?honban=%ff%fe`],
      ['werkzeug-console', rel('console')],
      ['werkzeug-resource', `${rel('./')}?__debugger__=yes&cmd=resource&f=debugger.js`],
      ['rails-info', rel('rails/info/properties')],
    ];
    const answers = await Promise.all(probes.map(([, u]) => client.get(u)));
    answers.forEach((ex, i) => store.record(ex, probes[i]![0], 0));
  }));
  if (o.loginPath) {
    const loginUrl = new URL(o.loginPath, o.url.origin).href;
    jobs.push(timed(store, 'login', () => chain(client, store, 'login', loginUrl, true)));
  }
  if (o.healthPath) {
    const healthUrl = new URL(o.healthPath, o.url.origin).href;
    jobs.push(timed(store, 'health', () => chain(client, store, 'health', healthUrl, true)));
  }
  jobs.push(timed(store, 'latency', () => gatherLatency(client, store, url, o.latencySamples)));

  // The deadline: every request has its own timeout; this bounds the sequences of them too.
  const deadlineMs = o.timeoutMs * 3 + 2000;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), deadlineMs);
  });
  const r = await Promise.race([Promise.all(jobs), deadline]);
  clearTimeout(timer);
  if (r === 'deadline') {
    store.errors.push({ kind: 'collector', message: `gathering stopped after ${Math.round(deadlineMs / 1000)} s (--timeout ${o.timeoutMs} ms); the facts gathered so far were judged` });
  }

  const tlsFact = store.facts.probeTls?.[0] as import('../../facts/probe.js').ProbeTls | undefined;
  const untrusted = tlsFact && (!tlsFact.trusted || !tlsFact.hostnameMatches) && !o.insecure;
  const mainAnswers = ((store.facts.probeResponse ?? []) as Array<import('../../facts/probe.js').ProbeResponse>).filter((x) => x.role === 'main');
  const unanswered = !mainAnswers.some((x) => x.status !== undefined);
  if (o.load && unanswered) {
    const code = mainAnswers[0]?.errorCode;
    store.errors.push({ kind: 'collector', message: `load test skipped: the site did not answer${code ? ` (${code})` : ''}, so no request of a load test could either` });
  } else if (o.load && untrusted) {
    store.errors.push({ kind: 'collector', message: 'load test skipped: the certificate is not trusted for this host (pass --ca FILE for an internal CA, or --insecure)' });
  } else if (o.load && r !== 'deadline') {
    const loadOpts = o.load;
    g.onProgress?.(`load test: ${loadOpts.requests} requests, concurrency ${loadOpts.concurrency}…`);
    await timed(store, 'load', async () => {
      const { gatherLoad } = await import('./load.js');
      store.add('probeLoad', await gatherLoad({ url, headers: o.headers, insecure: o.insecure, timeoutMs: o.timeoutMs, requests: loadOpts.requests, concurrency: loadOpts.concurrency, file: url, environment: g.environment }));
    });
  }
  const tc = performance.now();
  await client.close();
  store.timing.close = round(performance.now() - tc);
  return { store, urls: client.urls.size, totalMs: round(performance.now() - t0) };
}
