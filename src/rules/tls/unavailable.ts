import { defineRule } from '../define.js';
import { tlsBroken } from '../../facts/probe-queries.js';

export default defineRule({
  id: 'tls/unavailable',
  command: 'probe',
  severity: 'critical',
  facts: ['probeTls'],
  title: { en: 'No TLS handshake possible', ja: 'TLS ハンドシェイクができない' },
  description: {
    en: 'The port accepts connections, but no TLS version (1.0–1.3) completes a handshake. Often a plain-HTTP server sits on the HTTPS port (the seed\'s "Bad request version"), TLS is not configured on that listener, or the server offers only ciphers no client accepts.',
    ja: 'ポートには接続できますが、TLS 1.0〜1.3 のどのバージョンでもハンドシェイクが完了しません。HTTPS のポートで平文 HTTP のサーバーが動いている（いわゆる "Bad request version"）、そのリスナーで TLS が設定されていない、またはどのクライアントも受け付けない暗号スイートしか提供していない、といった原因がよくあります。',
  },
  fix: {
    en: 'Check what listens on the port (`lsof -nP -iTCP:PORT -sTCP:LISTEN`), make that listener TLS (`listen 443 ssl;` with ssl_certificate / ssl_certificate_key), and test with `openssl s_client -connect HOST:PORT -servername HOST`.',
    ja: 'ポートで待ち受けているプロセスを確認し（`lsof -nP -iTCP:ポート -sTCP:LISTEN`）、そのリスナーで TLS を有効にして（`listen 443 ssl;` と ssl_certificate / ssl_certificate_key）、`openssl s_client -connect ホスト:ポート -servername ホスト` で確認してください。',
  },
  references: { cwe: ['CWE-319'], equivalents: ['seed S0.19'] },
  check(facts, ctx) {
    const t = facts.probeTls[0];
    if (!t || !tlsBroken(t)) return;
    const code = t.handshakeErrorCode ?? 'error';
    const notTls = /WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|UNKNOWN_PROTOCOL|HTTP_REQUEST/i.test(code);
    ctx.report({
      file: t.file,
      message: notTls
        ? { en: `${t.host}:${t.port} answers, but not with TLS (${code}): a plain-HTTP server is listening on the HTTPS port`, ja: `${t.host}:${t.port} は応答しますが TLS ではありません（${code}）: HTTPS のポートで平文 HTTP のサーバーが待ち受けています` }
        : { en: `No TLS version completes a handshake with ${t.host}:${t.port} (${code})`, ja: `${t.host}:${t.port} とはどの TLS バージョンでもハンドシェイクが完了しません（${code}）` },
      evidence: code,
    });
  },
});
