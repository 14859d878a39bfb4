/**
 * Runs a real nginx (foreground, single process, everything under a temp prefix) with a config the
 * test writes — good and bad production configurations, on 127.0.0.1 only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Nginx {
  dir: string;
  stop(): Promise<void>;
  errorLog(): string;
}

function waitForPort(port: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  return new Promise((resolve) => {
    const attempt = () => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => {
        s.destroy();
        if (Date.now() > until) resolve(false);
        else setTimeout(attempt, 25);
      });
    };
    attempt();
  });
}

/** `http` is the body of the http { } block (server blocks); paths may use ${dir}. */
export async function startNginx(http: (dir: string) => string, ports: number[]): Promise<Nginx> {
  const dir = mkdtempSync(path.join(tmpdir(), 'honban-nginx-'));
  for (const d of ['tmp', 'logs']) mkdirSync(path.join(dir, d));
  const conf = `daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  default_type text/html;
${http(dir)}
}
`;
  writeFileSync(path.join(dir, 'nginx.conf'), conf);
  const child: ChildProcess = spawn('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'logs', 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ok = await Promise.race([Promise.all(ports.map((p) => waitForPort(p, 5000))).then((r) => r.every(Boolean)), exited.then(() => false)]);
  const errorLog = () => {
    try {
      return readFileSync(path.join(dir, 'logs', 'error.log'), 'utf8');
    } catch {
      return '';
    }
  };
  const stop = async () => {
    if (child.exitCode === null && child.pid) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    rmSync(dir, { recursive: true, force: true });
  };
  if (!ok) {
    const log = errorLog();
    await stop();
    throw new Error(`nginx did not start: ${stderr}${log}`);
  }
  return { dir, stop, errorLog };
}
