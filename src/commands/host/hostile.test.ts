/**
 * Hostile roots end quickly with clear entries: symlink loops, links that try to leave the root,
 * FIFOs, device files, huge files, binary garbage where text is expected.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gatherHostFacts, judgeHostFacts } from './index.js';
import { resolveUnder, rootView, type HostView } from './view.js';
import { materialize } from '../../testing/host.js';

function tree(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'honban-hostile-'));
}

test('the view never leaves the root: absolute links restart at the root, .. stops at it, loops end', () => {
  const root = tree();
  try {
    mkdirSync(path.join(root, 'etc/nginx'), { recursive: true });
    writeFileSync(path.join(root, 'etc/passwd'), 'root:x:0:0::/root:/bin/sh\n');
    symlinkSync('/etc/passwd', path.join(root, 'etc/nginx/abs'));
    symlinkSync('../../../../../../etc/shadow', path.join(root, 'etc/nginx/up'));
    symlinkSync('loop2', path.join(root, 'etc/nginx/loop1'));
    symlinkSync('loop1', path.join(root, 'etc/nginx/loop2'));
    const v = rootView(root);
    assert.equal(v.read('etc/nginx/abs').text, 'root:x:0:0::/root:/bin/sh\n');
    assert.equal(v.read('etc/nginx/up').error, 'no such file'); // root/etc/shadow, not the host's
    assert.match(v.read('etc/nginx/loop1').error!, /loop/);
    assert.equal(v.read('/../../etc/passwd').text, 'root:x:0:0::/root:/bin/sh\n');
    assert.equal(resolveUnder(root, '../../../etc/passwd').real, path.join(root, 'etc/passwd'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a hostile root gathers in bounded time and lists what it did not read', async () => {
  const root = tree();
  try {
    mkdirSync(path.join(root, 'etc/ssh'), { recursive: true });
    mkdirSync(path.join(root, 'etc/nginx'), { recursive: true });
    mkdirSync(path.join(root, 'var/lib/dpkg'), { recursive: true });
    mkdirSync(path.join(root, 'proc'), { recursive: true });
    mkdirSync(path.join(root, 'dev'), { recursive: true });
    mkdirSync(path.join(root, 'etc/systemd/system'), { recursive: true });
    execFileSync('mkfifo', [path.join(root, 'etc/os-release')]);
    symlinkSync('/etc/nginx/nginx.conf', path.join(root, 'etc/nginx/nginx.conf')); // points at itself
    writeFileSync(path.join(root, 'var/lib/dpkg/status'), '');
    truncateSync(path.join(root, 'var/lib/dpkg/status'), 200 * 1024 * 1024); // sparse, 200 MiB
    symlinkSync('/dev/zero', path.join(root, 'proc/meminfo'));
    symlinkSync('/dev/urandom', path.join(root, 'etc/ssh/sshd_config'));
    writeFileSync(path.join(root, 'proc/cpuinfo'), Buffer.from([0, 1, 2, 255, 254, 0, 10]));
    writeFileSync(path.join(root, 'etc/systemd/system/evil.service'), '[Service]\nExecStart=/usr/bin/gunicorn ' + 'x'.repeat(100_000) + '\n');
    let device = false;
    if (process.getuid?.() === 0) {
      try {
        execFileSync('mknod', [path.join(root, 'dev/zero'), 'c', '1', '5']);
        device = true;
      } catch {
        /* a container without mknod rights */
      }
    }
    const t0 = performance.now();
    const record = await gatherHostFacts({ root, now: new Date('2026-06-01T00:00:00Z') });
    const { report } = await judgeHostFacts(record, {});
    const ms = performance.now() - t0;
    assert.ok(ms < 10_000, `took ${ms} ms`);
    const skipped = new Map(record.skipped.map((s) => [s.path, s.reason]));
    assert.match(skipped.get('etc/os-release') ?? '', /not a regular file \(fifo\)/);
    assert.match(skipped.get('etc/nginx/nginx.conf') ?? '', /loop/);
    assert.match(skipped.get('var/lib/dpkg/status') ?? '', /larger than/);
    if (device) assert.match(skipped.get('proc/meminfo') ?? '', /not a regular file \(char\)/);
    // The FIFO was not waited on, nothing crashed, and what could not be read is "not checked".
    assert.ok(report.extra?.notChecked);
    assert.ok((report.extra!.notChecked as { ruleId: string }[]).some((n) => n.ruleId === 'host/os-end-of-life'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('without root: directories and files that cannot be read are listed as not read, their checks not checked — never passed, never "missing"', async () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const { root, cleanup } = materialize('hardened', now);
  try {
    // What an unprivileged account sees on a real server: 0700 / 0600 paths refuse it.
    const denied = new Set(['etc/letsencrypt/live', 'etc/mirai/env', 'var/backups/mirai']);
    const base = rootView(root);
    const view: HostView = {
      ...base,
      list: (d) => (denied.has(d) ? undefined : base.list(d)),
      read: (p, max) => (denied.has(p.replace(/^\//, '')) ? { error: 'permission denied' } : base.read(p, max)),
      readBytes: (p, max) => base.readBytes(p, max),
      stat: (p) => base.stat(p),
      statOrWhy: (p) => base.statOrWhy(p),
      lstat: (p) => base.lstat(p),
      readlink: (p) => base.readlink(p),
    };
    const record = await gatherHostFacts({ root, now, view });
    const { report, notChecked } = await judgeHostFacts(record, { now });
    const skipped = new Map(record.skipped.map((s) => [s.path, s.reason]));
    assert.match(skipped.get('etc/letsencrypt/live') ?? '', /permission denied/);
    assert.match(skipped.get('etc/mirai/env') ?? '', /permission denied/);
    assert.match(skipped.get('var/backups/mirai') ?? '', /permission denied/);
    assert.ok(notChecked.some((n) => n.ruleId === 'host/certificate-expiring' && /root/.test(n.reason)));
    // No false "missing" / "stale" findings for what could not be looked at.
    assert.deepEqual(report.findings.map((f) => f.ruleId).filter((id) => /certificate|backup/.test(id)), []);
  } finally {
    cleanup();
  }
});
