import { defineRule } from '../define.js';
import { gb, GB } from './_util.js';

export default defineRule({
  id: 'host/low-disk',
  severity: 'medium',
  command: 'host',
  facts: ['hostDisk', 'hostSettings'],
  title: { en: 'Less free disk space than production needs', ja: '空きディスク容量が本番に必要な量より少ない' },
  description: {
    en: 'The checklist asks for 20 GB free (honban.yml `host.minFreeDiskGb`). Logs, backups, uploads and package updates grow every day; a full disk stops the database from writing, nginx from logging and apt from patching — usually at night.',
    ja: 'チェックリストは 20 GB の空き (honban.yml の `host.minFreeDiskGb`) を求めています。ログ、バックアップ、アップロード、パッケージ更新は毎日増え、ディスクが満杯になるとデータベースは書き込めず、nginx はログを書けず、apt はパッチを当てられません (たいてい夜中に起きます)。',
  },
  fix: { en: 'Grow the volume or free space (old backups, journal: `journalctl --vacuum-size=500M`), and schedule a disk alert.', ja: 'ボリュームを拡張するか空きを作り (古いバックアップ、ジャーナル: `journalctl --vacuum-size=500M`)、ディスク監視を設定します。' },
  check(facts, ctx) {
    const min = facts.hostSettings[0]!.minFreeDiskGb;
    for (const d of facts.hostDisk) {
      if (d.freeBytes >= min * GB) continue;
      ctx.report({ file: d.file, fingerprint: `disk ${d.path}`, severity: d.freeBytes < d.totalBytes * 0.05 ? 'high' : undefined, message: { en: `${gb(d.freeBytes)} GB free on ${d.path} (of ${gb(d.totalBytes)} GB); production needs at least ${min} GB`, ja: `${d.path} の空きが ${gb(d.freeBytes)} GB です (全体 ${gb(d.totalBytes)} GB)。本番には ${min} GB 以上必要です` } });
    }
  },
});
