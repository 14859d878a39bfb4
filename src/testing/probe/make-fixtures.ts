/**
 * Regenerates test/fixtures/probe/*.facts.json: probes local servers (a development-configured
 * Flask-like site and a production-ready one) and saves the facts. The replay test judges them
 * with no network. Run after a build: `node dist/probe/testing/make-fixtures.js`.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { probe } from '../../commands/probe/index.js';
import { TestPki } from './certs.js';
import { FIXTURES } from './paths.js';
import { startHttp, startHttps } from './servers.js';
import { GOOD_HEADERS, HOME, loginPage, redirectTo, site, WERKZEUG_CONSOLE, WERKZEUG_DEBUGGER } from './sites.js';

async function main(): Promise<void> {
  mkdirSync(FIXTURES, { recursive: true });
  const pki = new TestPki();
  try {
    // Development leftovers: TLS 1.0, a certificate expiring in 20 days, the seed's relaxed CSP,
    // insecure cookies, reflected CORS, Werkzeug with its debugger, no redirect, no CSRF, a failing health check.
    const devLeaf = pki.leaf({ days: 20 });
    const dev = await startHttps(
      { key: devLeaf.key, cert: devLeaf.cert, minVersion: 'TLSv1' },
      site({
        always: { server: 'Werkzeug/3.0.1 Python/3.12.2' },
        main: { body: HOME, headers: { 'content-security-policy': "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net", 'set-cookie': 'session=eyJfZnJlc2giOmZhbHNlfQ.ZxYw.abcdef; Path=/' } },
        routes: { '/login': { body: loginPage({ csrf: false }) }, '/console': { body: WERKZEUG_CONSOLE }, '/healthz': { status: 503, body: 'database unavailable', contentType: 'text/plain' }, '/boom': { status: 500, body: WERKZEUG_DEBUGGER } },
        cors: 'reflect-credentials',
      }),
    );
    const devHttp = await startHttp((_req, res) => res.end(HOME));
    await probe({ url: dev.url, caFile: pki.ca.certPath, httpUrl: devHttp.url, loginPath: '/login', healthPath: '/healthz', timeoutMs: 3000, saveFacts: path.join(FIXTURES, 'dev-site.facts.json') });
    await Promise.all([dev.close(), devHttp.close()]);

    const goodLeaf = pki.leaf({ days: 300 });
    const cookie = '__Host-session=gAAAAABmZ2VvZA; Path=/; Secure; HttpOnly; SameSite=Lax';
    const good = await startHttps(
      { key: goodLeaf.key, cert: goodLeaf.cert },
      site({ main: { body: HOME, headers: { ...GOOD_HEADERS, 'set-cookie': cookie, server: 'nginx' } }, routes: { '/login': { body: loginPage({ csrf: true }), headers: { ...GOOD_HEADERS, 'set-cookie': cookie } }, '/healthz': { body: '{"ok":true}', contentType: 'application/json' } }, cors: 'allow-list' }),
    );
    const goodHttp = await startHttp(redirectTo((p) => `https://127.0.0.1:${good.port}${p}`));
    await probe({ url: good.url, caFile: pki.ca.certPath, httpUrl: goodHttp.url, loginPath: '/login', healthPath: '/healthz', expectServer: '^nginx', timeoutMs: 3000, saveFacts: path.join(FIXTURES, 'good-site.facts.json') });
    await Promise.all([good.close(), goodHttp.close()]);
  } finally {
    pki.cleanup();
  }
}

main().catch((e) => {
  process.stderr.write(String((e as Error).stack ?? e) + '\n');
  process.exitCode = 1;
});
