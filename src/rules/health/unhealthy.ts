import { defineRule } from '../define.js';
import { finalOf, targetOf } from '../../facts/probe-queries.js';
import { ms } from '../../lib/numbers.js';

export default defineRule({
  id: 'health/unhealthy',
  command: 'probe',
  severity: 'high',
  facts: ['probeTarget', 'probeResponse'],
  title: { en: 'Health endpoint not healthy', ja: 'ヘルスチェックが正常でない' },
  description: {
    en: 'The endpoint given with --health-path does not answer 2xx within the timeout. Load balancers and monitors take the instance out of service (or never put it in), and the cron health check of the seed alerts.',
    ja: '--health-path で指定したエンドポイントが、タイムアウト内に 2xx を返しません。ロードバランサーや監視はこのインスタンスをサービスから外し（あるいは最初から組み込まず）、cron のヘルスチェックも警告を出します。',
  },
  fix: {
    en: 'Look at why the check fails (database or cache unreachable, missing migration, 502 = the application is not running behind the proxy) and make the endpoint answer 200 quickly without heavy work.',
    ja: 'チェックが失敗する理由（データベースやキャッシュに接続できない、マイグレーション未実行、502 ならプロキシの背後でアプリケーションが動いていないなど）を調べ、重い処理をせず素早く 200 を返すようにしてください。',
  },
  references: { cwe: [], equivalents: ['seed S1.16', 'seed S1.20', 'seed S1.23'] },
  check(facts, ctx) {
    const t = targetOf(facts);
    if (!t?.healthPath) return;
    const last = finalOf(facts.probeResponse, 'health');
    if (!last) return;
    if (last.errorCode) {
      const timeout = /TIMEOUT|ETIMEDOUT|ABORT/i.test(last.errorCode);
      ctx.report({
        file: last.url,
        message: timeout
          ? { en: `The health endpoint does not answer within ${ms(t.timeoutMs)}`, ja: `ヘルスチェックが ${ms(t.timeoutMs)} 以内に応答しません` }
          : { en: `The health endpoint does not answer (${last.errorCode})`, ja: `ヘルスチェックが応答しません（${last.errorCode}）` },
        evidence: last.errorCode,
        fingerprint: 'unhealthy',
      });
      return;
    }
    if (last.status !== undefined && (last.status < 200 || last.status >= 300)) {
      const hint = last.status === 502 ? { en: ' — the application behind the proxy is not listening', ja: '（プロキシの背後でアプリケーションが待ち受けていません）' } : { en: '', ja: '' };
      ctx.report({
        file: last.url,
        message: { en: `The health endpoint answers ${last.status}${hint.en}`, ja: `ヘルスチェックが ${last.status} を返します${hint.ja}` },
        evidence: `HTTP ${last.status} in ${ms(last.timeMs)}`,
        fingerprint: 'unhealthy',
      });
    }
  },
});
