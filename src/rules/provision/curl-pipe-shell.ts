import { type ShellCommand } from '../../facts/shell.js';
import { programIndex, programName } from '../../facts/shell.js';
import { defineRule } from '../define.js';

const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'ash', 'fish', 'python', 'python3', 'perl', 'ruby', 'node']);
const FETCH = /(^|[\s(])(curl|wget)\s[^)]*https?:\/\//;

const fetches = (c: ShellCommand) => {
  const p = programName(c);
  return (p === 'curl' || p === 'wget') && c.words.some((w) => /^https?:\/\//.test(w.value) || /https?:\/\//.test(w.value));
};

export default defineRule({
  id: 'provision/curl-pipe-shell',
  severity: 'medium',
  facts: ['shell'],
  title: {
    en: 'Script runs a downloaded script without checking it (curl | sh)',
    ja: 'スクリプトがダウンロードしたスクリプトを検証せずに実行している (curl | sh)',
  },
  description: {
    en: 'Piping a remote script into a shell runs whatever the server returns at that moment — a compromised or hijacked host, a changed install script, or a truncated download is executed with the script\'s privileges (often root in user-data). Nothing pins the version or verifies the content.',
    ja: 'リモートのスクリプトをシェルにパイプすると、その時点でサーバーが返したものが何であれ実行されます。侵害・乗っ取りされたホスト、変更されたインストールスクリプト、途中で切れたダウンロードが、スクリプトの権限（user-data ではたいてい root）で実行されます。バージョンの固定も内容の検証もありません。',
  },
  fix: {
    en: 'Install from the distribution or the vendor\'s signed package repository (apt with a keyring); or download a pinned version to a file, verify its checksum (`echo "<sha256>  install.sh" | sha256sum -c`), then run it.',
    ja: 'ディストリビューションやベンダーの署名付きパッケージリポジトリ（keyring 付きの apt）からインストールします。あるいは固定したバージョンをファイルにダウンロードし、チェックサムを検証（`echo "<sha256>  install.sh" | sha256sum -c`）してから実行します。',
  },
  references: { cwe: ['CWE-494', 'CWE-829'] },
  check(facts, ctx) {
    for (const f of facts.shell) {
      const cmds = f.simple;
      cmds.forEach((c, i) => {
        // curl … | [sudo] sh
        if (fetches(c) && (c.next === '|' || c.next === '|&')) {
          for (let k = i + 1; k < cmds.length && cmds[k]!.pipeline === c.pipeline; k++) {
            const p = programName(cmds[k]!);
            if (p && SHELLS.has(p.replace(/[\d.]+$/, '') ) ) {
              ctx.report({
                file: f.file,
                line: c.line,
                column: c.column,
                message: { en: `Downloaded script is piped into ${p} without verification`, ja: `ダウンロードしたスクリプトが検証なしで ${p} にパイプされています` },
              });
              return;
            }
          }
        }
        // bash <(curl …), sh -c "$(curl …)"
        const p = programName(c);
        if (p && SHELLS.has(p.replace(/[\d.]+$/, ''))) {
          const args = c.words.slice(programIndex(c.words) + 1);
          const sub = args.find((a) => (a.value.startsWith('<(') || a.value.includes('$(') || a.value.includes('`')) && FETCH.test(a.value));
          if (sub) {
            ctx.report({
              file: f.file,
              line: c.line,
              column: c.column,
              message: { en: `${p} runs a downloaded script without verification`, ja: `${p} がダウンロードしたスクリプトを検証なしで実行しています` },
            });
          }
        }
      });
    }
  },
});
