import type { Localized, SkipReason } from '../../contracts/types.js';
import { defineRule } from '../define.js';

const WHY: Record<SkipReason, Localized> = {
  unreadable: { en: 'it could not be read', ja: '読み取れませんでした' },
  'too-large': { en: 'it is larger than honban reads', ja: 'honban が読む上限より大きいファイルです' },
  binary: { en: 'it holds binary data', ja: 'バイナリデータを含んでいます' },
  encoding: { en: 'its text encoding could not be decoded', ja: '文字コードを解釈できませんでした' },
  symlink: { en: 'it is a symbolic link honban does not follow', ja: 'honban がたどらないシンボリックリンクです' },
  'special-file': { en: 'it is not a regular file', ja: '通常のファイルではありません' },
};

export default defineRule({
  id: 'honban/skipped-target-file',
  severity: 'high',
  facts: ['skippedFile'],
  title: {
    en: 'A file of the target environment could not be checked',
    ja: '対象環境のファイルを検査できなかった',
  },
  description: {
    en: 'honban could not read a file that belongs to the environment it judges (`.env.production`, `settings/production.py`, `docker-compose.prod.yml` …): it is unreadable, larger than 1 MiB, binary, undecodable, a symbolic link out of the repository, or a special file. Whatever it holds — `DEBUG=True`, a committed key — was not checked, so "no findings" would say nothing about it. Other skipped files are listed in the report\'s "not read" section.',
    ja: 'honban が判定する環境に属するファイル (`.env.production`、`settings/production.py`、`docker-compose.prod.yml` など) を読めませんでした。読み取り不可、1 MiB 超、バイナリ、文字コード不明、リポジトリ外へのシンボリックリンク、または特殊ファイルです。中身 (`DEBUG=True` やコミットされた鍵) は検査されておらず、「指摘なし」はこのファイルについて何も保証しません。その他の読まなかったファイルはレポートの「読まなかったファイル」に一覧されます。',
  },
  fix: {
    en: 'Make the file a readable, regular UTF-8 (or UTF-16 with BOM) text file under 1 MiB inside the repository — or, if it is not configuration, move it out of the environment\'s paths (or list it in honban.yml `ignore:`).',
    ja: 'ファイルをリポジトリ内の読み取り可能な通常のテキストファイル (UTF-8、または BOM 付き UTF-16、1 MiB 未満) にしてください。設定ファイルでなければ、その環境のパスから移すか、honban.yml の `ignore:` に加えてください。',
  },
  references: { cwe: ['CWE-1059'] },
  check(facts, ctx) {
    for (const f of facts.skippedFile) {
      // Only files of the target environment itself: shared files that could not be read are listed, not judged.
      if (f.environment !== ctx.environment) continue;
      const why = WHY[f.reason];
      ctx.report({
        file: f.file,
        message: {
          en: `${f.file} belongs to ${ctx.environment} but was not checked: ${why.en}${f.detail ? ` (${f.detail})` : ''}`,
          ja: `${f.file} は ${ctx.environment} のファイルですが検査できませんでした: ${why.ja}${f.detail ? ` (${f.detail})` : ''}`,
        },
        fingerprint: `skipped ${f.reason}`,
      });
    }
  },
});
