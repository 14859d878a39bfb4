import { defineAwsRule, msg, report, str } from './_util.js';

export default defineAwsRule({
  id: 'tf-aws/ecs-root-user',
  severity: 'medium',
  facts: ['terraform'],
  title: { en: 'ECS container runs as root', ja: 'ECS コンテナが root で動いている' },
  description: {
    en: 'The container definition sets `user` to root (`root`, `0`, `0:0`). A vulnerability in the application then runs with full privileges inside the container: it can modify the image\'s files, read mounted secrets, and any container escape starts from root.',
    ja: 'コンテナ定義の `user` が root（`root`、`0`、`0:0`）になっています。アプリに脆弱性があればコンテナ内の全権限で実行され、イメージのファイル改ざんやマウントされた秘密情報の読み取りが可能になり、コンテナエスケープも root から始まります。',
  },
  fix: {
    en: 'Create an unprivileged user in the image (`RUN useradd -r -u 10001 app` + `USER app`) and set `user = "10001"` in the container definition (or remove `user` when the image already drops root).',
    ja: 'イメージに非特権ユーザーを作成し（`RUN useradd -r -u 10001 app` と `USER app`）、コンテナ定義で `user = "10001"` を指定します（イメージ側で root を落としているなら `user` を削除します）。',
  },
  references: { cwe: ['CWE-250'] },
  check(facts, ctx) {
    for (const f of facts.terraform) {
      for (const c of f.containers) {
        const u = c.user ? str(c.user.value) : undefined;
        if (u === undefined) continue;
        const user = u.trim().split(':')[0]!.toLowerCase();
        if (user !== 'root' && user !== '0') continue;
        const loc = c.user!.value.loc ?? c;
        ctx.report(report({ file: loc.file, line: loc.line, column: loc.column }, msg(`${c.taskDefinition}${c.name ? ` (${c.name})` : ''}: `, { en: `user is "${u}": the container runs as root`, ja: `user が "${u}" です: コンテナが root で動きます` })));
      }
    }
  },
});
