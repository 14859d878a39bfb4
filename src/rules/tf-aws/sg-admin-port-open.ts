import { defineRule } from '../define.js';
import { ADMIN_PORTS, coveredPorts, describeRange, worldIngress } from './_sg.js';
import { msg, report, via } from './_util.js';

export default defineRule({
  id: 'tf-aws/sg-admin-port-open',
  severity: 'high',
  facts: ['terraform'],
  title: { en: 'Security group opens SSH / RDP to the internet', ja: 'セキュリティグループが SSH / RDP をインターネットに開放している' },
  description: {
    en: 'An ingress rule allows 0.0.0.0/0 (or ::/0) to an administration port — SSH 22, RDP 3389, Telnet, WinRM — directly or through a port range / "all traffic" rule that covers it. Bots scan these ports continuously; one weak password or unpatched daemon is then a shell on the server.',
    ja: 'インバウンドルールが 0.0.0.0/0（または ::/0）から管理用ポート（SSH 22、RDP 3389、Telnet、WinRM）へのアクセスを、直接またはそれを含むポート範囲・「全トラフィック」ルールで許可しています。これらのポートはボットに常時スキャンされており、弱いパスワードや未修正のデーモンが 1 つあればサーバーのシェルを奪われます。',
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
      const names = ports.map((p) => `${p.name} ${p.port}`).join(', ');
      const range = describeRange(r);
      const single = r.from === r.to && r.protocol !== 'all';
      ctx.report(
        report(r.attr, msg(`${r.resource.address}: `, single ? { en: `${names} is open to ${r.cidr}`, ja: `${names} が ${r.cidr} に開放されています` } : { en: `${range.en} is open to ${r.cidr}, including ${names}`, ja: `${range.ja} が ${r.cidr} に開放されており、${names} を含みます` }, via(r.attr.value))),
      );
    }
  },
});
