import { defineRule } from '../define.js';

export default defineRule({
  id: 'env/missing-template-variable',
  severity: 'medium',
  command: 'env',
  environments: ['production', 'staging'],
  facts: ['envTemplateKey'],
  title: {
    en: 'Variable documented in .env.example is not set',
    ja: '.env.example に書かれた変数が設定されていない',
  },
  description: {
    en: 'Without a schema in honban.yml, the template (`.env.example`, `.env.sample`, `.env.template`, `.env.<env>.example`) is the contract of what the app expects. A key documented there but not set in the target environment is usually a variable someone forgot to provision — the app falls back to a default or fails on the code path that reads it. Declare `variables:` in honban.yml (`honban env init`) to say precisely what is required.',
    ja: 'honban.yml にスキーマがない場合、テンプレート (`.env.example`、`.env.sample`、`.env.template`、`.env.<env>.example`) がアプリの期待する変数の約束事です。そこに書かれているのに対象環境で設定されていない変数は、たいてい用意し忘れたものです。アプリは既定値で動くか、その変数を読む処理で失敗します。何が必須かを正確に示すには honban.yml に `variables:` を宣言してください (`honban env init`)。',
  },
  fix: {
    en: 'Set the variable for this environment, or remove it from the template if the app no longer reads it.',
    ja: 'この環境で変数を設定するか、アプリがもう読まないならテンプレートから削除してください。',
  },
  check(facts, ctx) {
    for (const t of facts.envTemplateKey) {
      if (t.present || t.schemaDeclared) continue;
      ctx.report({
        file: t.file,
        line: t.line,
        column: t.column,
        key: t.key,
        message: { en: `${t.key} is documented in ${t.file} but not set in ${ctx.environment}`, ja: `${t.key} は ${t.file} に記載されていますが、${ctx.environment} で設定されていません` },
        fingerprint: `${t.key} template`,
      });
    }
  },
});
