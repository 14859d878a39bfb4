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

/** A CIDR with prefix length 0 is the whole address space (`0.0.0.0/0`, `::/0`, also `10.0.0.0/0` or a bare `/0`). */
export function isWorld(cidr: string): boolean {
  return /\/0+$/.test(cidr.trim());
}

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
  // Protocol -1 opens every port of every protocol, whatever from_port / to_port say.
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
    const world = list?.find(isWorld);
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

/** A service and the transport it listens on. */
export interface Service {
  name: string;
  proto: 'tcp' | 'udp' | 'both';
}
type PortTable = Record<number, Service>;
const t = (name: string): Service => ({ name, proto: 'tcp' });
const u = (name: string): Service => ({ name, proto: 'udp' });
const b = (name: string): Service => ({ name, proto: 'both' });

/** Remote administration of a machine or a cluster: a shell, a desktop, or control of what runs. */
export const ADMIN_PORTS: PortTable = {
  22: t('SSH'), 23: t('Telnet'), 3389: b('RDP'), 5985: t('WinRM'), 5986: t('WinRM over HTTPS'),
  5900: t('VNC'), 5901: t('VNC'), 5800: t('VNC over HTTP'), 5500: t('VNC listener'),
  2375: t('Docker API'), 2376: t('Docker API (TLS)'), 2377: t('Docker Swarm management'),
  6443: t('Kubernetes API'), 10250: t('kubelet API'), 2379: t('etcd'), 2380: t('etcd peer'),
  4505: t('SaltStack'), 4506: t('SaltStack'), 8140: t('Puppet server'), 4646: t('Nomad API'), 8200: t('Vault API'),
};

/** Databases, caches, search engines and message brokers: data that is read or written directly. */
export const DB_PORTS: PortTable = {
  3306: t('MySQL'), 33060: t('MySQL X'), 5432: t('PostgreSQL'), 1433: t('SQL Server'), 1434: u('SQL Server Browser'),
  1521: t('Oracle'), 1522: t('Oracle'), 2483: t('Oracle'), 2484: t('Oracle (TLS)'), 2382: t('SQL Server Analysis Services'), 2383: t('SQL Server Analysis Services'),
  5439: t('Redshift'), 50000: t('Db2'), 27017: t('MongoDB'), 27018: t('MongoDB'), 27019: t('MongoDB'), 28017: t('MongoDB HTTP'),
  6379: t('Redis'), 6380: t('Redis'), 26379: t('Redis Sentinel'), 11211: b('Memcached'), 11214: t('Memcached (TLS)'), 11215: t('Memcached (TLS)'),
  9200: t('Elasticsearch/OpenSearch'), 9300: t('Elasticsearch transport'), 5984: t('CouchDB'), 8091: t('Couchbase'),
  7000: t('Cassandra'), 7001: t('Cassandra (TLS)'), 7199: t('Cassandra JMX'), 9042: t('Cassandra'), 9160: t('Cassandra Thrift'),
  7474: t('Neo4j'), 7687: t('Neo4j Bolt'), 8086: t('InfluxDB'), 8123: t('ClickHouse HTTP'), 9440: t('ClickHouse (TLS)'), 8020: t('HDFS NameNode'),
  5672: t('RabbitMQ (AMQP)'), 5671: t('AMQP (TLS)'), 9092: t('Kafka'), 9094: t('Kafka (TLS)'), 2181: t('ZooKeeper'), 4222: t('NATS'),
  61616: t('ActiveMQ'), 1883: t('MQTT'), 8883: t('MQTT (TLS)'),
};

/**
 * Other services that have no business being reachable from the internet: file sharing, directories,
 * RPC, network management, web consoles of infrastructure, and UDP services used for amplification.
 */
export const SERVICE_PORTS: PortTable = {
  20: t('FTP data'), 21: t('FTP'), 69: u('TFTP'), 111: b('rpcbind'), 135: b('MSRPC'), 137: u('NetBIOS name'), 138: u('NetBIOS datagram'),
  139: t('NetBIOS session'), 445: b('SMB'), 2049: b('NFS'), 3020: t('CIFS'), 389: b('LDAP'), 636: t('LDAPS'), 161: u('SNMP'), 162: u('SNMP trap'),
  123: u('NTP'), 1900: u('SSDP'), 11111: t('NFS'), 110: t('POP3'), 143: t('IMAP'), 873: t('rsync'), 9418: t('git daemon'),
  5601: t('Kibana'), 15672: t('RabbitMQ management'), 8161: t('ActiveMQ console'), 8500: t('Consul'),
  9093: t('Alertmanager'), 50070: t('HDFS NameNode UI'), 50470: t('HDFS NameNode UI'), 7077: t('Spark master'),
  4369: t('Erlang port mapper'), 25672: t('RabbitMQ distribution'),
  61620: t('Cassandra OpsCenter'), 61621: t('Cassandra OpsCenter'), 10255: t('kubelet read-only'),
};

/** Named ports of `table` the rule opens (by port range and protocol). */
export function coveredPorts(r: WorldIngress, table: PortTable): { port: number; name: string }[] {
  const out: { port: number; name: string }[] = [];
  for (const [p, svc] of Object.entries(table)) {
    const port = Number(p);
    if (port < r.from || port > r.to) continue;
    if (r.protocol !== 'all' && svc.proto !== 'both' && svc.proto !== r.protocol) continue;
    out.push({ port, name: svc.name });
  }
  return out;
}

export function describeRange(r: WorldIngress): { en: string; ja: string } {
  if (r.protocol === 'all') return { en: 'all traffic (protocol -1)', ja: '全トラフィック（protocol -1）' };
  if (r.from === 0 && r.to === 65535) return { en: `all ${r.protocol.toUpperCase()} ports`, ja: `すべての ${r.protocol.toUpperCase()} ポート` };
  const range = r.from === r.to ? `${r.protocol.toUpperCase()} ${r.from}` : `${r.protocol.toUpperCase()} ${r.from}-${r.to}`;
  return { en: range, ja: range };
}

/** "MySQL 3306, Redis 6379 (+3)" */
export function portList(ports: { port: number; name: string }[], max = 4): string {
  return ports.slice(0, max).map((p) => `${p.name} ${p.port}`).join(', ') + (ports.length > max ? ` (+${ports.length - max})` : '');
}
