import { railsRoleOf } from '../../facts/ruby.js';
import { isPlaceholder, isSecretName, notASecretValue, weakReasonText, weakSecretReason } from '../../lib/secrets.js';
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

/** Directories of translations: their values are UI text. */
const TRANSLATION_DIR = /(^|\/)(locales?|i18n|l10n|lang|langs|translations?)\//i;
/** Directories of test / seed data (Django fixtures, factories): not configuration of a deployment. */
const FIXTURE_DIR = /(^|\/)(fixtures?|__fixtures__|testdata|test_data|seeds?)\//i;
/** Sections of package manifests and docs sites whose values are versions or page paths. */
const NOT_CONFIG_PATH = /^(dependencies|devDependencies|peerDependencies|optionalDependencies|bundleDependencies|resolutions|overrides|engines|pnpm|volta|nav|permissions|jobs\.[^.]+\.permissions)(\.|$)/;
/** A locale code as the single root key of a YAML file (Rails `en:`, `pt-BR:`). */
const LOCALE_ROOT = /^[a-z]{2,3}([_-][A-Za-z]{2,4})?$/;

/** Translation, fixture and docs-navigation files are not configuration. */
export function isNotConfiguration(file: string, paths: readonly string[]): boolean {
  if (TRANSLATION_DIR.test(file) || FIXTURE_DIR.test(file)) return true;
  const base = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
  if (base === 'mkdocs.yml' || base === 'mkdocs.yaml') return true;
  // A YAML file whose every key lives under one locale code is a translation (config/locales/x.en.yml).
  const roots = new Set(paths.map((p) => p.split('.')[0]!));
  return roots.size === 1 && LOCALE_ROOT.test([...roots][0]!) && /\.ya?ml$/.test(base);
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
    en: 'A secret-named key (password, secret_key, api_key, token, client_secret …) in a YAML, JSON, INI, TOML, .properties, .conf or .npmrc file holds a literal value. Configuration files are committed and copied into images, so the value reaches everyone who can read the repository or the image, and changing it needs a commit and a deploy. References (`${DB_PASSWORD}`, `{{ vault_db_password }}`, `!vault`, `!Ref`, secret-store ARNs) and placeholders are fine. Env files, application code, compose / Kubernetes / Dockerfiles and Terraform are judged by their own rules; files of other environments (config/development.yml) are not judged for production. Deliberately not reported: translations (`locales/`, a YAML file under one locale key such as `en:`), fixtures and seed data, docs navigation (mkdocs), CI workflows (their own environment), package-manifest dependency versions, GitHub Actions permission keywords (`id-token: write`), password hashes (`pbkdf2_sha256$…`, `$2b$…`), UI text and words that repeat the key\'s own name.',
    ja: 'YAML、JSON、INI、TOML、.properties、.conf、.npmrc ファイルで、秘密値らしい名前のキー (password、secret_key、api_key、token、client_secret など) に値が直接書かれています。設定ファイルはコミットされ、イメージにもコピーされるため、リポジトリやイメージを読める人全員に値が渡り、変更にもコミットとデプロイが必要になります。参照 (`${DB_PASSWORD}`、`{{ vault_db_password }}`、`!vault`、`!Ref`、シークレットストアの ARN) やプレースホルダーは問題ありません。env ファイル、アプリケーションコード、compose / Kubernetes / Dockerfile、Terraform はそれぞれ専用のルールで判定し、他の環境のファイル (config/development.yml など) は本番の判定対象外です。意図的に報告しないもの: 翻訳ファイル (`locales/`、`en:` のようなロケール 1 つの下にある YAML)、フィクスチャやシードデータ、ドキュメントのナビゲーション (mkdocs)、CI のワークフロー (独自の環境)、パッケージマニフェストの依存バージョン、GitHub Actions の権限キーワード (`id-token: write`)、パスワードのハッシュ (`pbkdf2_sha256$…`、`$2b$…`)、UI の文言、キー自身の名前を繰り返す単語。',
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
      const values = configValues(f);
      if (!values.length || isNotConfiguration(f.file, values.map((c) => c.path))) continue;
      const candidates = values.filter((c) => {
        if (c.tagged || !isSecretName(c.key) || NOT_CONFIG_PATH.test(c.path)) return false;
        const v = c.value.trim();
        return !isReferenceValue(v) && !isNotASecret(c.key, v) && !isPlaceholder(v) && !notASecretValue(c.key, v);
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
