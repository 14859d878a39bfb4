import { defineRule } from '../define.js';

export default defineRule({
  id: 'load/errors',
  command: 'probe',
  severity: 'high',
  facts: ['probeLoad'],
  title: { en: 'Errors under load', ja: '負荷をかけるとエラーが出る' },
  description: {
    en: 'During `--load N --concurrency C` (the seed\'s `ab -n 100 -c 10`), some requests failed, timed out or got a non-2xx answer. Real traffic will see the same: too few workers, a connection pool or file-descriptor limit, a rate limiter that is too strict, or a crash under concurrency.',
    ja: '`--load N --concurrency C`（`ab -n 100 -c 10` に相当）の実行中に、失敗・タイムアウト・2xx 以外の応答がありました。実際のトラフィックでも同じことが起こります。ワーカー不足、コネクションプールやファイルディスクリプタの上限、厳しすぎるレート制限、並行処理時のクラッシュなどが原因です。',
  },
  fix: {
    en: 'Read the application and proxy logs for the failing period; raise gunicorn workers / threads and the database pool, check `ulimit -n` and worker_connections, and make sure the rate limiter stores its counters in Redis and fits the expected traffic.',
    ja: '失敗した時間帯のアプリケーションとプロキシのログを確認し、gunicorn のワーカー・スレッド数やデータベースのプールを増やし、`ulimit -n` や worker_connections を確認し、レート制限が Redis にカウンターを保存し想定トラフィックに合っているかを確認してください。',
  },
  references: { cwe: ['CWE-400'], equivalents: ['seed S1.18'] },
  check(facts, ctx) {
    const l = facts.probeLoad[0];
    if (!l) return;
    const failed = l.errors + l.non2xx;
    if (failed === 0) return;
    const codes = Object.entries(l.statusCodes).filter(([c]) => !c.startsWith('2')).map(([c, n]) => `${n}× ${c}`).join(', ');
    const detail = [l.errors ? `${l.errors} errors${l.timeouts ? ` (${l.timeouts} timeouts)` : ''}` : '', codes].filter(Boolean).join(', ');
    const detailJa = [l.errors ? `エラー ${l.errors} 件${l.timeouts ? `（うちタイムアウト ${l.timeouts} 件）` : ''}` : '', codes].filter(Boolean).join('、');
    ctx.report({
      file: l.file,
      message: { en: `${failed} of ${l.requested} requests failed under load (concurrency ${l.concurrency}): ${detail}`, ja: `負荷試験（同時接続 ${l.concurrency}）で ${l.requested} 件中 ${failed} 件が失敗しました: ${detailJa}` },
      fingerprint: 'load-errors',
      evidence: `requests ${l.requested}, completed ${l.completed}, errors ${l.errors}, non-2xx ${l.non2xx}`,
    });
  },
});
