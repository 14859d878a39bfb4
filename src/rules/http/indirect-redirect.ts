import { defineRule } from '../define.js';

export default defineRule({
  id: 'http/indirect-redirect',
  command: 'probe',
  severity: 'medium',
  facts: ['probeRedirect'],
  title: { en: 'HTTP redirect does not go straight to HTTPS on the same host', ja: 'HTTP のリダイレクトが同じホストの HTTPS へ直接向かわない' },
  description: {
    en: 'The first redirect from plain HTTP should go to https:// on the same host. A first hop to another http:// URL (http://example.com → http://www.example.com → https://…) keeps one more request in clear text, where it can be intercepted; a first hop to another host means the bare host never sends its own HSTS header, so it cannot be preloaded.',
    ja: 'HTTP からの最初のリダイレクトは、同じホストの https:// へ向かうべきです。最初に別の http:// URL へ飛ぶ（http://example.com → http://www.example.com → https://…）と平文のリクエストが 1 回増えて盗聴・改ざんの余地が残ります。最初に別ホストへ飛ぶと、元のホストが自分の HSTS ヘッダーを返さないため HSTS プリロードの条件を満たせません。',
  },
  fix: {
    en: 'Redirect to the same host first: `return 301 https://$host$request_uri;`, then canonicalize (www ↔ bare) on the HTTPS side.',
    ja: 'まず同じホストの HTTPS へリダイレクトし（`return 301 https://$host$request_uri;`）、www の有無の正規化は HTTPS 側で行ってください。',
  },
  references: { cwe: ['CWE-319'], equivalents: ['Mozilla Observatory redirection', 'hstspreload.org'] },
  check(facts, ctx) {
    const r = facts.probeRedirect[0];
    const first = r?.hops[0];
    if (!r || !first?.location || first.status === undefined || first.status < 300 || first.status > 399) return;
    let from: URL, to: URL;
    try {
      from = new URL(first.url);
      to = new URL(first.location);
    } catch {
      return;
    }
    if (to.protocol === 'http:') {
      if (!r.hops.some((h) => h.location?.startsWith('https:'))) return; // http/missing-redirect reports it
      ctx.report({
        file: r.httpUrl,
        message: {
          en: `The first redirect from plain HTTP goes to ${first.location}, still plain HTTP, before reaching HTTPS`,
          ja: `HTTP からの最初のリダイレクト先が ${first.location} で、HTTPS に到達する前にもう一度平文の HTTP を経由しています`,
        },
        evidence: `${first.status} → ${first.location}`,
      });
    } else if (to.protocol === 'https:' && to.hostname !== from.hostname) {
      ctx.report({
        file: r.httpUrl,
        severity: 'low',
        message: {
          en: `The first redirect from plain HTTP goes to another host (${to.hostname}): ${from.hostname} never sends its own HSTS header`,
          ja: `HTTP からの最初のリダイレクト先が別ホスト（${to.hostname}）です: ${from.hostname} 自身の HSTS ヘッダーが返されません`,
        },
        evidence: `${first.status} → ${first.location}`,
      });
    }
  },
});
