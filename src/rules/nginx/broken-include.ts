import { defineRule } from '../define.js';
import { reporter } from './_shared.js';

export default defineRule({
  id: 'nginx/broken-include',
  severity: 'high',
  facts: ['nginx'],
  title: {
    en: 'include loop or unreadable included file',
    ja: 'include のループ、または読めない include ファイル',
  },
  description: {
    en: 'An include that leads back to a file already being read makes nginx recurse until it runs out of file descriptors, and an included file with a syntax error stops nginx from loading the configuration: either way `nginx -t` fails and a reload is refused (a restart leaves the site down).',
    ja: 'すでに読み込み中のファイルへ戻る include があると、nginx はファイルディスクリプタを使い果たすまで再帰します。構文エラーのある include ファイルも設定の読み込みを止めます。どちらの場合も `nginx -t` は失敗し、reload は拒否されます（restart するとサイトが停止したままになります）。',
  },
  fix: {
    en: 'Break the loop (a file must not include itself directly or through others; keep site files out of the directories that nginx.conf includes with a glob), or fix the syntax of the included file; check with `nginx -t`.',
    ja: 'ループを解消する（ファイルが直接または間接に自分自身を include しないようにし、nginx.conf がグロブで include するディレクトリにサイトの設定を重ねて置かない）か、include されるファイルの構文を直し、`nginx -t` で確認します。',
  },
  check(facts, ctx) {
    const once = reporter(ctx);
    for (const cfg of facts.nginx) {
      for (const p of cfg.problems) {
        if (p.reported) continue;
        once(`${p.file}:${p.line}:${p.target}`, () =>
          ctx.report({
            file: p.file,
            line: p.line,
            column: p.column,
            message:
              p.kind === 'loop'
                ? { en: `include ${p.target} loops back (${p.message})`, ja: `include ${p.target} がループしています (${p.message})` }
                : p.kind === 'depth'
                  ? { en: `include ${p.target}: ${p.message}`, ja: `include ${p.target}: include の入れ子が深すぎます` }
                  : { en: `include ${p.target}: the included file cannot be parsed (${p.message})`, ja: `include ${p.target}: include されるファイルを解析できません (${p.message})` },
          }),
        );
      }
    }
  },
});
