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
    const sent = l.sent ?? l.completed + l.errors;
    const codes = Object.entries(l.statusCodes).filter(([c]) => !c.startsWith('2')).map(([c, n]) => `${n}× ${c}`).join(', ');
    const errCodes = Object.entries(l.errorCodes ?? {}).map(([c, n]) => `${n}× ${c}`).join(', ');
    const errs = l.errors ? `${l.errors} without an answer${errCodes ? ` (${errCodes})` : l.timeouts ? ` (${l.timeouts} timeouts)` : ''}` : '';
    const errsJa = l.errors ? `応答なし ${l.errors} 件${errCodes ? `（${errCodes}）` : l.timeouts ? `（うちタイムアウト ${l.timeouts} 件）` : ''}` : '';
    const detail = [errs, codes].filter(Boolean).join(', ');
    const detailJa = [errsJa, codes].filter(Boolean).join('、');
    const message =
      l.completed === 0
        ? {
            en: `None of the ${sent} requests sent under load got an answer (concurrency ${l.concurrency}${l.stoppedNoAnswer ? `; stopped after ${Math.round(l.durationMs / 1000)} s without any answer` : ''}): ${detail}`,
            ja: `負荷試験（同時接続 ${l.concurrency}）で送った ${sent} 件のリクエストに 1 件も応答がありませんでした${l.stoppedNoAnswer ? `（応答がないため ${Math.round(l.durationMs / 1000)} 秒で中止）` : ''}: ${detailJa}`,
          }
        : {
            en: `${failed} of ${sent} requests sent failed under load (concurrency ${l.concurrency}${sent < l.requested ? `, ${l.requested} asked for` : ''}): ${detail}`,
            ja: `負荷試験（同時接続 ${l.concurrency}）で送った ${sent} 件中 ${failed} 件が失敗しました${sent < l.requested ? `（指定は ${l.requested} 件）` : ''}: ${detailJa}`,
          };
    ctx.report({
      file: l.file,
      message,
      fingerprint: 'load-errors',
      evidence: `requested ${l.requested}, sent ${sent}, completed ${l.completed}, errors ${l.errors}, non-2xx ${l.non2xx}`,
    });
  },
});
