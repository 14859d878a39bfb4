import { defineRule } from '../define.js';
import { debugSetting } from '../../lib/debug-settings.js';

export default defineRule({
  id: 'compose/debug-enabled',
  severity: 'high',
  environments: ['production', 'staging'],
  facts: ['compose'],
  title: { en: 'Compose service runs with development or debug settings', ja: 'compose のサービスが開発用・デバッグ用の設定で動く' },
  description: {
    en: "A service's `environment:` in a production or shared compose file switches the application into development behaviour: DEBUG / FLASK_DEBUG / DJANGO_DEBUG on, FLASK_ENV / NODE_ENV / RAILS_ENV / APP_ENV = development or test, or a safety switch such as DISABLE_CSRF / ALLOW_DB_RESET / NODE_TLS_REJECT_UNAUTHORIZED=0 — directly or as the fallback of `${VAR:-…}`. Debug error pages expose source, settings and secrets, and some debuggers run code. A development compose file (docker-compose.dev.yml, compose.override.yml) is not judged for production.",
    ja: '本番用または共通の compose ファイルで、サービスの `environment:` がアプリケーションを開発用の動作に切り替えています: DEBUG / FLASK_DEBUG / DJANGO_DEBUG が有効、FLASK_ENV / NODE_ENV / RAILS_ENV / APP_ENV が development や test、または DISABLE_CSRF / ALLOW_DB_RESET / NODE_TLS_REJECT_UNAUTHORIZED=0 などの安全装置の無効化（直接、または `${VAR:-…}` のフォールバック値として）。デバッグ用エラーページはソース・設定・シークレットを表示し、デバッガーによってはコードを実行できます。開発用の compose ファイル (docker-compose.dev.yml、compose.override.yml) は本番向けには判定しません。',
  },
  fix: {
    en: 'Set production values in the shared / production file (`DEBUG: "0"`, `NODE_ENV: production`) and move development switches to docker-compose.dev.yml or compose.override.yml.',
    ja: '共通・本番用のファイルには本番用の値 (`DEBUG: "0"`、`NODE_ENV: production`) を設定し、開発用の切り替えは docker-compose.dev.yml や compose.override.yml に移してください。',
  },
  references: { cwe: ['CWE-489', 'CWE-215'] },
  check(facts, ctx) {
    for (const f of facts.compose) {
      for (const svc of f.services) {
        for (const v of svc.environment) {
          let why = v.value !== undefined && !v.interpolated ? debugSetting(v.key, v.value) : undefined;
          let fallback = false;
          if (!why && v.reference?.default !== undefined) {
            why = debugSetting(v.key, v.reference.default);
            fallback = !!why;
          }
          if (!why) continue;
          ctx.report({
            file: f.file,
            line: v.line,
            column: v.column,
            key: v.key,
            message: fallback
              ? { en: `Service "${svc.name}": when \${${v.reference!.name}} is unset, ${why.en}`, ja: `サービス "${svc.name}": \${${v.reference!.name}} が未設定のとき、${why.ja}` }
              : { en: `Service "${svc.name}": ${why.en}`, ja: `サービス "${svc.name}": ${why.ja}` },
          });
        }
      }
    }
  },
});
