import { defineRule } from '../define.js';
import { DATA_PORTS } from './_util.js';

export default defineRule({
  id: 'host/firewall-port-open',
  severity: 'medium',
  command: 'host',
  facts: ['hostFirewall', 'hostSettings'],
  title: { en: 'The firewall opens a port to the world that is not on the allowed list', ja: 'ファイアウォールが許可リストにないポートを全世界に開けている' },
  description: {
    en: 'Only 22, 80 and 443 should be reachable from anywhere (honban.yml `host.allowedPorts`). An allow rule for the application server\'s port, a database or an admin tool from any address bypasses nginx\'s TLS and headers, or exposes a service that was never meant to face the internet.',
    ja: 'どこからでも到達できるべきなのは 22・80・443 だけです (honban.yml の `host.allowedPorts`)。アプリサーバーのポート、データベース、管理ツールを任意のアドレスに許可する規則は、nginx の TLS やヘッダーを迂回させるか、インターネットに向けるつもりのなかったサービスを公開します。',
  },
  fix: { en: 'Delete the rule (`ufw delete allow 8000/tcp`), or restrict it to the addresses that need it (`ufw allow from 10.0.0.0/8 to any port 5432`).', ja: '規則を削除する (`ufw delete allow 8000/tcp`) か、必要なアドレスだけに絞ります (`ufw allow from 10.0.0.0/8 to any port 5432`)。' },
  references: { cwe: ['CWE-284'] },
  check(facts, ctx) {
    const allowed = new Set(facts.hostSettings[0]!.allowedPorts);
    for (const f of facts.hostFirewall) {
      if (!f.enabled) continue;
      for (const r of f.allows) {
        if (r.from !== 'any') continue;
        const ports = r.toPort ? [] : [r.port];
        const range = r.toPort ? `${r.port}-${r.toPort}` : String(r.port);
        if (ports.length && allowed.has(r.port)) continue;
        const data = DATA_PORTS.has(r.port) || (r.toPort !== undefined && [...DATA_PORTS].some((p) => p >= r.port && p <= r.toPort!));
        ctx.report({ file: r.file, line: r.line, severity: data ? 'high' : undefined, message: { en: `${f.kind} allows port ${range}/${r.proto} from anywhere; allowed to the world: ${[...allowed].join(', ')}`, ja: `${f.kind} がポート ${range}/${r.proto} を全アドレスに許可しています。全世界に許可するのは ${[...allowed].join('、')} だけです` } });
      }
    }
  },
});
