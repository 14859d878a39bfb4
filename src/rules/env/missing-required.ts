import { defineRule } from '../define.js';

export default defineRule({
  id: 'env/missing-required',
  severity: 'high',
  command: 'env',
  facts: ['envSpec'],
  title: {
    en: 'Required variable not set',
    ja: '必須の環境変数が設定されていない',
  },
  description: {
    en: 'honban.yml declares the variable `required` for this environment, but no source sets it (env files, Docker secrets, the process environment), or it is empty. An app that reads it with a fallback silently runs on a development default; one that does not crashes at start — after the deploy, not before it.',
    ja: 'honban.yml でこの環境に `required` と宣言された変数が、どのソース (env ファイル、Docker secrets、プロセス環境変数) でも設定されていないか、空です。フォールバック付きで読むアプリは開発用の既定値のまま黙って動き、そうでないアプリは起動時に落ちます。どちらもデプロイ前ではなくデプロイ後に発覚します。',
  },
  fix: {
    en: 'Set the variable for this environment (its env file, a Docker secret, or the deployment\'s environment) and run `honban env` again before deploying.',
    ja: 'この環境の env ファイル、Docker secret、またはデプロイ先の環境変数で値を設定し、デプロイ前にもう一度 `honban env` を実行してください。',
  },
  references: { cwe: ['CWE-1188'] },
  check(facts, ctx) {
    for (const s of facts.envSpec) {
      if (!s.spec.required || s.present || s.unresolved) continue;
      const where = s.sources.length ? s.sources.join(', ') : '-';
      ctx.report({
        file: s.file,
        line: s.line,
        column: s.column,
        key: s.key,
        message: s.empty
          ? { en: `${s.key} is required in ${ctx.environment} but set to an empty value`, ja: `${s.key} は ${ctx.environment} で必須ですが、空の値が設定されています` }
          : { en: `${s.key} is required in ${ctx.environment} but not set (looked in: ${where})`, ja: `${s.key} は ${ctx.environment} で必須ですが、設定されていません (確認したソース: ${where})` },
        fix: {
          en: `Set ${s.key} for ${ctx.environment}${s.spec.secret ? ' through the secrets store (a Docker secret or the deployment\'s environment), not a committed file' : ' in its env file or the deployment\'s environment'}.`,
          ja: `${ctx.environment} の ${s.key} を${s.spec.secret ? 'コミットされるファイルではなく、シークレットストア (Docker secret やデプロイ先の環境変数) で' : ' env ファイルまたはデプロイ先の環境変数で'}設定してください。`,
        },
        fingerprint: `${s.key} missing`,
      });
    }
  },
});
