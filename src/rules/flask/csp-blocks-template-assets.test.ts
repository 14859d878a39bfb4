import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectLines, text } from '../../testing/harness.js';
import rule from './csp-blocks-template-assets.js';

const strict = text(
  'from flask import Flask',
  'from flask_talisman import Talisman',
  'app = Flask(__name__)',
  'csp = {',
  "    'default-src': [\"'self'\"],",
  "    'script-src': [\"'self'\"],",
  "    'style-src': [\"'self'\", 'https://fonts.googleapis.com'],",
  '}',
  'Talisman(app, content_security_policy=csp, force_https=True)',
);

const page = text(
  '<!doctype html>',
  '{# <script src="https://cdn.jsdelivr.net/npm/ignored.js"></script> #}',
  '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter">',
  '<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/tailwindcss@2/dist/tailwind.min.css">',
  '<script src="{{ url_for(\'static\', filename=\'app.js\') }}"></script>',
  '<script src="https://cdn.jsdelivr.net/npm/autolinker@4/dist/autolinker.min.js"></script>',
  '<script>Autolinker.link(document.body.innerHTML)</script>',
  '<script nonce="{{ csp_nonce() }}">init()</script>',
  '<button onclick="go()">Go</button>',
  '<script type="application/ld+json">{"@context": "https://schema.org"}</script>',
);

test('flask/csp-blocks-template-assets: CDN assets and inline code the production CSP blocks (seed 000 Autolinker)', async () => {
  const f = await expectLines(rule, { 'app.py': strict, 'templates/base.html': page }, ['templates/base.html:4', 'templates/base.html:6', 'templates/base.html:7', 'templates/base.html:8', 'templates/base.html:9']);
  assert.match(f[1]!.message, /cdn\.jsdelivr\.net.*app\.py:4 \(script-src\)/);
});

test('flask/csp-blocks-template-assets: allowed hosts, nonces, no Talisman, development templates are silent', async () => {
  const relaxed = strict.replace('"\'self\'"],\n    \'style', '"\'self\'", \'cdn.jsdelivr.net\', "\'unsafe-inline\'"],\n    \'style').replace("'https://fonts.googleapis.com'", "'https://fonts.googleapis.com', 'https://cdn.jsdelivr.net/npm/', \"'unsafe-inline'\"");
  await expectLines(rule, { 'app.py': relaxed, 'templates/base.html': page }, []);
  await expectLines(rule, { 'app.py': text('from flask import Flask', 'app = Flask(__name__)'), 'templates/base.html': page }, []);
  await expectLines(rule, { 'app.py': strict, 'templates/dev/debug.html': page }, []);
  // Talisman's default policy (default-src 'self') blocks the CDN too.
  await expectLines(rule, { 'app.py': text('from flask import Flask', 'from flask_talisman import Talisman', 'app = Flask(__name__)', 'Talisman(app)'), 'templates/x.html': '<script src="//unpkg.com/htmx.org"></script>\n' }, ['templates/x.html:1']);
});
