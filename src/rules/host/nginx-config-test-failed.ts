import { defineRule } from '../define.js';

export default defineRule({
  id: 'host/nginx-config-test-failed',
  severity: 'high',
  command: 'host',
  facts: ['hostNginxTest'],
  title: { en: '`nginx -t` rejects the server\'s nginx configuration', ja: 'サーバーの nginx 設定を `nginx -t` が拒否する' },
  description: {
    en: 'On the live host honban runs `nginx -t` on the configuration nginx actually loads (read-only: it parses the files and opens the certificates and logs, it does not reload). A rejected configuration cannot be reloaded: the next `systemctl reload nginx` keeps the old one silently, the next restart or reboot takes the site down.',
    ja: 'ライブのホストでは、nginx が実際に読む設定に対して `nginx -t` を実行します (読み取りのみ: ファイルを解析し証明書とログを開くだけで、reload はしません)。拒否される設定は reload できず、次の `systemctl reload nginx` は古い設定のまま黙って動き、次の再起動やリブートでサイトが止まります。',
  },
  fix: { en: 'Fix the line nginx names, run `sudo nginx -t` until it passes, then `systemctl reload nginx`.', ja: 'nginx が示す行を直し、`sudo nginx -t` が通るまで確認してから `systemctl reload nginx` を実行します。' },
  check(facts, ctx) {
    for (const t of facts.hostNginxTest) {
      if (t.ok) continue;
      const m = t.messages.find((x) => x.level === 'emerg' || x.level === 'alert' || x.level === 'crit') ?? t.messages[t.messages.length - 1];
      const text = m?.text ?? 'nginx -t failed without a message';
      ctx.report({ file: m?.file ?? t.file, line: m?.line, fingerprint: `nginx -t ${text}`, evidence: `nginx: [${m?.level ?? 'emerg'}] ${text}`, message: { en: `nginx -t (run on this host) fails: ${text}`, ja: `このホストで実行した nginx -t が失敗します: ${text}` } });
    }
  },
});
