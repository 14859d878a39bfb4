import { defineRule } from '../define.js';

/** `dir` is `root` or under it. */
const under = (dir: string, root: string) => {
  const r = root.replace(/\/+$/, '');
  return dir === r || dir.startsWith(`${r}/`);
};

/** tmpfiles.d types whose age field makes systemd-tmpfiles-clean delete old files under the path. */
const AGED = new Set(['d', 'D', 'e', 'v', 'q', 'Q', 'C']);

export default defineRule({
  id: 'host/temp-cleanup-missing',
  severity: 'low',
  command: 'host',
  facts: ['hostApp', 'hostTempCleanup', 'hostSchedule'],
  title: { en: 'The application\'s temporary or upload directory is never cleaned', ja: 'アプリの一時ファイル・アップロードのディレクトリが掃除されない' },
  description: {
    en: 'Seed 003 (a small instance with 8 GB of storage) asks for periodic cleanup of temporary files next to log rotation. Files an application leaves in its upload or temp directory (a request that failed before os.remove, a crashed worker) pile up until the disk is full; /tmp itself is only emptied at boot on Debian and Ubuntu (`D /tmp … -` has no age), and PrivateTmp= only removes the service\'s /tmp when it stops. honban looks for an age on a tmpfiles.d line covering the directory (run by systemd-tmpfiles-clean.timer) or a scheduled `find DIR -mtime +N -delete` / tmpreaper / tmpwatch.',
    ja: 'seed 003 (ストレージ 8 GB の小さなインスタンス) はログローテーションと並んで一時ファイルの定期的な掃除を求めています。アプリがアップロードや一時ディレクトリに残したファイル (os.remove の前に失敗したリクエスト、落ちたワーカー) はディスクが満杯になるまで溜まります。/tmp 自体も Debian / Ubuntu では起動時にしか空になりません (`D /tmp … -` には期限がありません)。PrivateTmp= もサービス停止時にその /tmp を消すだけです。honban はディレクトリを対象とする tmpfiles.d 行の期限 (systemd-tmpfiles-clean.timer が実行) か、定期実行の `find DIR -mtime +N -delete`・tmpreaper・tmpwatch を探します。',
  },
  fix: {
    en: 'Add /etc/tmpfiles.d/<app>.conf: `d /var/tmp/<app>/uploads 0750 <user> <group> 1d` (files older than a day are deleted by systemd-tmpfiles-clean.timer), or a cron line `find /var/tmp/<app>/uploads -type f -mmin +60 -delete`; check with `systemd-tmpfiles --clean --dry-run` (systemd ≥ 256) or by listing the directory the next day.',
    ja: '/etc/tmpfiles.d/<app>.conf に `d /var/tmp/<app>/uploads 0750 <ユーザー> <グループ> 1d` を追加する (1 日より古いファイルは systemd-tmpfiles-clean.timer が削除) か、cron に `find /var/tmp/<app>/uploads -type f -mmin +60 -delete` を加えます。確認は `systemd-tmpfiles --clean --dry-run` (systemd 256 以降) か、翌日ディレクトリを一覧します。',
  },
  check(facts, ctx) {
    const cleanup = facts.hostTempCleanup[0];
    const aged = (cleanup?.entries ?? []).filter((e) => e.age && AGED.has(e.type));
    const jobs = facts.hostSchedule.filter((s) => s.enabled && (s.purposes.includes('retention') || s.purposes.includes('cleanup')));
    for (const app of facts.hostApp) {
      for (const d of app.tempDirs ?? []) {
        if (jobs.some((j) => (j.dirs ?? []).some((x) => under(d.path, x)))) continue;
        const tmpfiles = aged.find((e) => under(d.path, e.path));
        if (tmpfiles && cleanup?.timer) continue;
        const at = { file: d.file, line: d.line, fingerprint: `temp cleanup ${d.rel}` };
        if (tmpfiles) {
          ctx.report({ ...at, message: { en: `${tmpfiles.file}:${tmpfiles.line} ages out ${d.path} (${d.from} of ${app.unit}), but systemd-tmpfiles-clean.timer is ${cleanup?.maskedBy ? `masked (${cleanup.maskedBy})` : 'not installed'}: nothing runs it`, ja: `${tmpfiles.file}:${tmpfiles.line} が ${d.path} (${app.unit} の ${d.from}) の期限を決めていますが、systemd-tmpfiles-clean.timer が${cleanup?.maskedBy ? `マスクされている (${cleanup.maskedBy})` : 'インストールされていない'}ため実行されません` } });
          continue;
        }
        ctx.report({ ...at, message: { en: `Nothing cleans ${d.path} (${d.from} of ${app.unit}): no tmpfiles.d age and no scheduled find -delete covers it`, ja: `${d.path} (${app.unit} の ${d.from}) を掃除するものがありません: 対象とする tmpfiles.d の期限も、定期実行の find -delete もありません` } });
      }
    }
  },
});
