/**
 * Live checks on this machine with the real parts CI installs (.ci/run): openssh-server for
 * `sshd -T -f FILE`, nginx for `nginx -t -c FILE`, and a real loopback listener owned by a known
 * process for port ownership. Skipped with a message when a part is missing — never under CI=true.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { collectFacts, neededFacts } from '../../engine/collect.js';
import { evaluate } from '../../engine/evaluate.js';
import type { SourceFile } from '../../contracts/types.js';
import { rulesOf } from '../../rules/index.js';

const sshdRules = rulesOf('sshd');
import unexpectedListener from '../../rules/host/unexpected-listener.js';
import expectedPortClosed from '../../rules/host/expected-port-closed.js';
import nginxConfigTestFailed from '../../rules/host/nginx-config-test-failed.js';
import { app, judge } from '../../testing/host-rules.js';
import { Gathering, SSHD_DUMP } from './gathering.js';
import { gatherListeners, gatherNginxTest, gatherSshdDump, parseNginxBuild } from './gather-live.js';
import { findBinary, liveView } from './view.js';

const CI = process.env.CI === 'true';
const ROOT = process.getuid?.() === 0;

function need(what: string, ok: boolean): boolean {
  if (ok) return true;
  if (CI) assert.fail(`${what} is required under CI=true (.ci/run installs it)`);
  console.log(`# SKIP: ${what} — install it (apt-get install openssh-server nginx) and run as root to run this test`);
  return false;
}

test('sshd -T on a real sshd: the effective configuration is judged by the sshd rules, at host:sshd -T', async () => {
  if (!need('sshd (openssh-server) and root', Boolean(findBinary('sshd')) && ROOT)) return;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'honban-sshd-'));
  try {
    // sshd refuses to run without its privilege separation directory (the service creates it at start).
    mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(dir, 'host_key')]);
    const judgeConfig = async (lines: string[]) => {
      const cfg = path.join(dir, 'sshd_config');
      writeFileSync(cfg, [`HostKey ${path.join(dir, 'host_key')}`, ...lines].join('\n') + '\n');
      const g = new Gathering(liveView(), 'production', {});
      await gatherSshdDump(g, cfg);
      assert.equal(g.commands[0]?.exitCode, 0, JSON.stringify([g.commands, g.errors]));
      const dump = g.sources.get(SSHD_DUMP)!;
      const files: SourceFile[] = [dump];
      const { facts } = await collectFacts(files, neededFacts(sshdRules), { environment: 'production' });
      const { findings } = await evaluate(sshdRules, facts, { environment: 'production' });
      const lineOf = (kw: string) => dump.content.split('\n').findIndex((l) => l.startsWith(kw + ' ')) + 1;
      return { findings: findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`).sort(), lineOf };
    };
    const bad = await judgeConfig(['PasswordAuthentication yes', 'PermitRootLogin yes', 'PubkeyAuthentication no']);
    assert.deepEqual(bad.findings, [
      `sshd/password-authentication host:sshd -T:${bad.lineOf('passwordauthentication')}`,
      `sshd/pubkey-authentication-disabled host:sshd -T:${bad.lineOf('pubkeyauthentication')}`,
      `sshd/root-login host:sshd -T:${bad.lineOf('permitrootlogin')}`,
    ].sort());
    const good = await judgeConfig(['PasswordAuthentication no', 'KbdInteractiveAuthentication no', 'PermitRootLogin no']);
    assert.deepEqual(good.findings, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('nginx -t on a real nginx: a broken configuration is reported at the file and line nginx names', async () => {
  if (!need('nginx and root', Boolean(findBinary('nginx')) && ROOT)) return;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'honban-nginx-'));
  try {
    const conf = path.join(dir, 'nginx.conf');
    const head = [`error_log ${dir}/error.log;`, `pid ${dir}/nginx.pid;`, 'events {}', 'http {', `  access_log ${dir}/access.log;`, '  server {', '    listen 127.0.0.1:18080;'];
    writeFileSync(conf, [...head, '    proxy_passs http://127.0.0.1:8000;', '  }', '}'].join('\n') + '\n');
    const g = new Gathering(liveView(), 'production', {});
    await gatherNginxTest(g, conf);
    const t = g.facts.hostNginxTest as unknown as { ok: boolean }[];
    assert.equal(t[0]!.ok, false);
    const findings = await judge(nginxConfigTestFailed, { hostNginxTest: t as unknown as object[] });
    assert.deepEqual(findings.map((f) => `${f.file}:${f.line}`), [`${path.relative('/', conf)}:8`]);
    assert.match(findings[0]!.message, /proxy_passs/);
    writeFileSync(conf, [...head, '    return 204;', '  }', '}'].join('\n') + '\n');
    const ok = new Gathering(liveView(), 'production', {});
    await gatherNginxTest(ok, conf);
    assert.equal((ok.facts.hostNginxTest as unknown as { ok: boolean }[])[0]!.ok, true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('port ownership: a real loopback listener is traced to its process; the wrong owner and a closed port are findings', async () => {
  if (!need('root (to see every process\'s sockets)', ROOT)) return;
  const child = spawn(process.execPath, ['-e', "const s=require('net').createServer().listen(0,'127.0.0.1',()=>console.log(s.address().port))"], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout!.once('data', (d) => resolve(Number(String(d).trim())));
      child.once('error', reject);
    });
    const g = new Gathering(liveView(), 'production', {});
    await gatherListeners(g);
    const listeners = g.facts.hostListener as unknown as { port: number; pid?: number; process?: string; address: string }[];
    const mine = listeners.find((l) => l.port === port);
    assert.ok(mine, `listener on ${port} not found in ${JSON.stringify(listeners)}`);
    assert.equal(mine.pid, child.pid);
    assert.equal(mine.process, 'node');
    assert.equal(mine.address, '127.0.0.1');
    // The application (gunicorn) is expected on that port: a node process holding it is the surprise.
    const bind = [{ host: '127.0.0.1', port, file: 'etc/systemd/system/app.service', line: 9 }];
    const wrong = await judge(unexpectedListener, { hostListener: listeners as unknown as object[], hostApp: [app({ binds: bind })] });
    assert.equal(wrong.length, 1);
    assert.match(wrong[0]!.file, /^(host:ss -ltnp|proc\/net\/tcp)$/);
    assert.match(wrong[0]!.message, new RegExp(`Port ${port} is owned by node \\(pid ${child.pid}`));
    // A node application on it is the expected owner.
    assert.deepEqual(await judge(unexpectedListener, { hostListener: listeners as unknown as object[], hostApp: [app({ server: 'node', binds: bind })] }), []);
    // Closed: nothing listens any more.
    child.kill();
    await new Promise((r) => child.once('exit', r));
    const after = new Gathering(liveView(), 'production', {});
    await gatherListeners(after);
    const closed = await judge(expectedPortClosed, { hostListener: after.facts.hostListener as unknown as object[], hostApp: [app({ binds: bind })] });
    assert.deepEqual(closed.map((f) => `${f.file}:${f.line}`), ['etc/systemd/system/app.service:9']);
  } finally {
    if (child.exitCode === null) child.kill();
  }
});

test('nginx -V on a real nginx: its prefix and default log paths are read (relative log paths resolve under the prefix)', () => {
  if (!need('nginx', Boolean(findBinary('nginx')))) return;
  // nginx prints its version and build on stderr.
  const out = execFileSync('sh', ['-c', 'nginx -V 2>&1'], { encoding: 'utf8' });
  const build = parseNginxBuild(out);
  assert.match(build.prefix ?? '', /^\//, out);
  const configured = /--http-log-path=(\S+)/.exec(out)?.[1];
  assert.equal(build.httpLogPath, configured, out);
  assert.equal(build.errorLogPath, /--error-log-path=(\S+)/.exec(out)?.[1], out);
});
