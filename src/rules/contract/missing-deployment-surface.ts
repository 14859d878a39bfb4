import { defineRule } from '../define.js';
import { allowList, isAllowed, listOf, listOfJa } from './_util.js';

export default defineRule({
  id: 'contract/missing-deployment-surface',
  severity: 'info',
  facts: ['envContract'],
  title: {
    en: 'Code reads variables but no deployment surface describes the target environment',
    ja: 'コードは変数を読むが、ターゲット環境のデプロイ設定がリポジトリにない',
  },
  description: {
    en: 'The code reads environment variables without defaults, but the repository holds nothing that defines the target environment\'s variables (an env file of that environment, a compose file, a Kubernetes manifest, a systemd unit, an ECS task definition); a Dockerfile\'s ENV only sets image defaults. honban cannot tell whether the deployment provides them, so it reports once, listing the variables, instead of once per read. Validate the real environment with `honban env --env production` (declare the variables in honban.yml), or commit the deployment definition.',
    ja: 'コードは既定値なしで環境変数を読んでいますが、リポジトリにはターゲット環境の変数を定義するもの (その環境用の env ファイル、compose ファイル、Kubernetes マニフェスト、systemd ユニット、ECS タスク定義) がありません。Dockerfile の ENV はイメージの既定値を設定するだけです。デプロイ先がこれらを渡しているか honban には判断できないため、読み出しごとではなく 1 件だけ、変数の一覧とともに報告します。`honban env --env production` で実際の環境を検証するか (変数は honban.yml に宣言)、デプロイ定義をコミットしてください。',
  },
  fix: {
    en: 'Declare the variables under `variables:` in honban.yml and run `honban env --env production` in the deploy step, or commit the deployment definition (compose file, task definition, manifest) so honban scan can check it.',
    ja: 'honban.yml の `variables:` に変数を宣言してデプロイ時に `honban env --env production` を実行するか、デプロイ定義 (compose ファイル、タスク定義、マニフェスト) をコミットして honban scan で確認できるようにしてください。',
  },
  references: { equivalents: ['seed S4.4'] },
  check(facts, ctx) {
    const allow = allowList(ctx.options);
    for (const c of facts.envContract) {
      if (c.surfaces.some((s) => s.defining) || c.unread.length > 0) continue;
      const needed = c.variables.filter((v) => !v.platform && !isAllowed(v.name, allow) && v.provided.length === 0 && v.requiredReads.length > 0);
      if (!needed.length) continue;
      const reads = needed.map((v) => v.requiredReads[0]!).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
      const first = reads[0]!;
      const names = needed.map((v) => v.name);
      const images = c.surfaces.filter((s) => s.fact === 'dockerfile').map((s) => s.file);
      const others = [...new Set(c.otherSurfaces.map((s) => s.file))];
      const extra: string[] = [];
      const extraJa: string[] = [];
      if (images.length) {
        extra.push(`${listOf(images)} only set${images.length === 1 ? 's' : ''} image defaults`);
        extraJa.push(`${listOfJa(images)} はイメージの既定値を設定するだけです`);
      }
      if (others.length) {
        extra.push(`only other environments are defined (${listOf(others)})`);
        extraJa.push(`定義があるのは他の環境だけです (${listOfJa(others)})`);
      }
      ctx.report({
        file: first.file,
        line: first.line,
        column: first.column,
        fingerprint: `missing-deployment-surface ${c.target}`,
        message: {
          en: `The code reads ${names.length} variable${names.length === 1 ? '' : 's'} without a default (${listOf(names, 8)}) but the repository has no ${c.target} deployment surface to check them against${extra.length ? `; ${extra.join('; ')}` : ''}`,
          ja: `コードは ${names.length} 個の変数を既定値なしで読んでいます (${listOfJa(names, 8)}) が、照合できる ${c.target} のデプロイ設定がリポジトリにありません${extraJa.length ? `。${extraJa.join('。')}` : ''}`,
        },
      });
    }
  },
});
