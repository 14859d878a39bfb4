import { isPlaceholder, isSecretName, weakSecretReason } from '../../lib/secrets.js';
import { defineRule } from '../define.js';
import { effectiveEntries, envLabel, isReference, minLengths } from './_util.js';

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
  facts: ['dotenv'],
  title: {
    en: 'Placeholder value left in an env file',
    ja: 'env ファイルにプレースホルダーが残っている',
  },
  description: {
    en: 'A variable in an env file the target environment loads still holds a template placeholder (`your_openai_api_key_here`, `your_smtp_username`, `<token>`, `changeme`, `xxx`). The application either runs with a fake key — sessions signed with a guessable value, mail or payments silently failing — or breaks at the first call to the service. Templates (`.env.example`) are meant to hold placeholders; files that are loaded are not.',
    ja: 'ターゲット環境が読み込む env ファイルの変数に、テンプレートのプレースホルダー (`your_openai_api_key_here`、`your_smtp_username`、`<token>`、`changeme`、`xxx` など) が残っています。アプリは偽のキーのまま動く (推測可能な値でセッションが署名される、メールや決済が黙って失敗する) か、外部サービスを最初に呼んだ時点で壊れます。プレースホルダーを置いてよいのはテンプレート (`.env.example`) だけで、実際に読み込まれるファイルには置けません。',
  },
  fix: {
    en: 'Put the real value in the environment of the deployment (secret store, CI/CD secret, or the server\'s env file that is not committed) and delete the placeholder line, so a missing value fails at start-up.',
    ja: '本物の値をデプロイ先の環境 (シークレットストア、CI/CD のシークレット、またはコミットしないサーバー上の env ファイル) に設定し、プレースホルダーの行は削除して、値がないときは起動時に失敗するようにしてください。',
  },
  references: { cwe: ['CWE-1188', 'CWE-798'] },
  check(facts, ctx) {
    const min = minLengths(ctx.options);
    for (const f of facts.dotenv) {
      for (const e of effectiveEntries(f)) {
        if (!e.value.trim() || isReference(e.value)) continue;
        const secret = isSecretName(e.key);
        const placeholder = secret ? weakSecretReason(e.value, { minLength: min.key }) === 'placeholder' : isPlainPlaceholder(e.value);
        if (!placeholder) continue;
        ctx.report({
          file: f.file,
          line: e.valueLine,
          column: e.valueColumn,
          key: e.key,
          message: {
            en: `${e.key} is still a placeholder (${e.value.trim().length} characters), not a real ${secret ? 'secret' : 'value'}`,
            ja: `${e.key} がプレースホルダーのままで、本物の${secret ? '秘密値' : '値'}ではありません (${e.value.trim().length} 文字)`,
          },
          fix: {
            en: `Set the real ${e.key} for ${ctx.environment} in the deployment's environment or secret store and remove this placeholder line from ${f.file}.`,
            ja: `${envLabel(ctx.environment).ja}環境用の本物の ${e.key} をデプロイ先の環境変数かシークレットストアに設定し、${f.file} からこのプレースホルダーの行を削除してください。`,
          },
          // The placeholder is not secret, but keep the rule's promise: values never appear.
          secrets: secret ? [e.value] : undefined,
        });
      }
    }
  },
});
