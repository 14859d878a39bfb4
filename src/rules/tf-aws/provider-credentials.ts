import { defineAwsRule, msg, report, str, via } from './_util.js';

export default defineAwsRule({
  id: 'tf-aws/provider-credentials',
  severity: 'critical',
  scope: 'all',
  facts: ['terraform'],
  title: { en: 'AWS credentials written in the provider block', ja: 'provider ブロックに AWS 認証情報が書かれている' },
  description: {
    en: 'An `access_key` / `secret_key` / `token` literal in `provider "aws"` is a long-lived credential in the repository: anyone who can read the code (or its history) can act as that identity in the account.',
    ja: '`provider "aws"` 内の `access_key` / `secret_key` / `token` のリテラルは、リポジトリに置かれた長期認証情報です。コード（や履歴）を読める人は誰でも、そのアカウントでその権限を使えてしまいます。',
  },
  fix: {
    en: 'Remove the keys and let the provider use the default credential chain (AWS_PROFILE, SSO, an assumed role in CI via OIDC). Deactivate and rotate the exposed key now.',
    ja: 'キーを削除し、provider には既定の認証チェーン（AWS_PROFILE、SSO、CI では OIDC によるロール引き受け）を使わせます。漏れたキーは直ちに無効化してローテーションしてください。',
  },
  references: { cwe: ['CWE-798'], equivalents: ['CKV_AWS_41'] },
  check(facts, ctx) {
    for (const f of facts.terraform) {
      for (const p of f.providers) {
        if (p.name !== 'aws') continue;
        for (const key of ['access_key', 'secret_key', 'token']) {
          const a = p.body.attrs[key];
          const v = a ? str(a.value) : undefined;
          if (!a || a.value.kind !== 'string' || !v) continue;
          const loc = a.value.loc ?? a;
          ctx.report(report({ file: loc.file, line: loc.line, column: loc.column }, msg(`provider "aws" ${key}: `, { en: `a literal AWS credential (${v.length} chars)`, ja: `AWS 認証情報のリテラル（${v.length} 文字）です` }, via(a.value)), { secrets: [v], key }));
        }
      }
    }
  },
});
