import { inherited, listens, locationMatch, locations, named, servers } from '../../facts/nginx/query.js';
import { basename, dirname } from '../../lib/paths.js';
import { defineRule } from '../define.js';
import { at, reporter, serverAnswersEverything } from './_shared.js';

const STOCK_ROOTS = new Set(['/var/www/html', '/var/www/html/', '/usr/share/nginx/html', '/usr/share/nginx/html/', 'html']);

export default defineRule({
  id: 'nginx/default-site-enabled',
  severity: 'low',
  environments: ['production', 'staging'],
  facts: ['nginx'],
  title: {
    en: "The distribution's default site is still enabled",
    ja: 'ディストリビューションの既定サイトが有効のまま',
  },
  description: {
    en: 'The stock default site (sites-enabled/default, conf.d/default.conf) answers every request whose Host matches no server_name — scans by IP address, forgotten DNS names — with the "Welcome to nginx" page over plain HTTP. It advertises the server, serves whatever lands in /var/www/html, and hides misrouted traffic. Production checklists remove it and use a catch-all that returns 444.',
    ja: '標準の既定サイト (sites-enabled/default、conf.d/default.conf) は、どの server_name にも一致しない Host のリクエスト（IP アドレスでのスキャン、忘れられた DNS 名など）に平文 HTTP で「Welcome to nginx」ページを返します。サーバーの存在を知らせ、/var/www/html に置かれたものを何でも配信し、誤ったルーティングを隠してしまいます。本番のチェックリストでは削除し、444 を返すキャッチオールに置き換えます。',
  },
  fix: {
    en: 'Remove it (`rm /etc/nginx/sites-enabled/default`) and, if you want a default server, make it refuse: `server { listen 80 default_server; listen 443 ssl default_server; ssl_reject_handshake on; server_name _; return 444; }`.',
    ja: '削除し (`rm /etc/nginx/sites-enabled/default`)、既定サーバーが必要なら拒否するものにします: `server { listen 80 default_server; listen 443 ssl default_server; ssl_reject_handshake on; server_name _; return 444; }`。',
  },
  references: { cwe: ['CWE-1188'] },
  check(facts, ctx) {
    const once = reporter(ctx);
    for (const cfg of facts.nginx) {
      for (const s of servers(cfg)) {
        if (serverAnswersEverything(s)) continue;
        const file = s.node.file;
        const base = basename(file).toLowerCase();
        const dir = basename(dirname(file)).toLowerCase();
        const stockFile = (base === 'default' || base === 'default.conf') && (dir === 'sites-enabled' || dir === 'conf.d' || dir === 'sites-available');
        const rootOf = (d?: { args: string[] }) => d?.args[0];
        const serverRoot = rootOf(inherited(s.chain, 'root'));
        const slash = locations(s).find((l) => locationMatch(l.node).path === '/' && !locationMatch(l.node).modifier);
        const slashRoot = slash ? rootOf(named(slash.chain[slash.chain.length - 1]!, 'root')[0]) : undefined;
        const proxies = locations(s).some((l) => named(l.chain[l.chain.length - 1]!, 'proxy_pass').length > 0);
        const stockRoot = [serverRoot, slashRoot].some((r) => r !== undefined && STOCK_ROOTS.has(r));
        const isDefault = listens(s).some((l) => l.defaultServer);
        if (!((stockFile && (stockRoot || !proxies)) || (isDefault && stockRoot && !proxies))) continue;
        once(`${s.node.file}:${s.node.line}`, () =>
          ctx.report({
            ...at(s.node),
            message: {
              en: `The stock default site is enabled (${stockFile ? file : 'default_server'} serving ${serverRoot ?? slashRoot ?? 'the default root'}): it answers requests for unknown hosts with the nginx welcome page`,
              ja: `標準の既定サイトが有効です (${stockFile ? file : 'default_server'} が ${serverRoot ?? slashRoot ?? '既定のルート'} を配信): 未知のホスト宛てのリクエストに nginx のウェルカムページを返します`,
            },
          }),
        );
      }
    }
  },
});
