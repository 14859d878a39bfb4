import { locationMatch, locations, named, servers } from '../../facts/nginx/query.js';
import { defineRule } from '../define.js';
import { reporter } from './_shared.js';

export default defineRule({
  id: 'nginx/alias-traversal',
  severity: 'high',
  facts: ['nginx'],
  title: {
    en: 'alias path traversal (location without trailing slash, alias with one)',
    ja: 'alias によるパストラバーサル（末尾スラッシュのない location と末尾スラッシュ付きの alias）',
  },
  description: {
    en: 'In `location /static { alias /srv/app/static/; }` nginx replaces the matched prefix "/static" with the alias, so a request for /static../app/.env maps to /srv/app/static/../app/.env: one directory up, outside the intended one. Source code, .env files and keys next to the static directory become downloadable.',
    ja: '`location /static { alias /srv/app/static/; }` では、nginx は一致したプレフィックス「/static」を alias に置き換えるため、/static../app/.env へのリクエストは /srv/app/static/../app/.env、つまり意図したディレクトリの 1 つ上を指します。静的ディレクトリの隣にあるソースコード、.env ファイル、鍵がダウンロード可能になります。',
  },
  fix: {
    en: 'End the location with a slash when the alias ends with one: `location /static/ { alias /srv/app/static/; }` (or use `root` instead of `alias` when the paths line up).',
    ja: 'alias が / で終わるなら location も / で終えます: `location /static/ { alias /srv/app/static/; }`（パスが対応しているなら alias の代わりに root を使います）。',
  },
  references: { cwe: ['CWE-22'], equivalents: ['gixy:alias_traversal'] },
  check(facts, ctx) {
    const once = reporter(ctx);
    for (const cfg of facts.nginx) {
      for (const s of servers(cfg)) {
        for (const loc of locations(s)) {
          const m = locationMatch(loc.node);
          if (m.modifier && m.modifier !== '^~') continue;
          if (m.path.endsWith('/')) continue;
          const alias = named(loc.chain[loc.chain.length - 1]!, 'alias')[0];
          if (!alias?.args[0]?.endsWith('/')) continue;
          once(`${alias.file}:${alias.line}`, () =>
            ctx.report({
              file: alias.file,
              line: alias.line,
              column: alias.column,
              message: {
                en: `location ${m.path} has no trailing slash but its alias ends with one: ${m.path}../ reaches the parent of ${alias.args[0]}`,
                ja: `location ${m.path} は末尾が / でないのに alias は / で終わっています: ${m.path}../ で ${alias.args[0]} の親ディレクトリに到達できます`,
              },
            }),
          );
        }
      }
    }
  },
});
