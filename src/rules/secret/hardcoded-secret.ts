import { railsRoleOf } from '../../facts/ruby.js';
import { isPlaceholder, isSecretName, weakReasonText, weakSecretReason } from '../../lib/secrets.js';
import { parseBoolean } from '../../lib/values.js';
import { defineRule } from '../define.js';
import { configValues } from './_config-values.js';

/** Values that point elsewhere: template variables, secret-store references, environment lookups. */
const REFERENCE = [
  /\$\{\{?[^}]*\}\}?/, // ${VAR}, ${{ secrets.X }}
  /^\$[A-Za-z_][A-Za-z0-9_]*$/, // $VAR
  /\{\{.*\}\}/, // {{ vault_password }}, {{resolve:secretsmanager:…}}
  /%\([A-Za-z_]+\)s/, // %(password)s (configparser interpolation)
  /#\{[^}]+\}/, // #{ENV['X']}
  /<%=?.*%>/, // ERB
  /^ENC\[/, // sops
  /^(vault|op|sm|awssm|gcpsm|azkv|ssm|secretsmanager|file|env):/i, // secret-store URIs, env:VAR
  /^arn:aws:(secretsmanager|ssm|kms):/,
  /^projects\/[^/]+\/secrets\//, // GCP Secret Manager
];

export function isReferenceValue(value: string): boolean {
  return REFERENCE.some((re) => re.test(value));
}

/**
 * Values that are not secrets even under a secret-like key: booleans and small numbers
 * (`token_ttl: 3600` style settings), file paths, URLs without credentials, environment-variable
 * names, UI text (`password: "Forgot your password?"`, labels in other languages).
 */
export function isNotASecret(key: string, value: string): boolean {
  const v = value.trim();
  if (!v) return true;
  if (/^\d{1,6}$/.test(v) || (parseBoolean(v) !== undefined && v !== '')) return true;
  if (/^(\/|\.\.?\/|~\/|[A-Za-z]:\\)/.test(v) || /\.(pem|key|crt|cer|p12|pfx|jks|json|txt|gpg|asc|pub)$/i.test(v)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !/^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*:[^/@\s]+@/i.test(v)) return true;
  if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(v)) return true; // names another variable: DB_PASSWORD
  if (v.toLowerCase() === key.toLowerCase() || v.toLowerCase().replace(/[\s_-]/g, '') === key.toLowerCase().replace(/[\s_-]/g, '')) return true;
  if (/[^\x00-\x7f]/.test(v) && !/[A-Za-z0-9]{8,}/.test(v)) return true; // パスワード, Mot de passe …
  if (v.split(/\s+/).length >= 3 || /[.?!:]$/.test(v)) return true; // prose
  if (/\s/.test(v) && /[/=]/.test(v)) return true; // a command line (package.json scripts)
  if (/^(string|str|text|password|secret|token|int|integer|number|boolean|bool|required|optional|hidden|masked|sensitive|header|query|cookie|bearer|basic|none|null|nil|undefined)$/i.test(v)) return true;
  return false;
}

export default defineRule({
  id: 'secret/hardcoded-secret',
  severity: 'high',
  facts: ['file', 'credentials'],
  title: {
    en: 'Secret written in a configuration file',
    ja: '設定ファイルに秘密値が直接書かれている',
  },
  description: {
    en: 'A secret-named key (password, secret_key, api_key, token, client_secret …) in a YAML, JSON, INI, TOML, .properties, .conf or .npmrc file holds a literal value. Configuration files are committed and copied into images, so the value reaches everyone who can read the repository or the image, and changing it needs a commit and a deploy. References (`${DB_PASSWORD}`, `{{ vault_db_password }}`, `!vault`, `!Ref`, secret-store ARNs) and placeholders are fine. Env files, application code, compose / Kubernetes / Dockerfiles and Terraform are judged by their own rules; files of other environments (config/development.yml) are not judged for production.',
    ja: 'YAML、JSON、INI、TOML、.properties、.conf、.npmrc ファイルで、秘密値らしい名前のキー (password、secret_key、api_key、token、client_secret など) に値が直接書かれています。設定ファイルはコミットされ、イメージにもコピーされるため、リポジトリやイメージを読める人全員に値が渡り、変更にもコミットとデプロイが必要になります。参照 (`${DB_PASSWORD}`、`{{ vault_db_password }}`、`!vault`、`!Ref`、シークレットストアの ARN) やプレースホルダーは問題ありません。env ファイル、アプリケーションコード、compose / Kubernetes / Dockerfile、Terraform はそれぞれ専用のルールで判定し、他の環境のファイル (config/development.yml など) は本番の判定対象外です。',
  },
  fix: {
    en: 'Replace the value with a reference resolved at deploy or run time (an environment variable such as `${DB_PASSWORD}`, Ansible Vault, sops, or your secret store), remove the literal, and rotate it: it is in the git history.',
    ja: '値をデプロイ時または実行時に解決される参照 (`${DB_PASSWORD}` のような環境変数、Ansible Vault、sops、シークレットストア) に置き換えてリテラルを削除し、ローテーションしてください。git の履歴に残っています。',
  },
  references: { cwe: ['CWE-798', 'CWE-260'] },
  check(facts, ctx) {
    const credentials = new Map(facts.credentials.map((c) => [c.file, c.hits]));
    for (const f of facts.file) {
      if (f.gitIgnored && !f.gitTracked) continue;
      // Rails' config/secrets.yml and config/database.yml are judged per section by the rails rules.
      const role = railsRoleOf(f.file);
      if (role === 'secrets' || role === 'database') continue;
      const candidates = configValues(f).filter((c) => {
        if (c.tagged || !isSecretName(c.key)) return false;
        const v = c.value.trim();
        return !isReferenceValue(v) && !isNotASecret(c.key, v) && !isPlaceholder(v);
      });
      if (!candidates.length) continue;
      // A value in a known credential format is secret/known-credential's finding.
      const known = new Set((credentials.get(f.file) ?? []).map((h) => h.line));
      for (const c of candidates) {
        if (known.has(c.line)) continue;
        const v = c.value.trim();
        const reason = weakSecretReason(v);
        const weak = reason && reason !== 'short' && reason !== 'empty' && reason !== 'placeholder' ? weakReasonText(reason, v.length) : undefined;
        ctx.report({
          file: f.file,
          line: c.line,
          column: c.column,
          key: c.path,
          message: {
            en: `${c.path} holds a literal secret (${v.length} characters) in a configuration file${weak ? `, and it ${weak.en}` : ''}`,
            ja: `設定ファイルの ${c.path} に秘密値 (${v.length} 文字) が直接書かれています${weak ? `。しかも値${weak.ja}` : ''}`,
          },
          fix: {
            en: `Replace the value of ${c.path} with a reference resolved at run time (for example \${${c.key.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}} from the environment or your secret store) and rotate the old value.`,
            ja: `${c.path} の値を実行時に解決される参照 (例: 環境変数やシークレットストアの \${${c.key.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}}) に置き換え、古い値をローテーションしてください。`,
          },
          secrets: [c.value, v],
        });
      }
    }
  },
});
