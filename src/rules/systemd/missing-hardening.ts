import { setting, type SystemdUnit } from '../../facts/systemd.js';
import { parseBoolean } from '../../lib/values.js';
import { defineRule } from '../define.js';
import { serviceSection, where, yes } from './_shared.js';

/** Settings that imply NoNewPrivileges=yes (systemd.exec(5)). */
const IMPLY_NNP = ['SystemCallFilter', 'SystemCallArchitectures', 'RestrictAddressFamilies', 'RestrictNamespaces', 'PrivateDevices', 'ProtectKernelTunables', 'ProtectKernelModules', 'ProtectKernelLogs', 'ProtectClock', 'MemoryDenyWriteExecute', 'RestrictRealtime', 'RestrictSUIDSGID', 'LockPersonality'];

/** Which of the four baseline sandboxing settings the unit lacks. */
export function missingHardening(unit: SystemdUnit): string[] {
  const get = (k: string) => setting(unit, 'Service', k);
  const on = (k: string, ok: (v: string) => boolean) => {
    const e = get(k);
    return e !== undefined && ok(e.value.trim().toLowerCase());
  };
  // DynamicUser=yes implies ProtectSystem=strict, ProtectHome=read-only, PrivateTmp=yes, NoNewPrivileges=yes.
  if (yes(get('DynamicUser'))) return [];
  const missing: string[] = [];
  const nnp = yes(get('NoNewPrivileges')) || IMPLY_NNP.some((k) => {
    const e = get(k);
    return e !== undefined && e.value !== '' && parseBoolean(e.value) !== false;
  });
  if (!nnp) missing.push('NoNewPrivileges=yes');
  if (!on('ProtectSystem', (v) => v === 'strict' || v === 'full' || parseBoolean(v) === true)) missing.push('ProtectSystem=strict');
  if (!on('ProtectHome', (v) => v === 'read-only' || v === 'tmpfs' || parseBoolean(v) === true)) missing.push('ProtectHome=yes');
  if (!on('PrivateTmp', (v) => parseBoolean(v) === true || v === 'disconnected')) missing.push('PrivateTmp=yes');
  return missing;
}

export default defineRule({
  id: 'systemd/missing-hardening',
  severity: 'low',
  facts: ['systemd'],
  title: {
    en: 'Service has no systemd sandboxing',
    ja: 'サービスに systemd のサンドボックス設定がない',
  },
  description: {
    en: 'systemd can confine a service at no cost: NoNewPrivileges stops setuid escalation, ProtectSystem makes /usr, /boot and /etc read-only, ProtectHome hides users\' home directories (and their SSH keys), PrivateTmp gives the service its own /tmp. Without them a compromised app process can write system files or read every home directory its user can.',
    ja: 'systemd はコストなしでサービスを閉じ込められます: NoNewPrivileges は setuid による権限昇格を防ぎ、ProtectSystem は /usr・/boot・/etc を読み取り専用にし、ProtectHome はユーザーのホームディレクトリ（と SSH 鍵）を隠し、PrivateTmp はサービス専用の /tmp を与えます。これらがないと、侵害されたアプリのプロセスがシステムファイルを書き換えたり、そのユーザーが読めるすべてのホームディレクトリを読んだりできます。',
  },
  fix: {
    en: 'Add to [Service]: `NoNewPrivileges=yes`, `ProtectSystem=strict` (with `ReadWritePaths=` for the data and log directories), `ProtectHome=yes`, `PrivateTmp=yes`; then check the rest with `systemd-analyze security <unit>`.',
    ja: '[Service] に `NoNewPrivileges=yes`、`ProtectSystem=strict`（データとログのディレクトリは `ReadWritePaths=` で許可）、`ProtectHome=yes`、`PrivateTmp=yes` を追加し、残りは `systemd-analyze security <unit>` で確認します。',
  },
  references: { cwe: ['CWE-250', 'CWE-653'] },
  check(facts, ctx) {
    for (const unit of facts.systemd) {
      if (!serviceSection(unit)) continue;
      const missing = missingHardening(unit);
      if (!missing.length) continue;
      ctx.report({
        ...where(unit),
        severity: missing.length >= 3 ? 'low' : 'info',
        message: {
          en: `Service lacks systemd sandboxing: ${missing.join(', ')}`,
          ja: `サービスに systemd のサンドボックス設定がありません: ${missing.join('、')}`,
        },
      });
    }
  },
});
