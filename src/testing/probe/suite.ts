/**
 * The shared set-up of probe tests against local servers: a throw-away CA and a localhost leaf
 * (when openssl exists), servers started through it, and everything closed after the file's tests.
 */
import { after, before } from 'node:test';
import { TestPki, type KeyPair } from './certs.js';
import { startHttp, startHttps, type Handler, type Running } from './servers.js';
import { needTools, skipUnless } from './tools.js';

export interface LocalServers {
  /** The `skip` option for tests that need openssl (false when it is there). */
  skip: string | false;
  /** The test CA's certificate file, for `caFile`. */
  readonly caFile: string;
  /** An HTTPS server with the localhost leaf. */
  https(handler: Handler): Promise<Running>;
  /** A plain HTTP server. */
  http(handler: Handler): Promise<Running>;
  /** Closes `server` after the tests too. */
  track(server: Running): Running;
}

/** Registers before/after hooks in the calling test file and returns its server helpers. */
export function localServers(): LocalServers {
  const skip = skipUnless('openssl');
  let pki: TestPki | undefined;
  let leaf: KeyPair;
  const servers: Running[] = [];
  before(() => {
    if (skip) return;
    needTools('openssl');
    pki = new TestPki();
    leaf = pki.leaf();
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.close()));
    pki?.cleanup();
  });
  const track = (s: Running) => {
    servers.push(s);
    return s;
  };
  return {
    skip,
    get caFile() {
      return pki!.ca.certPath;
    },
    https: async (h) => track(await startHttps({ key: leaf.key, cert: leaf.cert }, h)),
    http: async (h) => track(await startHttp(h)),
    track,
  };
}
