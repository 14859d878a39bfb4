import { defineRule } from '../define.js';
import { at } from './_common.js';

export default defineRule({
  id: 'env/command-substitution',
  severity: 'medium',
  command: 'env',
  facts: ['envVar'],
  title: {
    en: 'Env file value contains a command substitution',
    ja: 'env ファイルの値にコマンド置換がある',
  },
  description: {
    en: 'The value contains `$(…)`. honban never runs it, but dotenv-expand ≥ 10, shells that `source` the file and some task runners do — at every start, with the app\'s privileges. The result then depends on the machine, and whoever can edit the file can run commands. Docker compose and systemd do not run it and pass the text literally.',
    ja: '値に `$(…)` が含まれています。honban は実行しませんが、dotenv-expand 10 以降、ファイルを `source` するシェル、一部のタスクランナーは起動のたびにアプリの権限で実行します。結果はマシンに依存し、ファイルを編集できる人は誰でもコマンドを実行できます。Docker compose や systemd は実行せず、文字列のまま渡します。',
  },
  fix: {
    en: 'Compute the value once at deploy time and write the result (or provide it as a secret); do not make the env file run commands.',
    ja: 'デプロイ時に一度だけ値を計算して結果を書く (またはシークレットとして渡す) ようにし、env ファイルにコマンドを実行させないでください。',
  },
  references: { cwe: ['CWE-78'] },
  check(facts, ctx) {
    for (const v of facts.envVar) {
      if (!v.commandSubstitutions || v.source !== 'file') continue;
      ctx.report({
        ...at(v),
        message: {
          en: `${v.key} contains a command substitution $(…) (not run by honban; other loaders would execute it at start)`,
          ja: `${v.key} にコマンド置換 $(…) があります (honban は実行しませんが、他のローダーは起動時に実行します)`,
        },
        secrets: v.secret ? [v.value, v.raw] : undefined,
        fingerprint: `${v.key} command`,
      });
    }
  },
});
