import { defineRule } from '../define.js';

export default defineRule({
  id: 'http/stalled-body',
  command: 'probe',
  severity: 'high',
  facts: ['probeTarget', 'probeResponse'],
  title: { en: 'The page starts to answer, then stalls', ja: 'ページの応答が途中で止まる' },
  description: {
    en: 'The server sent the status and headers but not the whole body within the timeout (or cut the connection in the middle). Browsers show a page that never finishes loading; a worker stuck in a slow query, a proxy buffer, or an upstream that died after the headers are typical causes. The headers were still judged.',
    ja: 'サーバーはステータスとヘッダーを返しましたが、タイムアウトまでに本文を最後まで送りませんでした（または途中で接続を切りました）。ブラウザでは読み込みが終わらないページになります。遅いクエリで止まったワーカー、プロキシのバッファ、ヘッダー送信後に落ちたアップストリームがよくある原因です。ヘッダーのチェックは実行しています。',
  },
  fix: {
    en: 'Time the request (`curl -sv -o /dev/null -w "%{time_starttransfer} %{time_total}\\n" URL`), look at the application and proxy logs for the request, and set `proxy_read_timeout` / worker timeouts so that a stuck request fails instead of hanging.',
    ja: 'リクエストの時間を測り（`curl -sv -o /dev/null -w "%{time_starttransfer} %{time_total}\\n" URL`）、アプリケーションとプロキシのログで該当リクエストを確認してください。止まったリクエストが固まり続けずに失敗するよう、`proxy_read_timeout` やワーカーのタイムアウトを設定します。',
  },
  references: { cwe: [], equivalents: ['seed S1.16'] },
  check(facts, ctx) {
    const t = facts.probeTarget[0];
    const seen = new Set<string>();
    for (const r of facts.probeResponse) {
      if (!r.bodyErrorCode || r.status === undefined || seen.has(r.url)) continue;
      seen.add(r.url);
      const timedOut = /TIMEOUT|ETIMEDOUT/.test(r.bodyErrorCode);
      ctx.report({
        file: r.url,
        message: timedOut
          ? { en: `The page answered ${r.status} and then stalled: the body did not finish within ${t?.timeoutMs ?? '?'} ms`, ja: `ページは ${r.status} を返した後に止まり、本文が ${t?.timeoutMs ?? '?'} ms 以内に終わりませんでした` }
          : { en: `The page answered ${r.status} and then the connection broke off in the body (${r.bodyErrorCode})`, ja: `ページは ${r.status} を返しましたが、本文の途中で接続が切れました（${r.bodyErrorCode}）` },
        evidence: `HTTP ${r.status}, body: ${r.bodyErrorCode}`,
        fingerprint: `stalled ${r.role}`,
      });
    }
  },
});
