import { urlPassword } from '../../lib/url.js';
import { isPlaceholder, weakSecretReason } from '../../lib/secrets.js';
import { defineRule } from '../define.js';
import { credentialType, NETWORK_BOUND } from '../../facts/credentials.js';

/** The key a credential is assigned to on its line (`AWS_SECRET_ACCESS_KEY=…`, `"token": "…"`, `password: …`). */
export function keyBefore(lineText: string, column: number): string | undefined {
  const before = lineText.slice(0, column - 1);
  const m = /["']?([A-Za-z_][\w.-]*)["']?\s*(?:=|:|=>)\s*["'`]?$/.exec(before);
  return m?.[1];
}

function lineAt(content: string, line: number): string {
  let start = 0;
  for (let i = 1; i < line; i++) {
    const nl = content.indexOf('\n', start);
    if (nl < 0) return '';
    start = nl + 1;
  }
  const end = content.indexOf('\n', start);
  return content.slice(start, end < 0 ? undefined : end).replace(/\r$/, '');
}

export default defineRule({
  id: 'secret/known-credential',
  severity: 'critical',
  scope: 'all',
  facts: ['credentials', 'file'],
  // The same credential seen by a domain rule on the same line is one problem.
  duplicates: ['compose/secret-in-environment', 'docker/secret-in-env', 'systemd/secret-in-environment', 'tf-aws/provider-credentials', 'tf-aws/hardcoded-secret', 'terraform/hardcoded-secret', 'tf-aws/ecs-secret-in-environment', 'provision/env-file-secret', 'secret/hardcoded-secret'],
  title: {
    en: 'Credential in a committed file',
    ja: 'コミットされるファイルに認証情報がある',
  },
  description: {
    en: 'A credential in a known format — cloud keys (AWS, GCP), API tokens (GitHub, Slack, OpenAI, Anthropic, SendGrid, npm …), private keys, or database URLs with a password — is written in plain text in a file git would commit. Everyone who can read the repository, its forks, CI logs and built images can use it, and it stays in the git history after the line is deleted. Found with secretlint\'s recommended rules, in every file whatever its environment (files ignored by git are skipped). Database URLs and URL credentials are reported as high: they are usable only with network access to the service. Deliberately not reported: a URL credential with a weak or default password (`postgres:postgres@localhost`) in CI workflows, tests, development files, examples and documentation — the throw-away service containers of those places guard nothing; any strong credential is reported wherever it is.',
    ja: 'クラウドのキー (AWS、GCP)、API トークン (GitHub、Slack、OpenAI、Anthropic、SendGrid、npm など)、秘密鍵、パスワード付きのデータベース URL といった既知の形式の認証情報が、git がコミットするファイルに平文で書かれています。リポジトリやそのフォーク、CI のログ、ビルドしたイメージを読める人は誰でも使え、行を消しても git の履歴に残ります。secretlint の推奨ルールで、環境を問わずすべてのファイルを検査します (git が無視するファイルは対象外)。データベース URL と URL 内の認証情報は、サービスにネットワークで到達できないと使えないため high として報告します。意図的に報告しないもの: CI のワークフロー、テスト、開発用ファイル、サンプルやドキュメントにある、弱いまたはデフォルトのパスワードを持つ URL の認証情報 (`postgres:postgres@localhost` など)。そこで使い捨てのサービスコンテナーは何も守っていません。強い認証情報はどこにあっても報告します。',
  },
  fix: {
    en: 'Revoke or rotate the credential at its provider now (assume it is compromised: it is in the history), remove it from the file, and load it at run time from the environment or a secret store (AWS Secrets Manager, Vault, GitHub Actions secrets, Docker secrets).',
    ja: 'すぐにプロバイダー側で認証情報を無効化またはローテーションし (履歴に残っているので漏えいしたものとして扱う)、ファイルから削除して、実行時に環境変数かシークレットストア (AWS Secrets Manager、Vault、GitHub Actions のシークレット、Docker secrets) から読み込んでください。',
  },
  references: { cwe: ['CWE-798', 'CWE-312'] },
  check(facts, ctx) {
    // The file's text is read only for a file with a credential (a warm scan has not read the others).
    const files = new Map(facts.file.map((f) => [f.file, f]));
    for (const f of facts.credentials) {
      // Not committed: a local .env the developer keeps out of git is where secrets belong.
      if ((f.gitIgnored && !f.gitTracked) || !f.hits.length) continue;
      const content = files.get(f.file)?.content ?? '';
      for (const h of f.hits) {
        // A URL whose password is a placeholder or a reference (`<password>`, `${DB_PASSWORD}`) holds no credential.
        if (NETWORK_BOUND.has(h.messageId)) {
          const pw = urlPassword(h.value, { anywhere: true });
          if (pw !== undefined && (isPlaceholder(pw) || /^\$\{?[A-Za-z_][A-Za-z0-9_]*(:?[-?][^}]*)?\}?$/.test(pw) || /^%3C.*%3E$/i.test(pw))) continue;
          // A throw-away service of CI, tests, a dev stack or an example (`postgres:postgres@localhost`)
          // guards nothing: outside the target environment only a strong password is a leak.
          if (pw !== undefined && !ctx.judges(f.environment) && weakSecretReason(pw, { minLength: 16 }) !== undefined) continue;
        }
        const type = credentialType(h);
        const key = keyBefore(lineAt(content, h.line), h.column);
        const where = key ? { en: ` (${key})`, ja: ` (${key})` } : { en: '', ja: '' };
        ctx.report({
          file: f.file,
          line: h.line,
          column: h.column,
          endLine: h.endLine,
          endColumn: h.endColumn,
          key,
          severity: NETWORK_BOUND.has(h.messageId) ? 'high' : undefined,
          message: {
            en: `${type.en[0]!.toUpperCase()}${type.en.slice(1)} in plain text${where.en}: anyone who can read this file can use it`,
            ja: `${type.ja}が平文で書かれています${where.ja}: このファイルを読める人は誰でも使えます`,
          },
          fix: {
            en: `Revoke or rotate this ${type.en} at the provider${f.gitTracked ? ' (it is in the git history)' : ''}, delete it from ${f.file}, and provide it at run time from the environment or a secret store.`,
            ja: `プロバイダー側でこの${type.ja}を無効化またはローテーションし${f.gitTracked ? ' (git の履歴に残っています)' : ''}、${f.file} から削除して、実行時に環境変数かシークレットストアから渡してください。`,
          },
          secrets: [h.value],
        });
      }
    }
  },
});
