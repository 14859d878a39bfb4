import { test } from 'node:test';
import { text } from '../../testing/harness.js';
import { expectLines } from '../../testing/harness.js';
import rule from './missing-forwarded-proto.js';

test('nginx/missing-forwarded-proto: proxy_pass without it, and a location whose own proxy_set_header drops the server-level one', async () => {
  await expectLines(
    rule,
    {
      'nginx/conf.d/app.conf': text(
        'server {',
        '    listen 443 ssl;',
        '    proxy_set_header X-Forwarded-Proto $scheme;',
        '    location /ws/ {',
        '        proxy_set_header Upgrade $http_upgrade;',
        '        proxy_pass http://127.0.0.1:8001;',
        '    }',
        '    location /api/ { proxy_pass http://127.0.0.1:8000; }',
        '}',
        'server {',
        '    listen 443 ssl;',
        '    location / {',
        '        proxy_set_header Host $host;',
        '        proxy_pass http://127.0.0.1:8000;',
        '    }',
        '}',
      ),
    },
    ['nginx/conf.d/app.conf:6', 'nginx/conf.d/app.conf:14'],
  );
});

test("nginx/missing-forwarded-proto: set in the location, inherited, or via Debian's proxy_params is silent", async () => {
  await expectLines(
    rule,
    {
      'nginx/conf.d/app.conf': text(
        'server {',
        '    listen 443 ssl;',
        '    location / {',
        '        proxy_set_header Host $host;',
        '        proxy_set_header X-Forwarded-Proto $scheme;',
        '        proxy_pass http://127.0.0.1:8000;',
        '    }',
        '    location /b/ {',
        '        include proxy_params;',
        '        proxy_pass http://127.0.0.1:8000;',
        '    }',
        '}',
      ),
    },
    [],
  );
});
