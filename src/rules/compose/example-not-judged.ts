import { projectOf } from '../../facts/projects.js';
import { TEMPLATE } from '../../contracts/types.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'compose/example-not-judged',
  severity: 'info',
  // Sees templates: it says why one was not judged as the deployment.
  scope: 'all',
  environments: ['production', 'staging'],
  facts: ['compose', 'projects'],
  title: { en: 'Compose file named as an example was not judged as the deployment', ja: 'サンプル名の Compose ファイルはデプロイとして判定されていない' },
  description: {
    en: 'A compose file whose name marks it as a template (`compose.example.yml`, `docker-compose.sample.yml`, `…template…`) is judged only for committed credentials, never as the target environment — yet projects often ship their self-hosting deployment this way ("download compose.example.yml as compose.yml"). When such a file defines runnable services and its project has no compose file of the target environment, honban says so here instead of staying silent: its weak passwords, published database ports, `latest` images or missing restart policies were not checked. Not reported when the project has a compose file of the target environment, or when honban.yml classifies the file.',
    ja: '名前がテンプレートを示す Compose ファイル (`compose.example.yml`、`docker-compose.sample.yml`、`…template…`) は、コミットされた認証情報だけを判定し、対象環境としては判定しません。しかしセルフホスト用のデプロイをこの形で配布するプロジェクトは多くあります (「compose.example.yml を compose.yml としてダウンロード」)。そのようなファイルが実行可能なサービスを定義し、同じプロジェクトに対象環境の Compose ファイルがない場合、黙らずにここで知らせます: 弱いパスワード、公開されたデータベースポート、`latest` イメージ、再起動ポリシーの欠如は検査されていません。プロジェクトに対象環境の Compose ファイルがある場合や、honban.yml でファイルを分類している場合は報告しません。',
  },
  fix: {
    en: 'If production runs this file, classify it in honban.yml so it is judged as the deployment: `environments: { production: [compose.example.yml] }`. If it is only an illustration, nothing to do (or add a compose file of the real deployment).',
    ja: '本番がこのファイルを実行するなら、honban.yml で分類してデプロイとして判定させてください: `environments: { production: [compose.example.yml] }`。説明用にすぎないなら対応不要です (実際のデプロイの Compose ファイルを追加してもかまいません)。',
  },
  check(facts, ctx) {
    const judgedProjects = new Set(facts.compose.filter((f) => f.environment !== TEMPLATE && ctx.judges(f.environment)).map((f) => projectOf(facts.projects, f.file)));
    for (const f of facts.compose) {
      if (f.environment !== TEMPLATE) continue;
      const runnable = f.services.filter((s) => s.image || s.build);
      if (!runnable.length || judgedProjects.has(projectOf(facts.projects, f.file))) continue;
      const name = f.file.split('/').pop()!;
      ctx.report({
        file: f.file,
        line: runnable[0]!.line,
        column: runnable[0]!.column,
        message: {
          en: `${f.file} defines ${runnable.length} service${runnable.length === 1 ? '' : 's'} (${runnable.map((s) => s.name).join(', ')}) but its name marks it as a template, so it was judged for committed credentials only, not as the ${ctx.environment} deployment; if ${ctx.environment} runs it, classify it in honban.yml (environments: { ${ctx.environment}: [${f.file}] })`,
          ja: `${f.file} は ${runnable.length} 個のサービス (${runnable.map((s) => s.name).join(', ')}) を定義していますが、名前がテンプレートを示すため、コミットされた認証情報だけを判定し、${ctx.environment} のデプロイとしては判定していません。${ctx.environment} で実行するなら honban.yml で分類してください (environments: { ${ctx.environment}: [${f.file}] })`,
        },
        fix: {
          en: `If ${ctx.environment} runs ${name}, add \`environments: { ${ctx.environment}: [${f.file}] }\` to honban.yml and scan again.`,
          ja: `${ctx.environment} が ${name} を実行するなら、honban.yml に \`environments: { ${ctx.environment}: [${f.file}] }\` を加えて再度スキャンしてください。`,
        },
      });
    }
  },
});
