/**
 * Local servers for the probe tests — bound to 127.0.0.1 only, on ephemeral ports.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { SecureVersion } from 'node:tls';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface Running {
  port: number;
  url: string;
  close(): Promise<void>;
}

async function listen(server: net.Server, scheme: string): Promise<Running> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const sockets = new Set<net.Socket>();
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('secureConnection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return {
    port,
    url: `${scheme}://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface HttpsOptions {
  key: string;
  cert: string;
  /** Chain certificates appended to the leaf. */
  chain?: string;
  minVersion?: SecureVersion;
  maxVersion?: SecureVersion;
}

export function startHttps(o: HttpsOptions, handler: Handler): Promise<Running> {
  const server = https.createServer(
    {
      key: o.key,
      cert: o.chain ? o.cert + o.chain : o.cert,
      ...(o.minVersion ? { minVersion: o.minVersion } : {}),
      ...(o.maxVersion ? { maxVersion: o.maxVersion } : {}),
      // OpenSSL 3 offers TLS 1.0 / 1.1 (and serves small keys / SHA-1 certificates) only at security level 0.
      ciphers: 'DEFAULT:@SECLEVEL=0',
    },
    handler,
  );
  return listen(server, 'https');
}

export function startHttp(handler: Handler): Promise<Running> {
  return listen(http.createServer(handler), 'http');
}

/** A TCP server that answers every connection with `reply` and closes (a non-HTTP, non-TLS service). */
export function startRaw(reply: string): Promise<Running> {
  const server = net.createServer((s) => {
    s.once('data', () => s.end(reply));
    s.on('error', () => undefined);
  });
  return listen(server, 'https');
}

/** A TCP server that accepts connections and never says anything (a hung process). */
export function startSilent(): Promise<Running> {
  const server = net.createServer((s) => s.on('error', () => undefined));
  return listen(server, 'https');
}

/** A free port nobody listens on (for "connection refused"). */
export async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
