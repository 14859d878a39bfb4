import { defineRule } from '../define.js';
import { mainPage } from '../../facts/probe-queries.js';

const EXPLAIN: Record<number, { en: string; ja: string }> = {
  502: {
    en: '502 Bad Gateway: the proxy cannot reach the application — the upstream (gunicorn, puma, node) is not running or proxy_pass points at the wrong address / port',
    ja: '502 Bad Gateway: プロキシからアプリケーションに到達できません。上流（gunicorn・puma・node など）が起動していないか、proxy_pass のアドレスやポートが間違っています',
  },
  503: {
    en: '503 Service Unavailable: the application (or the proxy in front of it) refuses requests — maintenance mode, no healthy upstream, or overload',
    ja: '503 Service Unavailable: アプリケーション（または前段のプロキシ）がリクエストを受け付けていません。メンテナンスモード、正常な上流がない、または過負荷です',
  },
  504: {
    en: '504 Gateway Timeout: the application did not answer the proxy in time — it hangs or is far too slow',
    ja: '504 Gateway Timeout: アプリケーションが時間内にプロキシへ応答しませんでした。処理が止まっているか、極端に遅くなっています',
  },
};

export default defineRule({
  id: 'http/server-error',
  command: 'probe',
  severity: 'high',
  facts: ['probeResponse'],
  title: { en: 'Site answers with a server error', ja: 'サイトがサーバーエラーを返す' },
  description: {
    en: 'The page answers 5xx. A 502 after a deploy almost always means the reverse proxy is up but the application behind it is not listening (seed: "502 Bad Gateway → upstream not listening").',
    ja: 'ページが 5xx を返しています。デプロイ直後の 502 は、リバースプロキシは動いているがその後ろのアプリケーションが待ち受けていない、というケースがほとんどです。',
  },
  fix: {
    en: 'Look at the proxy\'s error log (`tail /var/log/nginx/error.log`: "connect() failed (111: Connection refused) while connecting to upstream"), start the application service, and check that proxy_pass and the application\'s bind address agree.',
    ja: 'プロキシのエラーログ（`tail /var/log/nginx/error.log` の "connect() failed (111: Connection refused) while connecting to upstream" など）を確認し、アプリケーションのサービスを起動して、proxy_pass とアプリケーションの bind アドレスが一致しているか確認してください。',
  },
  references: { cwe: [], equivalents: ['seed S1.23'] },
  check(facts, ctx) {
    const p = mainPage(facts.probeResponse);
    if (!p || p.status === undefined || p.status < 500) return;
    const e = EXPLAIN[p.status] ?? { en: `${p.status}: the server failed to handle the request`, ja: `${p.status}: サーバーがリクエストを処理できませんでした` };
    ctx.report({ file: p.url, message: { en: `The page answers ${e.en}`, ja: `ページの応答が ${e.ja}` }, evidence: `HTTP ${p.status}` });
  },
});
