import type { ShellWord } from '../../facts/dockerfile.js';
import { defineRule } from '../define.js';
import { chmodGrantsOthersWrite } from '../../lib/file-mode.js';

function modeAfter(words: ShellWord[], i: number): ShellWord | undefined {
  for (let j = i + 1; j < words.length; j++) {
    const w = words[j]!.value;
    if (w === '--') return words[j + 1];
    if (w.startsWith('--')) continue;
    if (/^-[RfvcH]+$/.test(w)) continue;
    return words[j];
  }
  return undefined;
}

export default defineRule({
  id: 'docker/world-writable-permissions',
  severity: 'medium',
  facts: ['dockerfile'],
  title: { en: 'World-writable files in the image (chmod 777)', ja: 'イメージ内に誰でも書き込めるファイルがある (chmod 777)' },
  description: {
    en: 'A RUN makes files or directories writable by every user (`chmod 777`, `chmod -R 0777`, `chmod a+rwx`, `mkdir -m 777`, `COPY --chmod=777`). Any process in the container, whatever user it runs as, can then replace the application code, its templates or configuration, or plant files another process will execute. It is usually a shortcut around an ownership problem that `chown` solves properly.',
    ja: 'RUN で、ファイルやディレクトリをすべてのユーザーが書き込める権限にしています (`chmod 777`、`chmod -R 0777`、`chmod a+rwx`、`mkdir -m 777`、`COPY --chmod=777`)。コンテナ内のどのプロセスも、実行ユーザーに関係なくアプリのコードやテンプレート、設定を書き換えたり、他のプロセスが実行するファイルを仕込んだりできます。多くは所有者の問題を回避する手抜きで、`chown` で正しく解決できます。',
  },
  fix: {
    en: 'Give the directory to the user the app runs as instead: `RUN mkdir -p /app/uploads && chown app:app /app/uploads && chmod 750 /app/uploads` (or `COPY --chown=app:app`). Use 1777 (sticky bit) only for shared temp directories.',
    ja: '代わりにアプリの実行ユーザーに所有権を渡してください: `RUN mkdir -p /app/uploads && chown app:app /app/uploads && chmod 750 /app/uploads`（または `COPY --chown=app:app`）。共有一時ディレクトリ以外で 777 は使わず、必要なら 1777（スティッキービット）にします。',
  },
  references: { cwe: ['CWE-732'] },
  check(facts, ctx) {
    for (const f of facts.dockerfile) {
      for (const st of f.stages) {
        for (const run of st.runs) {
          for (const c of run.commands) {
            c.words.forEach((w, i) => {
              const name = w.value.split('/').pop();
              let mode: ShellWord | undefined;
              if (name === 'chmod') mode = modeAfter(c.words, i);
              else if (name === 'mkdir') {
                for (let j = i + 1; j < c.words.length; j++) {
                  const v = c.words[j]!.value;
                  if (v === '-m' || v === '--mode') mode = c.words[j + 1];
                  else if (v.startsWith('--mode=')) mode = { ...c.words[j]!, value: v.slice(7) };
                  else if (/^-[pv]*m.+$/.test(v)) mode = { ...c.words[j]!, value: v.slice(v.indexOf('m') + 1) };
                }
              } else return;
              if (!mode || !chmodGrantsOthersWrite(mode.value)) return;
              ctx.report({
                file: f.file,
                line: w.line,
                column: w.column,
                message: {
                  en: `${name} ${mode.value} makes files writable by every user in the container`,
                  ja: `${name} ${mode.value} により、コンテナ内のすべてのユーザーがファイルを書き換えられます`,
                },
              });
            });
          }
        }
        for (const cp of st.copies) {
          if (cp.chmod && chmodGrantsOthersWrite(cp.chmod)) {
            ctx.report({
              file: f.file,
              line: cp.line,
              column: cp.column,
              message: { en: `${cp.instruction} --chmod=${cp.chmod} makes the copied files writable by every user in the container`, ja: `${cp.instruction} --chmod=${cp.chmod} により、コピーしたファイルをコンテナ内のすべてのユーザーが書き換えられます` },
            });
          }
        }
      }
    }
  },
});
