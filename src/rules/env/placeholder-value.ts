import { isPlaceholder, weakSecretReason } from '../../lib/secrets.js';
import { defineRule } from '../define.js';
import { isSet, valueAt } from './_common.js';
import { envLabel, minLengths } from './_util.js';

/**
 * Words `isPlaceholder` accepts that are ordinary configuration values for keys that are not
 * secrets (`CACHE=none`, `LOG_FORMAT=default`, `SENTRY_ENVIRONMENT=test`).
 */
const ORDINARY = new Set([
  'none', 'null', 'nil', 'undefined', 'empty', 'n/a', 'na', 'default', 'test', 'testing', 'value', 'string', 'key', 'token',
  'password', 'secret', 'foo', 'bar', 'baz', 'foobar', 'example', 'sample', 'mock', 'fake', 'redacted',
]);

/** A placeholder for a key that is not secret-named: only unmistakable ones. */
function isPlainPlaceholder(value: string): boolean {
  const v = value.trim();
  if (!isPlaceholder(v)) return false;
  if (ORDINARY.has(v.toLowerCase())) return false;
  if (/^[*.\-#0-9]+$/.test(v)) return false; // ***, ---, 0000, 1234
  if (/^abc/i.test(v) && v.length <= 9) return false;
  return true;
}

export default defineRule({
  id: 'env/placeholder-value',
  severity: 'high',
  // A development environment's throw-away secrets and placeholders are expected (`honban env --env development`).
  environments: ['production', 'staging'],
  command: ['scan', 'env'],
  facts: ['envVar'],
  title: {
    en: 'Placeholder value left in an env file',
    ja: 'env ファイルにプレースホルダーが残っている',
  },
  description: {
    en: 'A variable in an env file the target environment loads still holds a template placeholder (`your_openai_api_key_here`, `your_smtp_username`, `<token>`, `changeme`, `xxx`). The application either runs with a fake key — sessions signed with a guessable value, mail or payments silently failing — or breaks at the first call to the service. Templates (`.env.example`) are meant to hold placeholders; files that are loaded are not. `honban scan` judges the env files of the repository and `honban env` the resolved environment (every layer, secrets and the process environment included): both report this one id, which replaces env/resolved-placeholder.',
    ja: 'ターゲット環境が読み込む env ファイルの変数に、テンプレートのプレースホルダー (`your_openai_api_key_here`、`your_smtp_username`、`<token>`、`changeme`、`xxx` など) が残っています。アプリは偽のキーのまま動く (推測可能な値でセッションが署名される、メールや決済が黙って失敗する) か、外部サービスを最初に呼んだ時点で壊れます。プレースホルダーを置いてよいのはテンプレート (`.env.example`) だけで、実際に読み込まれるファイルには置けません。 `honban scan` はリポジトリの env ファイルを、`honban env` は解決後の環境 (すべてのレイヤー、シークレット、プロセス環境変数を含む) を判定し、どちらもこの 1 つの ID で報告します (env/resolved-placeholder はこの ID に統合されました)。',
  },
  fix: {
    en: 'Put the real value in the environment of the deployment (secret store, CI/CD secret, or the server\'s env file that is not committed) and delete the placeholder line, so a missing value fails at start-up.',
    ja: '本物の値をデプロイ先の環境 (シークレットストア、CI/CD のシークレット、またはコミットしないサーバー上の env ファイル) に設定し、プレースホルダーの行は削除して、値がないときは起動時に失敗するようにしてください。',
  },
  references: { cwe: ['CWE-1188', 'CWE-798'] },
  check(facts, ctx) {
    const min = minLengths(ctx.options);
    for (const v of facts.envVar) {
      if (!isSet(v)) continue;
      const placeholder = v.secret ? weakSecretReason(v.value, { minLength: min.key }) === 'placeholder' : isPlainPlaceholder(v.value);
      if (!placeholder) continue;
      ctx.report({
        ...valueAt(v),
        message: {
          en: `${v.key} is still a placeholder (${v.value.trim().length} characters), not a real ${v.secret ? 'secret' : 'value'}`,
          ja: `${v.key} はまだプレースホルダー (${v.value.trim().length} 文字) のままで、実際の${v.secret ? '秘密値' : '値'}ではありません`,
        },
        fix: {
          en: `Set the real ${v.key} for ${ctx.environment} in the deployment's environment or secret store and remove this placeholder from ${v.file}.`,
          ja: `${envLabel(ctx.environment).ja}環境の実際の ${v.key} をデプロイ先の環境変数かシークレットストアに設定し、${v.file} のこのプレースホルダーを削除してください。`,
        },
        // The placeholder is not secret, but keep the rule's promise: values never appear.
        secrets: v.secret ? [v.value] : undefined,
      });
    }
  },
});
