/**
 * A throw-away PKI for tests, made with the openssl CLI: a CA and leaves for localhost /
 * 127.0.0.1 (valid, expired, expiring, weak key, wrong host name, SHA-1 signed, self-signed).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface KeyPair {
  cert: string;
  key: string;
  certPath: string;
  keyPath: string;
}

export interface LeafOptions {
  /** Validity in days from now; -1 makes an already expired certificate. */
  days?: number;
  /** subjectAltName entries (default DNS:localhost, IP:127.0.0.1). */
  sans?: string[];
  key?: 'ec' | 'rsa1024' | 'rsa2048';
  sha1?: boolean;
  /** Self-signed instead of signed by the CA. */
  selfSigned?: boolean;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

function keyArgs(k: LeafOptions['key']): string[] {
  if (k === 'rsa1024') return ['-newkey', 'rsa:1024'];
  if (k === 'rsa2048') return ['-newkey', 'rsa:2048'];
  return ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'];
}

export class TestPki {
  readonly dir: string;
  readonly ca: KeyPair;
  private n = 0;

  constructor() {
    this.dir = mkdtempSync(path.join(tmpdir(), 'honban-pki-'));
    openssl(['req', '-x509', ...keyArgs('ec'), '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '3650', '-subj', '/CN=honban throw-away test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], this.dir);
    this.ca = this.read('ca');
  }

  private read(name: string): KeyPair {
    const certPath = path.join(this.dir, `${name}.pem`);
    const keyPath = path.join(this.dir, `${name}.key`);
    return { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8'), certPath, keyPath };
  }

  /** A server certificate. */
  leaf(o: LeafOptions = {}): KeyPair {
    const name = `leaf${++this.n}`;
    const sans = (o.sans ?? ['DNS:localhost', 'IP:127.0.0.1']).join(',');
    const days = String(o.days ?? 365);
    const digest = o.sha1 ? '-sha1' : '-sha256';
    writeFileSync(path.join(this.dir, `${name}.ext`), `subjectAltName=${sans}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
    if (o.selfSigned) {
      openssl(['req', '-x509', ...keyArgs(o.key), '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', days, digest, '-subj', '/CN=localhost', '-addext', `subjectAltName=${sans}`], this.dir);
    } else {
      openssl(['req', '-new', ...keyArgs(o.key), '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', '/CN=localhost'], this.dir);
      openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', days, digest, '-extfile', `${name}.ext`], this.dir);
    }
    return this.read(name);
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
