import { defineRule } from '../define.js';

export default defineRule({
  id: 'http/temporary-redirect',
  command: 'probe',
  severity: 'low',
  facts: ['probeRedirect'],
  title: { en: 'HTTP → HTTPS redirect is temporary', ja: 'HTTP → HTTPS のリダイレクトが一時的（302/307）' },
  description: {
    en: 'The redirect from plain HTTP to HTTPS uses 302, 303 or 307. Browsers and search engines do not remember a temporary redirect, so every visit starts in clear text again and links keep pointing at http://. The move to HTTPS is permanent: 301 (or 308).',
    ja: 'HTTP から HTTPS へのリダイレクトに 302・303・307 が使われています。一時的なリダイレクトはブラウザや検索エンジンに記憶されないため、毎回平文の HTTP から始まり、リンクも http:// のまま残ります。HTTPS への移行は恒久的なものなので 301（または 308）を使います。',
  },
  fix: {
    en: 'Use `return 301 https://$host$request_uri;` (nginx) or a permanent redirect in the application (Talisman force_https_permanent=True).',
    ja: 'nginx なら `return 301 https://$host$request_uri;`、アプリケーション側なら恒久的リダイレクト（Talisman の force_https_permanent=True など）を使ってください。',
  },
  references: { cwe: [], equivalents: ['seed S1.17 (301)'] },
  check(facts, ctx) {
    const r = facts.probeRedirect[0];
    const first = r?.hops[0];
    if (!r || !first?.location?.startsWith('https:')) return;
    if (first.status === 302 || first.status === 303 || first.status === 307) {
      ctx.report({
        file: r.httpUrl,
        message: { en: `The redirect from plain HTTP to HTTPS is temporary (${first.status}); use 301 or 308`, ja: `HTTP から HTTPS へのリダイレクトが一時的（${first.status}）です。301 か 308 にしてください` },
        evidence: `${first.status} → ${first.location}`,
      });
    }
  },
});
