import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectLines, text } from '../../testing/harness.js';
import rule from './weak-csp.js';

test("flask/weak-csp: seed 003's relaxed policy, a module-level dict, a string policy and a disabled one", async () => {
  const f = await expectLines(
    rule,
    {
      'app.py': text(
        'from flask import Flask',
        'from flask_talisman import Talisman',
        'app = Flask(__name__)',
        'talisman = Talisman(',
        '    app,',
        '    content_security_policy={',
        "        'default-src': \"'self'\",",
        "        'script-src': [\"'self'\", \"'unsafe-inline'\", 'cdn.jsdelivr.net'],",
        "        'style-src': [\"'self'\", \"'unsafe-inline'\"],",
        '    },',
        '    force_https=False,',
        ')',
      ),
      'security.py': text(
        'from flask_talisman import Talisman',
        'CSP = {',
        "    'default-src': \"'self' 'unsafe-eval' https:\",",
        '}',
        'def init(app):',
        '    Talisman(app, content_security_policy=CSP, content_security_policy_report_only=True)',
        '    Talisman(app, content_security_policy=None)',
      ),
    },
    ['app.py:8', 'app.py:8', 'app.py:9', 'security.py:3', 'security.py:3', 'security.py:6', 'security.py:7'],
  );
  assert.deepEqual(f.map((x) => x.severity), ['medium', 'low', 'low', 'medium', 'medium', 'low', 'medium']);
});

test('flask/weak-csp: strict policies, nonces, and Talisman defaults are silent', async () => {
  await expectLines(
    rule,
    {
      'app.py': text(
        'from flask import Flask',
        'from flask_talisman import Talisman',
        'app = Flask(__name__)',
        "csp = {'default-src': \"'self'\", 'script-src': [\"'self'\", \"'unsafe-inline'\"], 'img-src': ['*', 'data:']}",
        "Talisman(app, content_security_policy=csp, content_security_policy_nonce_in=['script-src'])",
        'Talisman(app)',
      ),
    },
    [],
  );
});
