import { effectiveHeaders, locations, mergesHeaders, servers, type Level } from '../../facts/nginx/query.js';
import { defineRule } from '../define.js';
import { SECURITY_HEADERS, headerName, reporter } from './_shared.js';

export default defineRule({
  id: 'nginx/add-header-dropped',
  severity: 'medium',
  environments: ['production', 'staging'],
  facts: ['nginx'],
  title: {
    en: 'add_header in a nested block drops the inherited security headers',
    ja: '入れ子のブロックの add_header が継承されたセキュリティヘッダーを消している',
  },
  description: {
    en: 'nginx inherits add_header from the enclosing level only when a level has no add_header of its own. A location (or server) that adds just one header — often Cache-Control for static files — silently stops sending every security header set above it (HSTS, X-Frame-Options, nosniff, CSP …) for the URLs it serves.',
    ja: 'nginx の add_header は、そのレベルに add_header が 1 つもない場合にだけ外側から継承されます。location（または server）でヘッダーを 1 つ追加しただけで（静的ファイルの Cache-Control など）、その URL では外側で設定したセキュリティヘッダー（HSTS、X-Frame-Options、nosniff、CSP など）がすべて黙って送られなくなります。',
  },
  fix: {
    en: 'Repeat the security headers in the block that has its own add_header — best through a snippet (`include snippets/security-headers.conf;`) included at every level that adds headers — or, on nginx 1.29.3+, set `add_header_inherit merge;`.',
    ja: '独自の add_header を持つブロックにもセキュリティヘッダーを書き直します。ヘッダーを追加するすべてのレベルで include するスニペット (`include snippets/security-headers.conf;`) にまとめるのが確実です。nginx 1.29.3 以降なら `add_header_inherit merge;` も使えます。',
  },
  references: { cwe: ['CWE-693'], equivalents: ['gixy:add_header_redefinition'] },
  check(facts, ctx) {
    const once = reporter(ctx);
    const judge = (chain: Level[]) => {
      const i = chain.length - 1;
      const own = chain[i]!.directives.filter((d) => d.name === 'add_header' || d.name === 'more_set_headers');
      if (!own.length || i === 0 || mergesHeaders(chain, i)) return;
      const above = effectiveHeaders(chain, i - 1).headers;
      const mine = effectiveHeaders(chain, i).headers;
      const dropped = [...above.keys()].filter((h) => !mine.has(h) && SECURITY_HEADERS.has(h));
      if (!dropped.length) return;
      const first = own[0]!;
      const owner = chain[i]!.owner!;
      const where = owner.name === 'server' ? 'server' : `${owner.name} ${owner.args.join(' ')}`;
      const names = dropped.map(headerName).join(', ');
      once(`${first.file}:${first.line}`, () =>
        ctx.report({
          file: first.file,
          line: first.line,
          column: first.column,
          message: {
            en: `add_header in "${where}" replaces the inherited headers: ${names} ${dropped.length > 1 ? 'are' : 'is'} no longer sent there`,
            ja: `「${where}」の add_header が継承されたヘッダーを置き換えるため、そこでは ${names} が送られなくなります`,
          },
        }),
      );
    };
    for (const cfg of facts.nginx) {
      for (const s of servers(cfg)) {
        judge(s.chain);
        for (const loc of locations(s, { withIf: true })) judge(loc.chain);
      }
    }
  },
});
