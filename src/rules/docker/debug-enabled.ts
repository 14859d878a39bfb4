import { defineRule } from '../define.js';
import { deployedStages } from '../../facts/docker-stages.js';
import { debugSetting } from '../../lib/debug-settings.js';

export default defineRule({
  id: 'docker/debug-enabled',
  severity: 'high',
  environments: ['production', 'staging'],
  facts: ['dockerfile', 'compose'],
  title: { en: 'Image sets development or debug environment variables', ja: 'イメージが開発用・デバッグ用の環境変数を設定している' },
  description: {
    en: 'The final image sets ENV values that switch the application into development behaviour: DEBUG / FLASK_DEBUG / DJANGO_DEBUG on, FLASK_ENV / NODE_ENV / RAILS_ENV / APP_ENV = development or test, or a safety switch such as DISABLE_CSRF / NODE_TLS_REJECT_UNAUTHORIZED=0. Every container started from the image inherits them unless each deployment remembers to override them: debug error pages leak source and settings, and some debuggers execute code.',
    ja: '最終イメージの ENV が、アプリケーションを開発用の動作に切り替えています: DEBUG / FLASK_DEBUG / DJANGO_DEBUG が有効、FLASK_ENV / NODE_ENV / RAILS_ENV / APP_ENV が development や test、または DISABLE_CSRF / NODE_TLS_REJECT_UNAUTHORIZED=0 などの安全装置の無効化。デプロイのたびに上書きし忘れなければ、イメージから起動するすべてのコンテナに引き継がれます。デバッグ用エラーページはソースや設定を漏らし、デバッガーによってはコードを実行できます。',
  },
  fix: {
    en: 'Set production values in the image (`ENV NODE_ENV=production`, `DEBUG=0`) and keep development switches in Dockerfile.dev, a build target for development, or the development compose file.',
    ja: 'イメージには本番用の値を設定し (`ENV NODE_ENV=production`、`DEBUG=0`)、開発用の切り替えは Dockerfile.dev、開発用ビルドターゲット、または開発用 compose ファイルに置いてください。',
  },
  references: { cwe: ['CWE-489', 'CWE-215'] },
  check(facts, ctx) {
    for (const f of facts.dockerfile) {
      for (const e of [...new Map(deployedStages(f, facts.compose).flatMap((st) => st.effective.env).map((e) => [`${e.line}:${e.column}`, e])).values()]) {
        if (e.value === undefined || e.hasReference) continue;
        const why = debugSetting(e.key, e.value);
        if (!why) continue;
        ctx.report({
          file: f.file,
          line: e.line,
          column: e.column,
          key: e.key,
          message: { en: `ENV ${why.en} in every container of this image`, ja: `ENV ${why.ja}。このイメージのすべてのコンテナが対象です` },
        });
      }
    }
  },
});
