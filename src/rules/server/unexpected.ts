import { linearRegExp, type LinearRegExp } from '../../lib/linear-regex.js';
import { defineRule } from '../define.js';
import { byRole, hdr, mainPage, targetOf } from '../../facts/probe-queries.js';

/** Characters of a Server header honban looks at (real ones are under 100). */
const MAX_SERVER_HEADER = 1024;

export default defineRule({
  id: 'server/unexpected',
  command: 'probe',
  severity: 'high',
  facts: ['probeTarget', 'probeResponse'],
  title: { en: 'Another server answers than the expected one', ja: '想定と異なるサーバーが応答している' },
  description: {
    en: 'With `--expect-server REGEX`, the Server header of the answer must match. When it does not, another process holds the port or the request reaches another machine — like the seed\'s `Server: AirTunes` answering on port 5000 instead of Flask (macOS AirPlay Receiver).',
    ja: '`--expect-server 正規表現` を指定すると、応答の Server ヘッダーがそれに一致する必要があります。一致しない場合、別のプロセスがポートを使っているか、リクエストが別のマシンに届いています（ポート 5000 で Flask ではなく `Server: AirTunes`、つまり macOS の AirPlay レシーバーが応答していた事例など）。',
  },
  fix: {
    en: 'Find what listens on the port (`lsof -nP -iTCP:PORT -sTCP:LISTEN`), stop it or move the application to a free port, and check DNS / load-balancer targets point at the right machine.',
    ja: 'ポートで待ち受けているプロセスを確認し（`lsof -nP -iTCP:ポート -sTCP:LISTEN`）、それを止めるかアプリケーションを空いているポートに移してください。DNS やロードバランサーの転送先が正しいマシンを指しているかも確認します。',
  },
  references: { cwe: [], equivalents: ['seed S0.19'] },
  check(facts, ctx) {
    const t = targetOf(facts);
    if (!t || t.expectServer === undefined) return;
    const p = mainPage(facts.probeResponse) ?? byRole(facts.probeResponse, 'not-found').find((r) => r.status !== undefined);
    if (!p) return;
    // The Server header is the remote site's text: bounded, and matched in linear time (RE2).
    let re: LinearRegExp;
    try {
      re = linearRegExp(t.expectServer, { ignoreCase: true });
    } catch {
      return;
    }
    const full = hdr(p, 'server');
    const server = full?.slice(0, MAX_SERVER_HEADER);
    // A Server header longer than any real one is not the expected server, whatever its start.
    if (server !== undefined && full!.length <= MAX_SERVER_HEADER && re.test(server)) return;
    ctx.report({
      file: p.url,
      message: server === undefined
        ? { en: `The response has no Server header; expected one matching /${t.expectServer}/`, ja: `応答に Server ヘッダーがありません（/${t.expectServer}/ に一致するものを想定）` }
        : { en: `The answering server is "${server.slice(0, 80)}", not /${t.expectServer}/: another process may hold the port`, ja: `応答しているサーバーが「${server.slice(0, 80)}」で、/${t.expectServer}/ に一致しません: 別のプロセスがポートを使っている可能性があります` },
      evidence: `Server: ${server ?? '(none)'}`.slice(0, 120),
      fingerprint: 'unexpected-server',
    });
  },
});
