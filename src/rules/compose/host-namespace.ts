import type { Localized, Severity } from '../../contracts/types.js';
import { defineRule } from '../define.js';

const WHAT: Record<'network_mode' | 'pid' | 'ipc', { severity: Severity; why: Localized }> = {
  network_mode: { severity: 'medium', why: { en: "shares the host's network stack: every port it listens on is open on the host (ports: and firewall rules for containers do not apply), and it can reach services bound to the host's localhost", ja: 'はホストのネットワークスタックを共有します。待ち受けるポートはすべてホスト上で開き（ports: やコンテナ向けのファイアウォール設定は効きません）、ホストの localhost にだけ公開したサービスにも届きます' } },
  pid: { severity: 'high', why: { en: 'sees every process on the host and can signal them, read their environment (secrets included) and, with ptrace, attach to them', ja: 'はホストの全プロセスを参照でき、シグナルを送り、環境変数（シークレットを含む）を読み、ptrace があればアタッチもできます' } },
  ipc: { severity: 'medium', why: { en: "shares the host's IPC namespace (shared memory and semaphores of host processes)", ja: 'はホストの IPC 名前空間（ホストのプロセスの共有メモリやセマフォ）を共有します' } },
};

export default defineRule({
  id: 'compose/host-namespace',
  severity: 'high',
  facts: ['compose'],
  title: { en: 'Container shares a host namespace (network / pid / ipc)', ja: 'コンテナがホストの名前空間 (network / pid / ipc) を共有している' },
  description: {
    en: 'A service sets `network_mode: host`, `pid: host` or `ipc: host`, removing the isolation between the container and the host for that namespace. With host networking every port the app opens is public on the host and published ports / container firewall rules stop applying; with host PID the container can see, signal and inspect every host process.',
    ja: 'サービスが `network_mode: host`、`pid: host`、`ipc: host` を指定しており、その名前空間についてコンテナとホストの分離がなくなっています。ホストネットワークではアプリが開くポートがすべてホスト上で公開され、ports: やコンテナ向けのファイアウォール設定が効かなくなります。ホスト PID ではホストの全プロセスを参照・シグナル送信・調査できます。',
  },
  fix: {
    en: 'Remove `network_mode: host` / `pid: host` / `ipc: host`; publish only the ports the service needs (`ports: ["127.0.0.1:8000:8000"]`) and let containers talk over a compose network.',
    ja: '`network_mode: host` / `pid: host` / `ipc: host` を削除し、必要なポートだけを公開して (`ports: ["127.0.0.1:8000:8000"]`)、コンテナ間は compose のネットワークで通信させてください。',
  },
  references: { cwe: ['CWE-668'], equivalents: ['CKV_K8S_17', 'CKV_K8S_18', 'CKV_K8S_19'] },
  check(facts, ctx) {
    for (const f of facts.compose) {
      for (const svc of f.services) {
        for (const [key, setting] of [['network_mode', svc.networkMode], ['pid', svc.pid], ['ipc', svc.ipc]] as const) {
          if (setting?.value.trim() !== 'host') continue;
          const w = WHAT[key];
          ctx.report({
            file: f.file,
            line: setting.line,
            column: setting.column,
            severity: w.severity,
            message: { en: `Service "${svc.name}" sets ${key}: host and ${w.why.en}`, ja: `サービス "${svc.name}" が ${key}: host を指定しており、コンテナ${w.why.ja}` },
          });
        }
      }
    }
  },
});
