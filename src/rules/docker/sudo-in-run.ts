import { commandWords } from '../../lib/shell.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'docker/sudo-in-run',
  severity: 'medium',
  facts: ['dockerfile'],
  title: { en: 'sudo used in a RUN instruction', ja: 'RUN 命令で sudo を使っている' },
  description: {
    en: 'A RUN calls sudo. Build steps already run as the current USER, and switching to root belongs in a `USER root` … `USER app` block; sudo in the image means the sudo binary and a sudoers rule that lets the application user become root at run time, which turns any code execution in the app into root in the container. sudo also behaves unpredictably without a TTY.',
    ja: 'RUN で sudo を呼んでいます。ビルドの各ステップはその時点の USER で実行されるため、root が必要なら `USER root` … `USER app` で切り替えるべきです。イメージに sudo があるということは、sudo 本体とアプリのユーザーが実行時に root になれる sudoers 設定が入っているということで、アプリでのコード実行がそのままコンテナ内の root 権限になります。また sudo は TTY がないと予測しにくい動作をします。',
  },
  fix: {
    en: 'Remove sudo: run the privileged steps under `USER root`, then switch back with `USER app`; do not install sudo in the image.',
    ja: 'sudo を外し、特権が必要なステップは `USER root` で実行してから `USER app` に戻してください。イメージに sudo をインストールしないでください。',
  },
  references: { cwe: ['CWE-250'], equivalents: ['hadolint DL3004'] },
  check(facts, ctx) {
    for (const f of facts.dockerfile) {
      for (const st of f.stages) {
        for (const run of st.runs) {
          for (const c of run.commands) {
            const words = commandWords(c.argv);
            if (words[0]?.split('/').pop() !== 'sudo') continue;
            const w = c.words[c.argv.length - words.length] ?? c;
            ctx.report({
              file: f.file,
              line: w.line,
              column: w.column,
              message: { en: `RUN calls sudo (${words.slice(0, 3).join(' ')}): use USER root for privileged build steps instead`, ja: `RUN で sudo を呼んでいます (${words.slice(0, 3).join(' ')})。特権が必要なビルドステップは USER root で実行してください` },
            });
          }
        }
      }
    }
  },
});
