import { defineRule } from '../define.js';

export default defineRule({
  id: 'host/low-cpu',
  severity: 'medium',
  command: 'host',
  facts: ['hostCpu', 'hostSettings'],
  title: { en: 'Fewer CPU cores than production needs', ja: 'CPU コア数が本番に必要な数より少ない' },
  description: {
    en: 'The checklist sizes a small production server at 2 cores or more (honban.yml `host.minCpus`). With one core, the application workers, nginx, the database and a backup job compete for it: latency spikes under the lightest load and a runaway process freezes everything, including SSH.',
    ja: 'チェックリストは小規模な本番サーバーを 2 コア以上としています (honban.yml の `host.minCpus`)。1 コアではアプリのワーカー、nginx、データベース、バックアップが奪い合い、軽い負荷でも遅延が跳ね上がり、暴走したプロセスが SSH を含むすべてを止めます。',
  },
  fix: { en: 'Resize the instance to at least the configured number of cores, or lower `host.minCpus` in honban.yml with the reason in a waiver.', ja: 'インスタンスを設定値以上のコア数に変更するか、理由を添えた waiver とともに honban.yml の `host.minCpus` を下げます。' },
  check(facts, ctx) {
    const min = facts.hostSettings[0]!.minCpus;
    for (const c of facts.hostCpu) {
      if (c.count >= min) continue;
      ctx.report({ file: c.file, line: c.line, message: { en: `${c.count} CPU core(s); production needs at least ${min}`, ja: `CPU コアが ${c.count} 個です。本番には ${min} 個以上必要です` } });
    }
  },
});
