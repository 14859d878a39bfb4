import { ADMIN_PORTS, DB_PORTS, SERVICE_PORTS, coveredPorts, describeRange, portList, worldIngress } from './_sg.js';
import { attrOr, defineAwsRule, label, msg, report, via } from './_util.js';

export default defineAwsRule({
  id: 'tf-aws/sg-service-port-open',
  severity: 'medium',
  facts: ['terraform'],
  title: { en: 'Security group opens an internal service port (file sharing, directory, RPC, management console) to the internet', ja: 'セキュリティグループが内部サービスのポート（ファイル共有・ディレクトリ・RPC・管理コンソール）をインターネットに開放している' },
  description: {
    en: 'An ingress rule allows any address (0.0.0.0/0, ::/0, or any other /0 range) to a service that belongs inside the network: file sharing (FTP, SMB 445, NetBIOS, NFS, rsync), directories (LDAP 389), RPC (rpcbind, MSRPC), network management (SNMP), UDP services abused for amplification (NTP, SSDP, TFTP), and the web consoles of infrastructure (Kibana, RabbitMQ management, Consul, Alertmanager, HDFS, Spark). These speak plain text, leak information, or were never meant to face the internet. Web ports (80, 443) and application ports are not reported.',
    ja: 'インバウンドルールが任意のアドレス（0.0.0.0/0、::/0、その他 /0 の範囲）から、本来ネットワーク内部で使うサービスのポートへのアクセスを許可しています。ファイル共有（FTP、SMB 445、NetBIOS、NFS、rsync）、ディレクトリ（LDAP 389）、RPC（rpcbind、MSRPC）、ネットワーク管理（SNMP）、増幅攻撃に悪用される UDP サービス（NTP、SSDP、TFTP）、インフラの Web コンソール（Kibana、RabbitMQ 管理画面、Consul、Alertmanager、HDFS、Spark）などです。平文で通信したり情報を漏らしたりし、インターネットに公開する前提で作られていません。Web ポート（80、443）とアプリのポートは対象外です。',
  },
  fix: {
    en: 'Allow the port only from the networks that use it (the VPC CIDR, a VPN range, a security group), or put the service behind a VPN / SSM port forwarding / an authenticating proxy.',
    ja: 'ポートは利用するネットワーク（VPC の CIDR、VPN の範囲、セキュリティグループ）からのみ許可するか、VPN・SSM のポートフォワード・認証付きプロキシの背後に置きます。',
  },
  references: { cwe: ['CWE-284'], equivalents: ['CKV_AWS_260'] },
  check(facts, ctx) {
    for (const r of worldIngress(facts.terraform)) {
      // Reported by tf-aws/sg-admin-port-open or tf-aws/sg-database-port-open.
      if (coveredPorts(r, ADMIN_PORTS).length || coveredPorts(r, DB_PORTS).length) continue;
      const ports = coveredPorts(r, SERVICE_PORTS);
      if (!ports.length) continue;
      const names = portList(ports);
      const range = describeRange(r);
      const single = r.from === r.to && r.protocol !== 'all';
      ctx.report(
        report(attrOr(r.attr, r.resource), msg(`${label(r.resource)}: `, single ? { en: `${names} is open to ${r.cidr}`, ja: `${names} が ${r.cidr} に開放されています` } : { en: `${range.en} is open to ${r.cidr}, including ${names}`, ja: `${range.ja} が ${r.cidr} に開放されており、${names} を含みます` }, via(r.attr.value))),
      );
    }
  },
});
