/**
 * Runs the real probe (gatherers + rules) against local test servers.
 */
import type { HonbanConfig } from '../../contracts/config.js';
import type { Finding } from '../../contracts/types.js';
import { probe, type ProbeResult, type ProbeRunOptions } from '../../commands/probe/index.js';

export interface Live extends ProbeResult {
  /** Open findings' rule ids, sorted, unique. */
  ids: string[];
  /** Open findings of one rule. */
  of(ruleId: string): Finding[];
}

/** Probes `url`; `httpUrl` defaults to a closed port's being unset — pass one explicitly in tests. */
export async function probeLive(url: string, o: Partial<ProbeRunOptions> & { config?: HonbanConfig } = {}): Promise<Live> {
  const r = await probe({ url, timeoutMs: 3000, latencySamples: 3, ...o });
  const open = r.report.findings.filter((f) => f.status === 'open');
  return {
    ...r,
    ids: [...new Set(open.map((f) => f.ruleId))].sort(),
    of: (id: string) => open.filter((f) => f.ruleId === id),
  };
}

/** Ids of a domain (`tls/`, `headers/` …). */
export function domain(ids: string[], prefix: string): string[] {
  return ids.filter((i) => i.startsWith(prefix));
}
