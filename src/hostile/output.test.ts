/**
 * Output injection: file names and values from a repository must not forge lines ("✔ No open
 * findings"), move the cursor or recolour a CI log in any human-readable format.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { escapeControl, markdownCode, markdownText, xmlText } from '../report/escape.js';
import { honban } from '../testing/cli.js';
import { repoWith } from '../testing/hostile.js';

const FORGED = '\n✔ No open findings · 1 files checked · environment: production\nExit 0: no open finding at or above "high".\n';

test('a file name with newlines and ANSI escapes cannot forge a line in pretty, Markdown or JUnit output', () => {
  const dir = repoWith({});
  const name = `.env.production${FORGED}\u001b[2K\u001b[1A\u202e`;
  writeFileSync(path.join(dir, name.replace(/\//g, '_')), 'DEBUG=True\n');
  writeFileSync(path.join(dir, `Dockerfile\u001b]8;;https:evil.example\u0007`), 'FROM python:3.12\nUSER root\nCMD ["python", "app.py"]\n');
  for (const format of ['pretty', 'markdown', 'junit']) {
    const r = honban(['scan', dir, '--format', format, '--fail-on', 'none', '--env', 'production']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!r.stdout.includes('\u001b'), `${format}: raw ESC in output`);
    assert.ok(!r.stdout.includes('\u202e'), `${format}: raw bidi override in output`);
    assert.ok(!r.stdout.includes('\u0007'), `${format}: raw BEL in output`);
    const forgedLines = r.stdout.split('\n').filter((l) => l.startsWith('✔ No open findings'));
    assert.deepEqual(forgedLines, [], `${format}: a forged summary line`);
    assert.match(r.stdout, /\\n✔ No open findings/, `${format}: the name is shown, escaped`);
  }
});

test('escaping helpers: one place, visible escapes, nothing lost', () => {
  assert.equal(escapeControl('a\nb\r\tc\u001b[2K\u007f\u0085\u202e\u2028'), 'a\\nb\\r\\tc\\x1b[2K\\x7f\\x85\\u202e\\u2028');
  assert.equal(escapeControl('日本語 ✔ ok'), '日本語 ✔ ok');
  assert.equal(markdownText('a|b<c>&\n'), 'a\\|b&lt;c&gt;&amp;\\n');
  assert.equal(markdownCode('a`b'), '``a`b``');
  assert.equal(xmlText('<a b="c">\u0001'), '&lt;a b=&quot;c&quot;&gt;\\x01');
});
