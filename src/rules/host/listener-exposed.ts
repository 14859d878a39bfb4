import { defineRule } from '../define.js';
import { DATA_PORTS, isLoopback } from './_util.js';

export default defineRule({
  id: 'host/listener-exposed',
  severity: 'medium',
  command: 'host',
  facts: ['hostListener', 'hostFirewall', 'hostSettings'],
  title: { en: 'A service listens on a public address and no firewall holds it back', ja: '公開アドレスで待ち受けるサービスをファイアウォールが止めていない' },
  description: {
    en: 'A process listens on all addresses (0.0.0.0 / ::) or a public one on a port that is not on the allowed list, and no enabled default-deny firewall drops the traffic: it is reachable from the internet. Typical: gunicorn bound to 0.0.0.0:8000, PostgreSQL or Redis with a wide listen address.',
    ja: '許可リストにないポートで、全アドレス (0.0.0.0 / ::) または公開アドレスで待ち受けるプロセスがあり、既定拒否のファイアウォールも有効ではないため、インターネットから到達できます。典型例: 0.0.0.0:8000 にバインドした gunicorn、待ち受けアドレスの広い PostgreSQL や Redis。',
  },
  fix: { en: 'Bind the service to 127.0.0.1 (gunicorn `-b 127.0.0.1:8000`, `listen_addresses = \'localhost\'`, `bind 127.0.0.1`) and enable a default-deny firewall.', ja: 'サービスを 127.0.0.1 にバインドし (gunicorn `-b 127.0.0.1:8000`、`listen_addresses = \'localhost\'`、`bind 127.0.0.1`)、既定拒否のファイアウォールを有効にします。' },
  references: { cwe: ['CWE-284', 'CWE-1327'] },
  check(facts, ctx) {
    const allowed = new Set(facts.hostSettings[0]!.allowedPorts);
    const guarded = facts.hostFirewall.some((f) => f.enabled && f.defaultDeny);
    for (const l of facts.hostListener) {
      if (isLoopback(l.address) || allowed.has(l.port)) continue;
      // Behind a default-deny firewall a port is open only where a rule allows it.
      if (guarded && !facts.hostFirewall.some((f) => f.enabled && f.allows.some((r) => r.from === 'any' && (r.port === l.port || (r.toPort !== undefined && l.port >= r.port && l.port <= r.toPort))))) continue;
      const who = l.process ? `${l.process}${l.pid ? ` (pid ${l.pid})` : ''}` : undefined;
      ctx.report({ file: l.file, fingerprint: `${l.address}:${l.port}`, severity: DATA_PORTS.has(l.port) ? 'high' : undefined, message: { en: `${who ?? 'An unknown process'} listens on ${l.address}:${l.port}, reachable from outside (not an allowed port, no firewall drops it)`, ja: `${who ?? '不明なプロセス'} が ${l.address}:${l.port} で待ち受けており、外部から到達できます (許可ポートではなく、ファイアウォールも破棄しません)` } });
    }
  },
});
