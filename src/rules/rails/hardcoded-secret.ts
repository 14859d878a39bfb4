import type { RubyFacts } from '../../facts/ruby.js';
import { SHARED } from '../../contracts/types.js';
import { defineRule } from '../define.js';

const SIGNING_KEYS = new Set(['secret_key_base', 'secret_token']);

export default defineRule({
  id: 'rails/hardcoded-secret',
  severity: 'critical',
  environments: ['production', 'staging'],
  facts: ['ruby'],
  title: {
    en: 'Rails secret hard-coded in the repository',
    ja: 'Rails の秘密値がリポジトリにハードコードされている',
  },
  description: {
    en: '`secret_key_base` (or the older `secret_token`) signs and encrypts Rails cookies, sessions, signed IDs and Active Storage URLs. Written as a literal in config/application.rb, an environment file, an initializer or the production section of config/secrets.yml, it is known to everyone who can read the repository, its forks and its backups: they can forge a logged-in session (and, with the old Marshal cookie serializer, execute code). A literal fallback such as `ENV.fetch("SECRET_KEY_BASE", "…")` counts too. Database and service passwords written as literals in the production or shared sections of config/database.yml and config/secrets.yml are reported with high severity. Sections for development and test are not judged for production.',
    ja: '`secret_key_base` (古い `secret_token` も) は Rails の Cookie、セッション、署名付き ID、Active Storage の URL の署名と暗号化に使われます。config/application.rb、環境別設定、initializer、config/secrets.yml の production セクションにリテラルで書かれていると、リポジトリ (フォークやバックアップを含む) を読める人全員がその値を知り、ログイン済みセッションを偽造できます (古い Marshal 形式の Cookie シリアライザーならコード実行も可能です)。`ENV.fetch("SECRET_KEY_BASE", "…")` のようなリテラルのフォールバックも対象です。config/database.yml や config/secrets.yml の production / 共通セクションにリテラルで書かれた DB やサービスのパスワードは重大度 high で報告します。development / test のセクションは本番の判定対象外です。',
  },
  fix: {
    en: 'Remove the literal and rotate the secret (it is compromised once committed). Generate a new one with `bin/rails secret` and provide it through `SECRET_KEY_BASE` from the deployment\'s secret store (ECS `secrets`, Kubernetes Secret …) or through encrypted credentials (`bin/rails credentials:edit --environment production`, with the key outside the repository). In YAML use `<%= ENV["DB_PASSWORD"] %>`.',
    ja: 'リテラルを削除し、秘密値をローテーションしてください (コミットした時点で漏えいしています)。`bin/rails secret` で新しい値を生成し、デプロイ先のシークレットストア (ECS の `secrets`、Kubernetes Secret など) から `SECRET_KEY_BASE` として渡すか、暗号化された credentials (`bin/rails credentials:edit --environment production`、鍵はリポジトリ外に保管) を使います。YAML では `<%= ENV["DB_PASSWORD"] %>` と書きます。',
  },
  references: { cwe: ['CWE-798', 'CWE-321'], equivalents: ['Brakeman CheckSecrets', 'Brakeman CheckSessionSettings', 'seed S4.5'] },
  check(facts, ctx) {
    for (const f of facts.ruby) {
      for (const s of f.settings) {
        const last = s.key.split('.').pop()!;
        if (!SIGNING_KEYS.has(last)) continue;
        const v = s.value;
        if (v.kind === 'string' && v.value) {
          ctx.report({
            file: f.file,
            line: v.line,
            column: v.column,
            key: last,
            message: {
              en: `config.${s.key} is a hard-coded literal (${v.value.length} characters): anyone with the repository can forge sessions and signed cookies`,
              ja: `config.${s.key} がハードコードされたリテラルです (${v.value.length} 文字): リポジトリを読める人なら誰でもセッションや署名付き Cookie を偽造できます`,
            },
            secrets: [v.value],
          });
        } else if (v.kind === 'env' && v.envHasDefault && v.envDefault) {
          ctx.report({
            file: f.file,
            line: v.line,
            column: v.column,
            key: last,
            message: {
              en: `config.${s.key} falls back to a hard-coded literal (${v.envDefault.length} characters) when ${v.env?.[0] ?? 'the variable'} is unset`,
              ja: `${v.env?.[0] ?? '環境変数'} が未設定のとき、config.${s.key} はハードコードされたリテラル (${v.envDefault.length} 文字) になります`,
            },
            secrets: [v.envDefault],
          });
        }
      }
      for (const y of f.yamlSecrets) {
        if (overriddenInTarget(f, y.key, facts.ruby)) continue;
        const signing = SIGNING_KEYS.has(y.key.split('.').pop()!);
        const where = f.section ? `${f.file} (${f.section})` : f.file;
        ctx.report({
          file: f.file,
          line: y.line,
          column: y.column,
          key: y.key,
          severity: signing ? 'critical' : 'high',
          message: {
            en: `${y.key} is a hard-coded literal in ${where} (${y.value.length} characters)${signing ? ': anyone with the repository can forge sessions and signed cookies' : ''}`,
            ja: `${where} の ${y.key} がハードコードされたリテラルです (${y.value.length} 文字)${signing ? '。リポジトリを読める人なら誰でもセッションや署名付き Cookie を偽造できます' : ''}`,
          },
          secrets: [y.value],
          fix: signing
            ? undefined
            : {
                en: `Rotate the credential (it is compromised once committed), then write \`${y.key.split('.').pop()}: <%= ENV["${envNameOf(y.key)}"] %>\` and provide ${envNameOf(y.key)} from the deployment's secret store — or move it to encrypted credentials (\`bin/rails credentials:edit --environment production\`).`,
                ja: `認証情報をローテーションしてください (コミットした時点で漏えいしています)。そのうえで \`${y.key.split('.').pop()}: <%= ENV["${envNameOf(y.key)}"] %>\` と書き、${envNameOf(y.key)} をデプロイ先のシークレットストアから渡すか、暗号化された credentials (\`bin/rails credentials:edit --environment production\`) に移してください。`,
              },
        });
      }
    }
  },
});

/** `primary.password` → `PRIMARY_PASSWORD`, `twitter_consumer_secret` → `TWITTER_CONSUMER_SECRET`. */
function envNameOf(key: string): string {
  return key.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
}

/** A shared section's key (`default: password:`) that the target environment's own section redefines. */
function overriddenInTarget(f: RubyFacts, key: string, all: readonly RubyFacts[]): boolean {
  if (f.environment !== SHARED || f.source !== 'yaml') return false;
  return all.some((o) => o.file === f.file && o !== f && o.environment !== SHARED && (o.yamlKeys ?? []).includes(key));
}
