import { isSecretName, weakSecretReason } from '../../lib/secrets.js';
import { defineRule } from '../define.js';
import { isFileReferenceKey, isReference, isSettingValue } from './_util.js';
import { urlCredentials } from '../../lib/url.js';

export default defineRule({
  id: 'env/secret-in-template',
  severity: 'high',
  scope: 'all',
  facts: ['dotenv'],
  title: {
    en: 'Real-looking secret in an env template',
    ja: 'env テンプレートに本物らしい秘密値がある',
  },
  description: {
    en: 'A template (`.env.example`, `.env.sample`, `.env.template`) is committed so others know which variables to set; it must hold placeholders only. Here a secret-named variable holds a long, random-looking value — most often a real key copied from a working `.env`. Anyone with read access to the repository has it, and developers who copy the template run with the shared key.',
    ja: 'テンプレート (`.env.example`、`.env.sample`、`.env.template`) は、設定すべき変数を伝えるためにコミットするファイルで、中身はプレースホルダーだけでなければなりません。ここでは秘密値らしい名前の変数に、長くランダムに見える値が入っています。たいていは動いている `.env` からコピーした本物のキーです。リポジトリを読める人は誰でも入手でき、テンプレートをコピーした開発者も同じキーで動かすことになります。',
  },
  fix: {
    en: 'Replace the value with an empty value and a comment on how to generate one (`# openssl rand -hex 32`), and rotate the key: it is in the git history.',
    ja: '値を空にして生成方法のコメント (`# openssl rand -hex 32`) を添え、キーをローテーションしてください。git の履歴に残っています。',
  },
  references: { cwe: ['CWE-798', 'CWE-540'] },
  check(facts, ctx) {
    for (const f of facts.dotenv) {
      if (!f.template) continue;
      for (const e of f.entries) {
        const v = e.value.trim();
        if (!v || isReference(v) || isFileReferenceKey(e.key)) continue;
        const cred = urlCredentials(v);
        let real = false;
        if (isSecretName(e.key) && !isSettingValue(v) && weakSecretReason(v) === undefined) real = true;
        else if (cred && !/\$\{?[A-Za-z_]/.test(cred.password) && weakSecretReason(cred.password, { minLength: 16 }) === undefined) real = true;
        if (!real) continue;
        ctx.report({
          file: f.file,
          line: e.valueLine,
          column: e.valueColumn,
          key: e.key,
          message: {
            en: `${e.key} in the template holds a real-looking secret (${v.length} characters) instead of a placeholder`,
            ja: `テンプレートの ${e.key} にプレースホルダーではなく本物らしい秘密値 (${v.length} 文字) が入っています`,
          },
          secrets: cred && cred.password.length >= 8 ? [e.value, cred.password] : [e.value],
        });
      }
    }
  },
});
