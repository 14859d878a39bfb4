import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './talisman-https-disabled.js';

test('flask/talisman-https-disabled: force_https=False (seed 003) and friends', async () => {
  await expectLines(
    rule,
    {
      'app.py': text(
        'import os',
        'from flask import Flask',
        'from flask_talisman import Talisman',
        'app = Flask(__name__)',
        'talisman = Talisman(',
        '    app,',
        '    force_https=False,  # no HTTPS inside EC2',
        ')',
        'talisman.init_app(app, strict_transport_security=os.environ.get("HSTS", "") == "on", session_cookie_secure=0)',
      ),
    },
    ['app.py:7', 'app.py:9', 'app.py:9'],
  );
});

test('flask/talisman-https-disabled: defaults, env switches that default on, development branches are silent', async () => {
  await expectLines(
    rule,
    {
      'app.py': text(
        'import os',
        'from flask import Flask',
        'from flask_talisman import Talisman',
        'app = Flask(__name__)',
        "Talisman(app, force_https=os.environ.get('DISABLE_FORCE_HTTPS', '0') != '1')",
        "if os.environ.get('FLASK_ENV') == 'development':",
        '    Talisman(app, force_https=False)',
      ),
    },
    [],
  );
});
