import { defineRule } from '../define.js';
import { byRole, hdr, mainPage } from '../../facts/probe-queries.js';

const VERSIONED = /\d+\.\d+/;
const NAMES: Record<string, string> = { 'x-powered-by': 'X-Powered-By', 'x-aspnet-version': 'X-AspNet-Version', 'x-aspnetmvc-version': 'X-AspNetMvc-Version', 'x-generator': 'X-Generator' };

export default defineRule({
  id: 'server/version-disclosed',
  command: 'probe',
  severity: 'low',
  facts: ['probeResponse'],
  title: { en: 'Server software and version disclosed', ja: 'サーバーソフトウェアとバージョンが公開されている' },
  description: {
    en: 'Headers such as `Server: nginx/1.18.0`, `X-Powered-By: Express` or `X-AspNet-Version` tell every scanner which software and version to try exploits against. They help no user.',
    ja: '`Server: nginx/1.18.0`、`X-Powered-By: Express`、`X-AspNet-Version` などのヘッダーは、どのソフトウェアのどのバージョンを攻撃すればよいかをスキャナーに教えてしまいます。利用者にとっての利点はありません。',
  },
  fix: {
    en: 'nginx: `server_tokens off;` — Apache: `ServerTokens Prod` and `ServerSignature Off` — Express: `app.disable(\'x-powered-by\')` (or helmet) — PHP: `expose_php = Off` — ASP.NET: `<httpRuntime enableVersionHeader="false" />`.',
    ja: 'nginx は `server_tokens off;`、Apache は `ServerTokens Prod` と `ServerSignature Off`、Express は `app.disable(\'x-powered-by\')`（または helmet）、PHP は `expose_php = Off`、ASP.NET は `<httpRuntime enableVersionHeader="false" />` です。',
  },
  references: { cwe: ['CWE-200', 'CWE-497'], equivalents: ['testssl banner_server', 'testssl banner_application', 'seed S1.13'] },
  check(facts, ctx) {
    const pages = [mainPage(facts.probeResponse), ...byRole(facts.probeResponse, 'not-found')].filter((r) => r !== undefined);
    const seen = new Set<string>();
    for (const p of pages) {
      const found: string[] = [];
      const server = hdr(p, 'server');
      if (server && VERSIONED.test(server)) found.push(`Server: ${server}`);
      for (const [h, name] of Object.entries(NAMES)) {
        const v = hdr(p, h);
        if (v) found.push(`${name}: ${v}`);
      }
      for (const f of found) {
        if (seen.has(f)) continue;
        seen.add(f);
        ctx.report({
          file: p.url,
          message: { en: `The response discloses its software: ${f.slice(0, 100)}`, ja: `応答がソフトウェア情報を公開しています: ${f.slice(0, 100)}` },
          evidence: f.slice(0, 120),
        });
      }
    }
  },
});
