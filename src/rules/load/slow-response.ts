import { defineRule } from '../define.js';
import { ms, numOption } from '../../lib/numbers.js';

export default defineRule({
  id: 'load/slow-response',
  command: 'probe',
  severity: 'medium',
  facts: ['probeLoad'],
  title: { en: 'Slow responses under load', ja: '負荷をかけると応答が遅い' },
  description: {
    en: 'Under `--load`, the 99th-percentile latency exceeded 2 s (option thresholdMs), or the run hit the 60 s cap before all requests were done. The site cannot serve that concurrency in time.',
    ja: '`--load` の実行中、99 パーセンタイルの応答時間が 2 秒（オプション thresholdMs で変更可）を超えたか、すべてのリクエストが終わる前に上限の 60 秒に達しました。その同時接続数を時間内にさばけていません。',
  },
  fix: {
    en: 'Find the bottleneck (CPU-bound workers: more processes; I/O-bound: threads or async workers; database: indexes and pool size) and measure again with the same --load / --concurrency.',
    ja: 'ボトルネック（CPU 律速ならプロセス数、I/O 律速ならスレッドや非同期ワーカー、データベースならインデックスとプールサイズ）を特定し、同じ --load / --concurrency でもう一度測定してください。',
  },
  references: { cwe: ['CWE-400'], equivalents: ['seed S1.18'] },
  check(facts, ctx) {
    const l = facts.probeLoad[0];
    if (!l) return;
    const limit = numOption(ctx.options, 'thresholdMs', 2000);
    if (l.stoppedByCap) {
      ctx.report({
        file: l.file,
        message: { en: `The load test hit the 60 s cap after ${l.completed} of ${l.requested} requests (concurrency ${l.concurrency})`, ja: `負荷試験が 60 秒の上限に達しました（${l.requested} 件中 ${l.completed} 件、同時接続 ${l.concurrency}）` },
        evidence: `${l.requestsPerSecond} req/s`,
        fingerprint: 'load-cap',
      });
      return;
    }
    if (l.latencyMs.p99 <= limit) return;
    ctx.report({
      file: l.file,
      message: { en: `Under load (concurrency ${l.concurrency}) 1% of requests take over ${ms(l.latencyMs.p99)} (p50 ${ms(l.latencyMs.p50)}, p99 ${ms(l.latencyMs.p99)})`, ja: `負荷時（同時接続 ${l.concurrency}）に 1% のリクエストが ${ms(l.latencyMs.p99)} 以上かかります（p50 ${ms(l.latencyMs.p50)}、p99 ${ms(l.latencyMs.p99)}）` },
      fingerprint: 'load-slow',
      evidence: `p50 ${l.latencyMs.p50} ms, p90 ${l.latencyMs.p90} ms, p99 ${l.latencyMs.p99} ms, max ${l.latencyMs.max} ms`,
    });
  },
});
