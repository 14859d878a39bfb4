import { defineRule } from '../define.js';
import { label } from './_deployments.js';

export default defineRule({
  id: 'gunicorn/max-requests-unset',
  severity: 'low',
  environments: ['production', 'staging'],
  facts: ['gunicornDeployment'],
  title: { en: 'gunicorn never recycles workers (max_requests unset)', ja: 'gunicorn がワーカーを再生成しない (max_requests 未設定)' },
  description: {
    en: 'Without max_requests a worker lives until it crashes. Slow memory leaks in the app or its libraries then grow until the host swaps or the OOM killer strikes, typically on small instances (seed 003). max_requests with max_requests_jitter restarts workers gracefully and staggered.',
    ja: 'max_requests がないと、ワーカーはクラッシュするまで生き続けます。アプリやライブラリの緩やかなメモリリークが、ホストがスワップするか OOM killer が動くまで増え続けます。小さなインスタンスでは典型的な障害です (seed 003)。max_requests と max_requests_jitter を設定すると、ワーカーを時間差でグレースフルに再起動します。',
  },
  fix: { en: 'Set `max_requests = 1000` and `max_requests_jitter = 50` in gunicorn.conf.py (or `--max-requests 1000 --max-requests-jitter 50`).', ja: 'gunicorn.conf.py に `max_requests = 1000` と `max_requests_jitter = 50` を設定します (または `--max-requests 1000 --max-requests-jitter 50`)。' },
  references: { cwe: ['CWE-401', 'CWE-400'] },
  check(facts, ctx) {
    for (const d of facts.gunicornDeployment) {
      if (d.external.includes('max_requests')) continue;
      const s = d.settings.max_requests;
      if (s && s.value !== 0) continue;
      const at = s ?? d;
      ctx.report({ file: at.file, line: at.line, column: at.column, message: s ? { en: `max_requests is 0 (${label(d)}): workers are never recycled`, ja: `max_requests が 0 です (${label(d)})。ワーカーが再生成されません` } : { en: `max_requests is not set (${label(d)}): workers are never recycled, so memory leaks accumulate`, ja: `max_requests が設定されていません (${label(d)})。ワーカーが再生成されず、メモリリークが蓄積します` } });
    }
  },
});
