import { defineRule } from '../define.js';
import { ms, numOption, percentile } from '../../lib/numbers.js';

export default defineRule({
  id: 'perf/slow-response',
  command: 'probe',
  severity: 'medium',
  facts: ['probeLatency'],
  title: { en: 'Page responds slowly', ja: 'ページの応答が遅い' },
  description: {
    en: 'Over a few sequential requests, the median (p50) or the slowest (p95) response took longer than 2 s (the seed\'s limit; option thresholdMs). Users leave, and a slow page under no load gets much worse under load.',
    ja: '数回の連続したリクエストで、中央値（p50）または遅い側（p95）の応答が 2 秒（上限の目安。オプション thresholdMs で変更可）を超えました。利用者は離脱し、負荷のない状態で遅いページは負荷がかかるとさらに遅くなります。',
  },
  fix: {
    en: 'Profile the request (slow queries: add indexes, N+1 queries; external calls without timeouts), cache what can be cached, and check the worker count (gunicorn -w 2×cores+1).',
    ja: 'リクエストをプロファイルし（遅いクエリへのインデックス追加、N+1 クエリ、タイムアウトのない外部呼び出しなど）、キャッシュできるものはキャッシュし、ワーカー数（gunicorn -w コア数×2+1）を確認してください。',
  },
  references: { cwe: [], equivalents: ['seed S1.18'] },
  check(facts, ctx) {
    const l = facts.probeLatency[0];
    if (!l || !l.samplesMs.length) return;
    const limit = numOption(ctx.options, 'thresholdMs', 2000);
    const p50 = percentile(l.samplesMs, 50);
    const p95 = percentile(l.samplesMs, 95);
    if (p95 <= limit) return;
    const stats = `p50 ${ms(p50)}, p95 ${ms(p95)} over ${l.samplesMs.length} requests`;
    const statsJa = `${l.samplesMs.length} 回のリクエストで p50 ${ms(p50)}、p95 ${ms(p95)}`;
    ctx.report({
      file: l.file,
      severity: p50 > limit ? 'medium' : 'low',
      message: p50 > limit
        ? { en: `The page typically takes over ${ms(limit)} to answer (${stats})`, ja: `ページの応答に通常 ${ms(limit)} 以上かかります（${statsJa}）` }
        : { en: `Some responses take over ${ms(limit)} (${stats})`, ja: `一部の応答に ${ms(limit)} 以上かかります（${statsJa}）` },
      evidence: stats,
      fingerprint: 'slow-response',
    });
  },
});
