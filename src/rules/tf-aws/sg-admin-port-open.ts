import { ADMIN_PORTS, coveredPorts, describeRange, portList, worldIngress } from './_sg.js';
import { attrOr, defineAwsRule, label, msg, report, via } from './_util.js';

export default defineAwsRule({
  id: 'tf-aws/sg-admin-port-open',
  severity: 'high',
  facts: ['terraform'],
  title: { en: 'Security group opens a remote-administration port (SSH, RDP, VNC, Docker / Kubernetes APIs) to the internet', ja: 'セキュリティグループがリモート管理用ポート（SSH、RDP、VNC、Docker / Kubernetes API）をインターネットに開放している' },
  description: {
    en: 'An ingress rule allows any address (0.0.0.0/0, ::/0, or any other /0 range) to a remote-administration port — SSH 22, RDP 3389, Telnet 23, WinRM 5985/5986, VNC 5900, the Docker API 2375/2376, the Kubernetes API 6443, kubelet 10250, etcd 2379, SaltStack, Puppet, Nomad, Vault — directly or through a port range / "all traffic" rule that covers it. Bots scan these ports continuously; one weak password or unpatched daemon is then a shell on the server or control of the cluster.',
    ja: 'インバウンドルールが任意のアドレス（0.0.0.0/0、::/0、その他 /0 の範囲）からリモート管理用ポート（SSH 22、RDP 3389、Telnet 23、WinRM 5985/5986、VNC 5900、Docker API 2375/2376、Kubernetes API 6443、kubelet 10250、etcd 2379、SaltStack、Puppet、Nomad、Vault）へのアクセスを、直接またはそれを含むポート範囲・「全トラフィック」ルールで許可しています。これらのポートはボットに常時スキャンされており、弱いパスワードや未修正のデーモンが 1 つあればサーバーのシェルやクラスターの制御を奪われます。',
  },
  fix: {
    en: 'Restrict the source to the admin range (`cidr_blocks = [var.admin_cidr]`) or a bastion\'s security group, or close the port and use SSM Session Manager / EC2 Instance Connect Endpoint.',
    ja: '送信元を管理用の IP 範囲（`cidr_blocks = [var.admin_cidr]`）や踏み台のセキュリティグループに限定するか、ポートを閉じて SSM Session Manager / EC2 Instance Connect Endpoint を使います。',
  },
  references: { cwe: ['CWE-284'], equivalents: ['CKV_AWS_24', 'CKV_AWS_25'] },
  check(facts, ctx) {
    for (const r of worldIngress(facts.terraform)) {

      const ports = coveredPorts(r, ADMIN_PORTS);
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
