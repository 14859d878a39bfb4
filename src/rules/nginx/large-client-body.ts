import { walk } from '../../facts/nginx/query.js';
import { defineRule } from '../define.js';
import { reporter } from './_shared.js';

const LIMIT = 100 * 1024 * 1024;

/** nginx size syntax (`10m`, `512k`, `1g`, `0`) in bytes. */
export function parseSize(v: string): number | undefined {
  const m = /^(\d+)([kKmMgG]?)$/.exec(v.trim());
  if (!m) return undefined;
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(m[1]) * mult;
}

export default defineRule({
  id: 'nginx/large-client-body',
  severity: 'low',
  environments: ['production', 'staging'],
  facts: ['nginx'],
  title: {
    en: 'client_max_body_size unlimited or very large',
    ja: 'client_max_body_size が無制限または非常に大きい',
  },
  description: {
    en: 'client_max_body_size 0 turns the body-size check off, and limits above 100 MB let any client stream huge bodies into nginx\'s temp files and the application: a cheap way to fill the disk or exhaust workers. Large limits belong only in the location of the upload endpoint that needs them.',
    ja: 'client_max_body_size 0 はボディサイズの検査を無効にし、100 MB を超える上限では任意のクライアントが巨大なボディを nginx の一時ファイルやアプリケーションに送り込めます。ディスクを埋めたりワーカーを使い果たしたりする安価な攻撃になります。大きな上限は、それを必要とするアップロード用 location だけに設定します。',
  },
  fix: {
    en: 'Use a limit the application really needs (e.g. `client_max_body_size 10m;`), and raise it only in the upload location.',
    ja: 'アプリケーションが本当に必要な上限（例: `client_max_body_size 10m;`）にし、アップロード用の location だけで引き上げます。',
  },
  references: { cwe: ['CWE-400', 'CWE-770'] },
  check(facts, ctx) {
    const once = reporter(ctx);
    for (const cfg of facts.nginx) {
      walk(cfg.directives, (d) => {
        if (d.name !== 'client_max_body_size' || !d.args[0]) return;
        const size = parseSize(d.args[0]);
        if (size === undefined || (size !== 0 && size <= LIMIT)) return;
        once(`${d.file}:${d.line}`, () =>
          ctx.report({
            file: d.file,
            line: d.line,
            column: d.words[1]!.column,
            message:
              size === 0
                ? { en: 'client_max_body_size 0 disables the request body limit', ja: 'client_max_body_size 0 はリクエストボディの上限を無効にします' }
                : { en: `client_max_body_size ${d.args[0]} is larger than 100m`, ja: `client_max_body_size ${d.args[0]} が 100m より大きいです` },
          }),
        );
      });
    }
  },
});
