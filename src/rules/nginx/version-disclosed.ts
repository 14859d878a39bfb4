import { inherited, servers, walk } from '../../facts/nginx/query.js';
import { defineRule } from '../define.js';
import { at, configAnchor, reporter, unknownIncludes } from './_shared.js';

export default defineRule({
  id: 'nginx/version-disclosed',
  severity: 'medium',
  environments: ['production', 'staging'],
  facts: ['nginx'],
  title: {
    en: 'nginx announces its version (server_tokens on)',
    ja: 'nginx がバージョンを公開している (server_tokens on)',
  },
  description: {
    en: 'With server_tokens on — nginx\'s default — every response and error page carries `Server: nginx/1.x.y`, telling scanners exactly which known vulnerabilities to try. Hiding the version does not fix anything by itself, but it removes a free hint and is on most hardening checklists.',
    ja: 'server_tokens が on（nginx の既定値）だと、すべてのレスポンスとエラーページに `Server: nginx/1.x.y` が付き、スキャナーにどの既知の脆弱性を試せばよいかを教えてしまいます。バージョンを隠すだけで何かが直るわけではありませんが、無償のヒントを消せるため、多くのハードニング項目に含まれています。',
  },
  fix: {
    en: 'Set `server_tokens off;` in the http block.',
    ja: 'http ブロックに `server_tokens off;` を設定します。',
  },
  references: { cwe: ['CWE-200'] },
  check(facts, ctx) {
    const once = reporter(ctx);
    for (const cfg of facts.nginx) {
      walk(cfg.directives, (d) => {
        if (d.name === 'server_tokens' && d.args[0]?.toLowerCase() === 'on') {
          once(`${d.file}:${d.line}`, () =>
            ctx.report({
              file: d.file,
              line: d.line,
              column: d.column,
              message: { en: 'server_tokens on: responses and error pages show the nginx version', ja: 'server_tokens on: レスポンスとエラーページに nginx のバージョンが表示されます' },
            }),
          );
        }
      });
      const all = servers(cfg);
      const unset = all.filter((s) => !inherited(s.chain, 'server_tokens') && !unknownIncludes(s.chain, 'headers').length);
      if (!unset.length) continue;
      const anchor = unset.length === all.length ? configAnchor(cfg, all) : unset[0]!.node;
      if (!anchor) continue;
      once(`${anchor.file}:${anchor.line}`, () =>
        ctx.report({
          ...at(anchor),
          severity: 'low',
          message: {
            en: `server_tokens is not set${cfg.context === 'main' ? '' : ' (in the repository)'}: nginx's default is on, so responses show the nginx version`,
            ja: `server_tokens が${cfg.context === 'main' ? '' : 'リポジトリ内で'}設定されていません: nginx の既定値は on のため、レスポンスに nginx のバージョンが表示されます`,
          },
        }),
      );
    }
  },
});
