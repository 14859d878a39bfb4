import type { Severity } from '../../contracts/types.js';
import { defineRule } from '../define.js';

/** Capabilities that amount to root on the host (high) or widen the blast radius (medium). */
const CAPS: Record<string, Severity> = {
  ALL: 'high',
  SYS_ADMIN: 'high',
  SYS_MODULE: 'high',
  SYS_RAWIO: 'high',
  DAC_READ_SEARCH: 'high',
  SYS_PTRACE: 'medium',
  NET_ADMIN: 'medium',
  BPF: 'medium',
  PERFMON: 'medium',
  SYS_BOOT: 'medium',
  SYS_TIME: 'medium',
  MAC_ADMIN: 'medium',
  MAC_OVERRIDE: 'medium',
  NET_RAW: 'low',
};

export default defineRule({
  id: 'compose/dangerous-capability',
  severity: 'high',
  facts: ['compose'],
  title: { en: 'Dangerous Linux capability added', ja: '危険な Linux ケーパビリティを追加している' },
  description: {
    en: 'A service adds a Linux capability through `cap_add` that breaks container isolation: ALL, SYS_ADMIN (mount, namespaces — nearly privileged), SYS_MODULE (load kernel modules), SYS_RAWIO, DAC_READ_SEARCH (read any host file through an open handle), or widens what a compromised process can do: SYS_PTRACE, NET_ADMIN, BPF, SYS_TIME.',
    ja: 'サービスが `cap_add` で、コンテナの分離を壊す Linux ケーパビリティを追加しています: ALL、SYS_ADMIN（マウントや名前空間の操作。ほぼ特権コンテナ）、SYS_MODULE（カーネルモジュールの読み込み）、SYS_RAWIO、DAC_READ_SEARCH（開いたハンドル経由でホストの任意のファイルを読める）。または乗っ取られたプロセスにできることを広げています: SYS_PTRACE、NET_ADMIN、BPF、SYS_TIME。',
  },
  fix: {
    en: 'Remove the capability; if the service needs one narrow permission, add only that (`NET_BIND_SERVICE` to bind port 80 as non-root) and consider `cap_drop: [ALL]` first.',
    ja: 'ケーパビリティを削除してください。特定の権限だけが必要なら、それだけを追加します（非 root で 80 番ポートにバインドするなら `NET_BIND_SERVICE`）。まず `cap_drop: [ALL]` を検討してください。',
  },
  references: { cwe: ['CWE-250'], equivalents: ['CKV_K8S_39'] },
  check(facts, ctx) {
    for (const f of facts.compose) {
      for (const svc of f.services) {
        for (const cap of svc.capAdd) {
          const name = cap.value.trim().toUpperCase().replace(/^CAP_/, '');
          const severity = CAPS[name];
          if (!severity) continue;
          ctx.report({
            file: f.file,
            line: cap.line,
            column: cap.column,
            severity,
            message: { en: `Service "${svc.name}" adds the ${name} capability`, ja: `サービス "${svc.name}" が ${name} ケーパビリティを追加しています` },
          });
        }
      }
    }
  },
});
