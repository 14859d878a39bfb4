import { isPlaceholder, isSecretName, weakSecretReason } from '../../lib/secrets.js';
import { defineRule } from '../define.js';
import { DB_PASSWORD_KEYS } from './_common.js';

function placeholder(value: string | undefined): boolean {
  if (value === undefined || !value.trim()) return false;
  return isPlaceholder(value) || weakSecretReason(value) === 'placeholder';
}

export default defineRule({
  id: 'compose/placeholder-secret',
  severity: 'high',
  facts: ['compose'],
  title: { en: 'Secret left as a placeholder in a compose file', ja: 'compose ファイルのシークレットがプレースホルダーのまま' },
  description: {
    en: "A secret-named variable in a service's `environment:` is a placeholder (`your_api_key_here`, `changeme`, `<token>`, `xxx`), or falls back to one when the variable is unset (`${API_KEY:-your_api_key_here}`). The service starts anyway and fails at the first real call, or, worse, runs with a value anyone can guess. Database passwords are judged by compose/weak-database-password.",
    ja: 'サービスの `environment:` で、シークレットらしい名前の変数がプレースホルダー (`your_api_key_here`、`changeme`、`<token>`、`xxx`) のままか、変数が未設定のときにプレースホルダーへフォールバックします (`${API_KEY:-your_api_key_here}`)。サービスはそのまま起動し、最初の本番の呼び出しで失敗するか、さらに悪いことに誰でも推測できる値で動き続けます。データベースのパスワードは compose/weak-database-password で判定します。',
  },
  fix: {
    en: 'Require the real value instead: `API_KEY: ${API_KEY:?API_KEY is required}` so `docker compose up` refuses to start without it, and provide it from the deploy environment, an untracked env file or a compose secret.',
    ja: '本物の値を必須にしてください: `API_KEY: ${API_KEY:?API_KEY is required}` とすれば、値がないと `docker compose up` が起動を拒否します。値はデプロイ環境、コミットしない env ファイル、または compose の secrets から渡します。',
  },
  references: { cwe: ['CWE-1188', 'CWE-1392'] },
  check(facts, ctx) {
    for (const f of facts.compose) {
      for (const svc of f.services) {
        for (const v of svc.environment) {
          if (!isSecretName(v.key) || DB_PASSWORD_KEYS.has(v.key.toUpperCase())) continue;
          if (!v.interpolated && placeholder(v.value)) {
            ctx.report({
              file: f.file,
              line: v.line,
              column: v.column,
              key: v.key,
              secrets: [v.value!],
              message: { en: `Service "${svc.name}" sets ${v.key} to a placeholder, not a real secret`, ja: `サービス "${svc.name}" の ${v.key} がプレースホルダーのままで、本物のシークレットではありません` },
            });
          } else if (v.reference?.default !== undefined && placeholder(v.reference.default)) {
            ctx.report({
              file: f.file,
              line: v.line,
              column: v.column,
              key: v.key,
              secrets: [v.reference.default],
              message: { en: `Service "${svc.name}" falls back to a placeholder for ${v.key} when \${${v.reference.name}} is unset`, ja: `サービス "${svc.name}" の ${v.key} は、\${${v.reference.name}} が未設定のときプレースホルダーにフォールバックします` },
              fix: { en: `Fail instead of falling back: \`${v.key}: \${${v.reference.name}:?${v.reference.name} is required}\`.`, ja: `フォールバックせずに失敗させてください: \`${v.key}: \${${v.reference.name}:?${v.reference.name} is required}\`。` },
            });
          }
        }
      }
    }
  },
});
