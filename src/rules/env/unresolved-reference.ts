import { defineRule } from '../define.js';
import { at } from './_common.js';

export default defineRule({
  id: 'env/unresolved-reference',
  severity: 'high',
  command: 'env',
  facts: ['envVar'],
  title: {
    en: 'Variable refers to a variable that is not set',
    ja: '参照先の環境変数が設定されていない',
  },
  description: {
    en: 'The value uses `${VAR}` / `$VAR` (or `${VAR:?…}`) and VAR is not set in any source of the environment. Depending on the loader the app then gets an empty string or the literal text `${VAR}` — for `SECRET_KEY=${SECRET_KEY}` that means an empty or publicly known signing key. honban expands references itself and never runs commands.',
    ja: '値が `${VAR}` / `$VAR` (または `${VAR:?…}`) を使っていますが、VAR はこの環境のどのソースでも設定されていません。ローダーによってアプリには空文字列か `${VAR}` という文字列そのものが渡ります。`SECRET_KEY=${SECRET_KEY}` なら、空または公開された文字列が署名鍵になります。honban は参照を自前で展開し、コマンドは一切実行しません。',
  },
  fix: {
    en: 'Set the referenced variable, give the reference a default (`${VAR:-value}`), or — when the deployment provides it — validate with `--process-env` / `--secrets-dir` where it is set.',
    ja: '参照先の変数を設定するか、既定値 (`${VAR:-value}`) を付けてください。デプロイ環境で渡される変数なら、その環境で `--process-env` / `--secrets-dir` を付けて検証してください。',
  },
  check(facts, ctx) {
    for (const v of facts.envVar) {
      for (const u of v.unresolved) {
        if (u.limit) continue; // an error entry of the run says where expansion stopped
        const message = u.self
          ? {
              en: `${v.key} refers to itself (\${${u.name}}) but no other source sets it (neither a secret nor the process environment)`,
              ja: `${v.key} が自分自身 (\${${u.name}}) を参照していますが、他のソース (シークレットやプロセス環境変数) で設定されていません`,
            }
          : u.required
            ? { en: `${v.key} requires \${${u.name}}, which is not set in ${ctx.environment}`, ja: `${v.key} が必須とする \${${u.name}} が ${ctx.environment} で設定されていません` }
            : { en: `${v.key} refers to \${${u.name}}, which is not set in ${ctx.environment}: the value would be incomplete`, ja: `${v.key} が参照する \${${u.name}} が ${ctx.environment} で設定されておらず、値が不完全になります` };
        ctx.report({ ...at(v), message, secrets: v.secret ? [v.value] : undefined, fingerprint: `${v.key} ref ${u.name}` });
      }
    }
  },
});
