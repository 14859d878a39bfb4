import { inherited, servers } from '../../facts/nginx/query.js';
import { defineRule } from '../define.js';
import { at, configAnchor, reporter, servesContent, unknownIncludes } from './_shared.js';

export default defineRule({
  id: 'nginx/client-body-size-unset',
  severity: 'info',
  environments: ['production', 'staging'],
  facts: ['nginx'],
  title: {
    en: 'client_max_body_size not set',
    ja: 'client_max_body_size が設定されていない',
  },
  description: {
    en: 'Without client_max_body_size nginx accepts request bodies up to 1 MB and answers larger ones with 413 — often the first production surprise for uploads. Setting it explicitly, to what the application really accepts (and the same limit as the app, e.g. MAX_CONTENT_LENGTH), documents the limit and keeps large bodies from reaching the app.',
    ja: 'client_max_body_size を設定しないと、nginx は 1 MB までのリクエストボディを受け付け、それ以上は 413 を返します。アップロードで本番に出て初めて気付くことが多い項目です。アプリケーションが実際に受け付けるサイズ（アプリ側の MAX_CONTENT_LENGTH などと同じ値）を明示すると、上限が文書化され、大きなボディがアプリまで届かなくなります。',
  },
  fix: {
    en: 'Set `client_max_body_size 10m;` (the size your uploads need) in the http or server block.',
    ja: 'http または server ブロックに `client_max_body_size 10m;`（アップロードに必要なサイズ）を設定します。',
  },
  references: { cwe: ['CWE-770'] },
  check(facts, ctx) {
    const once = reporter(ctx);
    for (const cfg of facts.nginx) {
      const all = servers(cfg).filter((s) => servesContent(s));
      if (!all.length) continue;
      // Set in some location only is fine too: those are the upload endpoints.
      const unset = all.filter((s) => !inherited(s.chain, 'client_max_body_size') && !hasInLocation(s.node) && !unknownIncludes(s.chain, 'any').length);
      if (!unset.length) continue;
      const anchor = unset.length === all.length ? configAnchor(cfg, all) : unset[0]!.node;
      if (!anchor) continue;
      once(`${anchor.file}:${anchor.line}`, () =>
        ctx.report({
          ...at(anchor),
          message: {
            en: "client_max_body_size is not set: nginx's default of 1 MB applies (larger uploads get 413)",
            ja: 'client_max_body_size が設定されていません: nginx の既定値 1 MB が適用されます（それを超えるアップロードは 413 になります）',
          },
        }),
      );
    }
  },
});

function hasInLocation(d: { block?: { name: string; block?: unknown[] }[] }): boolean {
  for (const c of d.block ?? []) {
    if (c.name === 'client_max_body_size') return true;
    if (c.block && hasInLocation(c as never)) return true;
  }
  return false;
}
