/** Ingress rules of security groups, normalized (inline blocks, aws_security_group_rule, aws_vpc_security_group_ingress_rule). */
import type { TerraformFact, TfAttr, TfBody, TfResource } from '../../facts/terraform/types.js';
import { blocks, num, str, strings } from './_util.js';

export interface WorldIngress {
  resource: TfResource;
  /** The attribute naming the world-open range (cidr_blocks, ipv6_cidr_blocks, cidr_ipv4, cidr_ipv6). */
  attr: TfAttr;
  cidr: string;
  protocol: 'all' | 'tcp' | 'udp';
  from: number;
  to: number;
}

const WORLD = new Set(['0.0.0.0/0', '::/0']);

function protocolOf(v: TfAttr | undefined): WorldIngress['protocol'] | undefined {
  const p = str(v?.value)?.toLowerCase();
  if (p === '-1' || p === 'all') return 'all';
  if (p === 'tcp' || p === '6') return 'tcp';
  if (p === 'udp' || p === '17') return 'udp';
  return undefined;
}

function fromBody(r: TfResource, body: TfBody, protoAttr: string, cidrAttrs: string[], out: WorldIngress[]): void {
  const protocol = protocolOf(body.attrs[protoAttr]);
  if (!protocol) return;
  let from = 0;
  let to = 65535;
  if (protocol !== 'all') {
    const f = num(body.attrs['from_port']?.value);
    const t = num(body.attrs['to_port']?.value);
    if (f === undefined || t === undefined) return;
    from = Math.min(f, t);
    to = Math.max(f, t);
    if (from === -1 || to === -1) [from, to] = [0, 65535];
  }
  for (const name of cidrAttrs) {
    const a = body.attrs[name];
    if (!a) continue;
    const list = strings(a.value);
    const world = list?.find((c) => WORLD.has(c.trim()));
    if (world) out.push({ resource: r, attr: a, cidr: world.trim(), protocol, from, to });
  }
}

export function worldIngress(facts: readonly TerraformFact[]): WorldIngress[] {
  const out: WorldIngress[] = [];
  for (const f of facts) {
    for (const r of f.resources) {
      if (r.mode !== 'managed') continue;
      if (r.type === 'aws_security_group' || r.type === 'aws_default_security_group') {
        for (const b of blocks(r.body, 'ingress')) fromBody(r, b.body, 'protocol', ['cidr_blocks', 'ipv6_cidr_blocks'], out);
      } else if (r.type === 'aws_security_group_rule') {
        if (str(r.body.attrs['type']?.value) === 'ingress') fromBody(r, r.body, 'protocol', ['cidr_blocks', 'ipv6_cidr_blocks'], out);
      } else if (r.type === 'aws_vpc_security_group_ingress_rule') {
        fromBody(r, r.body, 'ip_protocol', ['cidr_ipv4', 'cidr_ipv6'], out);
      }
    }
  }
  return out;
}

export const ADMIN_PORTS: Record<number, string> = { 22: 'SSH', 3389: 'RDP', 23: 'Telnet', 5985: 'WinRM', 5986: 'WinRM over HTTPS' };
export const DB_PORTS: Record<number, string> = {
  3306: 'MySQL', 5432: 'PostgreSQL', 1433: 'SQL Server', 1521: 'Oracle', 27017: 'MongoDB', 27018: 'MongoDB', 6379: 'Redis',
  11211: 'Memcached', 9200: 'Elasticsearch/OpenSearch', 9300: 'Elasticsearch transport', 5984: 'CouchDB', 9042: 'Cassandra',
};
/** Services that also listen on UDP (RDP; memcached's UDP amplification). */
const UDP_PORTS = new Set([3389, 11211]);

/** Named ports of `table` the rule opens. */
export function coveredPorts(r: WorldIngress, table: Record<number, string>): { port: number; name: string }[] {
  const out: { port: number; name: string }[] = [];
  for (const [p, name] of Object.entries(table)) {
    const port = Number(p);
    if (port < r.from || port > r.to) continue;
    if (r.protocol === 'udp' && !UDP_PORTS.has(port)) continue;
    out.push({ port, name });
  }
  return out;
}

export function describeRange(r: WorldIngress): { en: string; ja: string } {
  if (r.protocol === 'all') return { en: 'all traffic (protocol -1)', ja: '全トラフィック（protocol -1）' };
  if (r.from === 0 && r.to === 65535) return { en: `all ${r.protocol.toUpperCase()} ports`, ja: `すべての ${r.protocol.toUpperCase()} ポート` };
  const range = r.from === r.to ? `${r.protocol.toUpperCase()} ${r.from}` : `${r.protocol.toUpperCase()} ${r.from}-${r.to}`;
  return { en: range, ja: range };
}
