import type { ProbeResponse } from '../../facts/probe.js';
import { defineRule } from '../define.js';
import { byRole, CERT_ERROR, certificateRefused, CONNECT_ERRORS, targetOf, tlsBroken } from '../../facts/probe-queries.js';
import { ms } from '../../lib/numbers.js';

function why(r: ProbeResponse, timeoutMs: number, hostPort: string): { en: string; ja: string } {
  const code = r.errorCode ?? '';
  if (code === 'ECONNREFUSED') return { en: `nothing listens on ${hostPort} (connection refused)`, ja: `${hostPort} で待ち受けているプロセスがありません（接続拒否）` };
  if (/TIMEOUT|ETIMEDOUT|ABORT/i.test(code)) return { en: `no answer within ${ms(timeoutMs)} (${code})`, ja: `${ms(timeoutMs)} 以内に応答がありません（${code}）` };
  if (/^HPE_/.test(code)) return { en: `the answer on ${hostPort} is not HTTP (${code}): another kind of server holds the port`, ja: `${hostPort} の応答が HTTP ではありません（${code}）: 別種のサーバーがポートを使っています` };
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return { en: `the server closed the connection without an answer (${code})`, ja: `サーバーが応答せずに接続を切りました（${code}）` };
  return { en: `the request failed (${code || 'error'})`, ja: `リクエストが失敗しました（${code || 'error'}）` };
}

export default defineRule({
  id: 'http/unreachable',
  command: 'probe',
  severity: 'critical',
  facts: ['probeTarget', 'probeResponse', 'probeTls'],
  title: { en: 'Site does not answer', ja: 'サイトが応答しない' },
  description: {
    en: 'The URL gets no HTTP answer at all: the connection is refused, times out, is reset, or what answers is not HTTP. Users see an error page; no other check of the page could run.',
    ja: 'URL に対して HTTP の応答がまったくありません（接続拒否、タイムアウト、切断、または HTTP 以外の応答）。利用者にはエラー画面が表示され、ページに関する他のチェックも実行できませんでした。',
  },
  fix: {
    en: 'Check that the server process runs and listens on that port (`ss -ltnp`, `systemctl status`), that the firewall / security group allows it, and that nothing else holds the port (`lsof -nP -iTCP:PORT -sTCP:LISTEN`).',
    ja: 'サーバープロセスが起動してそのポートで待ち受けているか（`ss -ltnp`、`systemctl status`）、ファイアウォールやセキュリティグループで許可されているか、別のプロセスがポートを使っていないか（`lsof -nP -iTCP:ポート -sTCP:LISTEN`）を確認してください。',
  },
  references: { cwe: [], equivalents: ['seed S1.16', 'seed S0.19'] },
  check(facts, ctx) {
    const t = targetOf(facts);
    if (!t || t.dnsError) return;
    const first = byRole(facts.probeResponse, 'main')[0];
    if (!first?.errorCode) return;
    // Certificate refusals and TLS that does not work are reported by the tls/* rules.
    if (CERT_ERROR.test(first.errorCode)) return;
    if (tlsBroken(facts.probeTls[0])) return;
    if (certificateRefused(facts.probeTls[0]) && !CONNECT_ERRORS.has(first.errorCode) && !/TIMEOUT/.test(first.errorCode)) return;
    const w = why(first, t.timeoutMs, `${t.host}:${t.port}`);
    ctx.report({
      file: first.url,
      message: { en: `The site does not answer: ${w.en}`, ja: `サイトが応答しません: ${w.ja}` },
      evidence: first.errorCode,
      fingerprint: 'unreachable',
    });
  },
});
