import { defineRule } from '../define.js';
import { targetOf } from '../../facts/probe-queries.js';

export default defineRule({
  id: 'dns/unresolved',
  command: 'probe',
  severity: 'critical',
  facts: ['probeTarget'],
  title: { en: 'Host name does not resolve', ja: 'ホスト名が名前解決できない' },
  description: {
    en: 'The site\'s host name has no DNS answer from here, so nobody can reach the site by its name. Usual causes: the A / AAAA record is missing or still propagating, a typo in the record or the URL, or the name only exists in an internal zone.',
    ja: 'サイトのホスト名がこの環境から DNS で解決できず、名前では誰もサイトに到達できません。よくある原因は、A / AAAA レコードの未設定や反映待ち、レコードや URL の綴り間違い、社内ゾーンにしか存在しない名前などです。',
  },
  fix: {
    en: 'Create the A (and AAAA) record pointing at the server, check it with `dig +short NAME` from outside, and keep the TTL short during the migration.',
    ja: 'サーバーを指す A（と AAAA）レコードを作成し、外部から `dig +short ホスト名` で確認してください。移行中は TTL を短くしておきます。',
  },
  references: { cwe: [], equivalents: ['seed S1.4'] },
  check(facts, ctx) {
    const t = targetOf(facts);
    if (!t?.dnsError) return;
    ctx.report({
      file: t.url,
      message: {
        en: `Host name ${t.host} does not resolve (${t.dnsError}): no address to connect to`,
        ja: `ホスト名 ${t.host} が名前解決できません（${t.dnsError}）: 接続先のアドレスがありません`,
      },
      evidence: t.dnsError,
    });
  },
});
