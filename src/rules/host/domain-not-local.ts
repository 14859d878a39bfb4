import { defineRule } from '../define.js';

export default defineRule({
  id: 'host/domain-not-local',
  severity: 'high',
  command: 'host',
  facts: ['hostDns', 'hostSettings'],
  title: { en: 'The domain does not resolve to this server', ja: 'ドメインがこのサーバーを指していない' },
  description: {
    en: 'The checklist points the A record at the server and checks it with nslookup before going live. When --domain (or honban.yml `host.domain`) resolves to none of this host\'s addresses — nor to one listed in `host.addresses` for NAT / elastic IPs — users and certbot\'s HTTP challenge reach another machine.',
    ja: 'チェックリストは A レコードをサーバーに向け、本番前に nslookup で確認します。--domain (または honban.yml の `host.domain`) がこのホストのどのアドレスにも、NAT や Elastic IP 用に `host.addresses` に書いたアドレスにも解決されないと、利用者も certbot の HTTP チャレンジも別のマシンに届きます。',
  },
  fix: { en: 'Point the A / AAAA records at this server (and wait out the old TTL); behind NAT, list the public address in honban.yml `host.addresses`.', ja: 'A / AAAA レコードをこのサーバーに向けます (古い TTL が切れるまで待ちます)。NAT の背後なら公開アドレスを honban.yml の `host.addresses` に書きます。' },
  check(facts, ctx) {
    const extra = facts.hostSettings[0]?.addresses ?? [];
    for (const d of facts.hostDns) {
      if (d.error) {
        ctx.report({ file: d.file, message: { en: `${d.domain} does not resolve (${d.error})`, ja: `${d.domain} が名前解決できません (${d.error})` } });
        continue;
      }
      const mine = new Set([...d.local, ...extra]);
      if (d.addresses.some((a) => mine.has(a))) continue;
      ctx.report({ file: d.file, message: { en: `${d.domain} resolves to ${d.addresses.join(', ')}, none of which is this host (${[...mine].join(', ') || 'no address'})`, ja: `${d.domain} は ${d.addresses.join('、')} に解決され、どれもこのホスト (${[...mine].join('、') || 'アドレスなし'}) ではありません` } });
    }
  },
});
