import { tokenFormatOf } from '../../lib/secrets.js';
import { isPlaceholder, isSecretName, weakSecretReason } from '../../lib/secrets.js';
import { defineRule } from '../define.js';
import { notASecretValue } from '../../lib/secrets.js';
import { urlPassword } from '../../lib/url.js';
import { DB_PASSWORD_KEYS } from './_common.js';

export default defineRule({
  id: 'compose/secret-in-environment',
  severity: 'critical',
  // A real credential committed in docker-compose.dev.yml is leaked too; weak development values there are not judged.
  scope: 'all',
  facts: ['compose'],
  title: { en: 'Secret written into a compose file', ja: 'compose ファイルにシークレットが直書きされている' },
  description: {
    en: "A service's `environment:` sets a secret-named variable (SECRET_KEY, API_TOKEN, DB_PASSWORD …) to a literal value, or a value in a known credential format (AWS key, GitHub / Slack / Stripe / OpenAI token, URL with an inline password). The compose file is committed: everyone with access to the repository, its forks, CI logs and backups has the secret, and `docker inspect` shows it on the host. A secret written as the fallback of a reference (`SECRET_KEY_BASE: ${SECRET_KEY_BASE:-a7f3…}`) is reported too, at high severity — in a template as well, since every deployment that copies the file without setting the variable runs with that published value. Placeholders and weak database passwords are reported by their own rules (compose/placeholder-secret, compose/weak-database-password). Deliberately not reported outside the target environment (a development stack, CI): a URL credential or secret with a weak or default password, which guards a throw-away service.",
    ja: 'サービスの `environment:` で、シークレットらしい名前の変数 (SECRET_KEY、API_TOKEN、DB_PASSWORD など) にリテラル値、または既知の認証情報の形式の値（AWS キー、GitHub / Slack / Stripe / OpenAI のトークン、パスワード入り URL）を設定しています。compose ファイルはリポジトリにコミットされるため、リポジトリやフォーク、CI のログ、バックアップにアクセスできる人は誰でもシークレットを入手でき、ホストでは `docker inspect` で見えます。参照のフォールバックに書かれたシークレット (`SECRET_KEY_BASE: ${SECRET_KEY_BASE:-a7f3…}`) も high として報告します。テンプレートでも同様です: 変数を設定せずにファイルをコピーしたすべてのデプロイが、公開されたその値で動くためです。プレースホルダーと弱いデータベースパスワードは専用のルール (compose/placeholder-secret、compose/weak-database-password) で報告します。意図的に報告しないもの: 対象環境以外 (開発用スタックや CI) で、使い捨てのサービスを守るだけの弱いまたはデフォルトのパスワードを持つ URL の認証情報や秘密値。',
  },
  fix: {
    en: 'Remove the value and rotate the secret. Reference it instead (`SECRET_KEY: ${SECRET_KEY:?SECRET_KEY is required}` with the value in an untracked .env), load it with `env_file:` from a file that is not committed, or use compose `secrets:` (mounted at /run/secrets/<name>; many images accept `<VAR>_FILE`).',
    ja: '値を削除し、シークレットをローテーションしてください。代わりに参照にする (`SECRET_KEY: ${SECRET_KEY:?SECRET_KEY is required}` とし、値はコミットしない .env に置く)、コミットしないファイルから `env_file:` で読み込む、または compose の `secrets:` を使います（/run/secrets/<名前> にマウントされ、多くのイメージは `<変数>_FILE` に対応しています）。',
  },
  references: { cwe: ['CWE-798', 'CWE-256'] },
  check(facts, ctx) {
    for (const f of facts.compose) {
      const judged = ctx.judges(f.environment);
      // Services that share one written entry (a YAML anchor merged into several): one finding naming them all.
      const sharing = new Map<string, string[]>();
      for (const svc of f.services) for (const v of svc.environment) sharing.set(`${v.line}:${v.column}`, [...(sharing.get(`${v.line}:${v.column}`) ?? []), svc.name]);
      const done = new Set<string>();
      for (const svc of f.services) {
        for (const v of svc.environment) {
          const at = `${v.line}:${v.column}`;
          if (done.has(at)) continue;
          const names = sharing.get(at) ?? [svc.name];
          const who = names.length > 1 ? `Services ${names.map((n) => `"${n}"`).join(', ')}` : `Service "${svc.name}"`;
          const whoJa = `サービス ${names.map((n) => `"${n}"`).join('、')}`;
          // `${KEY:-literal}`: the literal runs whenever KEY is unset — committed all the same.
          const fallback = v.interpolated && v.reference?.default !== undefined;
          const value = fallback ? v.reference!.default! : v.value;
          if (value === undefined || (v.interpolated && !fallback) || notASecretValue(v.key, value)) continue;
          if (fallback && /\$\{?[A-Za-z_]/.test(value)) continue; // a nested reference, not a literal
          const format = tokenFormatOf(value);
          const weak = weakSecretReason(value);
          // Outside the target environment (a local stack, CI) a URL to a throw-away service with a
          // weak password guards nothing; a strong credential is reported wherever it is.
          const pw = urlPassword(value);
          if (!judged && pw !== undefined && weakSecretReason(pw, { minLength: 16 }) !== undefined) continue;
          if (isSecretName(v.key)) {
            // Their own rules: placeholders, weak database passwords.
            if (!format && (isPlaceholder(value) || weak === 'placeholder' || weak === 'empty')) continue;
            if (!format && DB_PASSWORD_KEYS.has(v.key.toUpperCase()) && weakSecretReason(value, { minLength: 16 }) !== undefined) continue;
            if (!judged && !format && weak !== undefined) continue;
          } else if (!format) continue;
          const what = format && !isSecretName(v.key) ? { en: `what looks like a ${format}`, ja: `${format} の形式の値` } : { en: 'a literal secret', ja: 'シークレットのリテラル値' };
          done.add(at);
          ctx.report({
            file: f.file,
            line: v.line,
            column: v.column,
            key: v.key,
            severity: fallback ? 'high' : undefined,
            secrets: [value],
            message: fallback
              ? {
                  en: `${who}: ${v.key} falls back to ${what.en} (${value.length} characters) written in the compose file, used whenever \${${v.reference!.name}} is unset${weak === 'well-known' ? ', and it is a well-known default' : ''}`,
                  ja: `${whoJa}: ${v.key} は \${${v.reference!.name}} が未設定のとき compose ファイルに書かれた${what.ja} (${value.length} 文字) にフォールバックします${weak === 'well-known' ? '。しかも既知のデフォルト値です' : ''}`,
                }
              : {
                  en: `${who} ${names.length > 1 ? 'set' : 'sets'} ${v.key} to ${what.en} (${value.length} characters) in the compose file${weak === 'well-known' ? ', and it is a well-known default' : ''}`,
                  ja: `${whoJa} が ${v.key} に${what.ja} (${value.length} 文字) を compose ファイルで設定しています${weak === 'well-known' ? '。しかも既知のデフォルト値です' : ''}`,
                },
            fix: {
              en: `Replace it with a reference: \`${v.key}: \${${v.key}:?${v.key} is required}\` (value in an untracked .env or the deploy environment), or a compose secret; then rotate the exposed value.`,
              ja: `参照に置き換えてください: \`${v.key}: \${${v.key}:?${v.key} is required}\`（値はコミットしない .env かデプロイ環境に置く）、または compose の secrets を使い、漏れた値はローテーションします。`,
            },
          });
        }
      }
    }
  },
});
