import { walk } from '../../facts/nginx/query.js';
import { defineRule } from '../define.js';
import { reporter } from './_shared.js';

export default defineRule({
  id: 'nginx/directory-listing',
  severity: 'medium',
  environments: ['production', 'staging'],
  facts: ['nginx'],
  title: {
    en: 'Directory listing enabled (autoindex on)',
    ja: 'ディレクトリ一覧が有効 (autoindex on)',
  },
  description: {
    en: 'autoindex on lists every file of a directory that has no index file: backups, uploaded files of other users, .env or .git leftovers, source maps. Attackers enumerate such listings automatically.',
    ja: 'autoindex on は、インデックスファイルのないディレクトリの全ファイルを一覧表示します。バックアップ、他のユーザーのアップロードファイル、残った .env や .git、ソースマップなどが見えてしまい、攻撃者はこうした一覧を自動で探索します。',
  },
  fix: {
    en: 'Remove `autoindex on;` (the default is off). If a public download directory is intended, keep it in a dedicated location and suppress this finding with the reason.',
    ja: '`autoindex on;` を削除します（既定値は off）。公開ダウンロード用ディレクトリとして意図している場合は、専用の location に限定し、理由を書いてこの指摘を抑制します。',
  },
  references: { cwe: ['CWE-548'] },
  check(facts, ctx) {
    const once = reporter(ctx);
    for (const cfg of facts.nginx) {
      walk(cfg.directives, (d, chain) => {
        if (d.name !== 'autoindex' || d.args[0]?.toLowerCase() !== 'on') return;
        const owner = chain[chain.length - 1]!.owner;
        const where = owner?.name === 'location' ? ` in location ${owner.args.join(' ')}` : owner ? ` in ${owner.name}` : '';
        const whereJa = owner?.name === 'location' ? `（location ${owner.args.join(' ')}）` : owner ? `（${owner.name}）` : '';
        once(`${d.file}:${d.line}`, () =>
          ctx.report({
            file: d.file,
            line: d.line,
            column: d.column,
            message: { en: `autoindex on${where}: directory contents are listed to anyone`, ja: `autoindex on${whereJa}: ディレクトリの中身が誰にでも一覧表示されます` },
          }),
        );
      });
    }
  },
});
