import type { DotenvEntry } from '../../facts/dotenv.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'env/duplicate-key',
  severity: 'low',
  facts: ['dotenv'],
  title: {
    en: 'Variable assigned twice in one env file',
    ja: '同じ env ファイルで変数が 2 回設定されている',
  },
  description: {
    en: 'The same key is assigned more than once in one env file. dotenv and docker compose use the last assignment, other loaders and people reading the file from the top see the first: the value that reaches production is not the one a reviewer expects, and a later copy-paste silently overrides a hardened setting.',
    ja: '1 つの env ファイルで同じキーが複数回設定されています。dotenv や docker compose は最後の設定を使いますが、他のローダーやファイルを上から読む人は最初の設定を見ます。本番に届く値がレビューした人の想定と食い違い、後からコピーした行が強化した設定を黙って上書きしてしまいます。',
  },
  fix: {
    en: 'Keep one assignment per key and delete the others.',
    ja: 'キーごとに設定を 1 つだけ残し、ほかは削除してください。',
  },
  check(facts, ctx) {
    for (const f of facts.dotenv) {
      const first = new Map<string, DotenvEntry>();
      for (const e of f.entries) {
        const prev = first.get(e.key);
        if (!prev) {
          first.set(e.key, e);
          continue;
        }
        const same = prev.value === e.value;
        ctx.report({
          file: f.file,
          line: e.line,
          column: e.column,
          key: e.key,
          message: {
            en: `${e.key} is assigned again (first on line ${prev.line})${same ? ' with the same value' : '; dotenv uses the last assignment'}`,
            ja: `${e.key} が再度設定されています (最初は ${prev.line} 行目)${same ? '。値は同じです' : '。dotenv は最後の設定を使います'}`,
          },
          fix: {
            en: `Delete one of the ${e.key} lines (${prev.line} and ${e.line}) so the file says once what production gets.`,
            ja: `${e.key} の行 (${prev.line} 行目と ${e.line} 行目) のどちらかを削除し、本番に渡る値がファイル内で 1 回だけ書かれるようにしてください。`,
          },
        });
      }
    }
  },
});
