import { programIndex, programName } from '../../facts/shell.js';
import { defineRule } from '../define.js';
import { chmodGrantsOthersWrite } from '../../lib/file-mode.js';

export default defineRule({
  id: 'provision/world-writable',
  severity: 'medium',
  facts: ['shell'],
  title: {
    en: 'Script makes files world-writable (chmod 777)',
    ja: 'スクリプトがファイルを誰でも書き込み可能にしている (chmod 777)',
  },
  description: {
    en: 'chmod 777 (or o+w) lets every local user and every compromised process rewrite the files: application code, upload directories that are later served or executed, env files. It usually papers over an ownership problem that chown fixes properly.',
    ja: 'chmod 777（または o+w）は、すべてのローカルユーザーと侵害されたすべてのプロセスに、アプリケーションのコード、後で配信・実行されるアップロードディレクトリ、env ファイルなどの書き換えを許します。多くの場合、chown で正しく直すべき所有者の問題を覆い隠しているだけです。',
  },
  fix: {
    en: 'Give the directory to the service user instead: `chown -R app:app /srv/app/uploads && chmod 750 /srv/app/uploads` (files 640); use 1777 only for shared temporary directories.',
    ja: '代わりにサービスユーザーに所有させます: `chown -R app:app /srv/app/uploads && chmod 750 /srv/app/uploads`（ファイルは 640）。1777 は共有の一時ディレクトリにだけ使います。',
  },
  references: { cwe: ['CWE-732'] },
  check(facts, ctx) {
    for (const f of facts.shell) {
      for (const cmd of f.simple) {
        if (programName(cmd) !== 'chmod') continue;
        const args = cmd.words.slice(programIndex(cmd.words) + 1);
        const mode = args.find((a) => !/^-[RfvchH]+$/.test(a.value) && !a.value.startsWith('--'));
        if (!mode || !chmodGrantsOthersWrite(mode.value)) continue;
        const targets = args.filter((a) => a !== mode && !a.value.startsWith('-')).map((a) => a.value);
        ctx.report({
          file: f.file,
          line: mode.line,
          column: mode.column,
          message: {
            en: `chmod ${mode.value} makes ${targets.join(' ') || 'the target'} writable by every user`,
            ja: `chmod ${mode.value} により ${targets.join(' ') || '対象'} が全ユーザーから書き込み可能になります`,
          },
        });
      }
    }
  },
});
