import { defineRule } from '../define.js';

export default defineRule({
  id: 'tls/hostname-mismatch',
  command: 'probe',
  severity: 'critical',
  facts: ['probeTls'],
  title: { en: 'Certificate does not name the host', ja: '証明書にホスト名が含まれていない' },
  description: {
    en: 'The certificate\'s Subject Alternative Names do not cover the host name (or IP address) of the URL, so every client rejects it (ERR_CERT_COMMON_NAME_INVALID). Common after moving to a new domain, adding a www / api subdomain, or when nginx serves the default server\'s certificate for an unknown name.',
    ja: '証明書の Subject Alternative Name に URL のホスト名（または IP アドレス）が含まれていないため、すべてのクライアントが拒否します（ERR_CERT_COMMON_NAME_INVALID）。新しいドメインへの移行、www や api サブドメインの追加、nginx が未知の名前に対して default server の証明書を返している場合によく起こります。',
  },
  fix: {
    en: 'Issue a certificate that lists every served name (`certbot --nginx -d example.com -d www.example.com`), and check that the matching server block (server_name) holds it.',
    ja: '提供するすべての名前を含む証明書を発行し（`certbot --nginx -d example.com -d www.example.com`）、対応する server ブロック（server_name）にその証明書が設定されているか確認してください。',
  },
  references: { cwe: ['CWE-297'], equivalents: ['testssl cert_trust', 'SSL Labs grade M', 'seed S1.17'] },
  check(facts, ctx) {
    const t = facts.probeTls[0];
    if (!t || t.hostnameMatches || !t.chain.length) return;
    const names = t.chain[0]!.subjectAltNames.join(', ') || t.chain[0]!.subject;
    ctx.report({
      file: t.file,
      message: { en: `The certificate does not name ${t.host}: it is for ${names}`, ja: `証明書に ${t.host} が含まれていません（証明書の対象: ${names}）` },
      evidence: t.hostnameError ?? 'ERR_TLS_CERT_ALTNAME_INVALID',
    });
  },
});
