import { defineRule } from '../define.js';

export default defineRule({
  id: 'host/time-sync-missing',
  severity: 'low',
  command: 'host',
  facts: ['hostTime'],
  title: { en: 'No time synchronisation service is enabled', ja: '時刻同期サービスが有効になっていない' },
  description: {
    en: 'Without NTP (systemd-timesyncd, chrony, ntpd) the clock drifts: TLS certificate checks, signed tokens with expiry (JWT, OAuth), TOTP codes, log correlation and backups named by date all go wrong by minutes, then hours.',
    ja: 'NTP (systemd-timesyncd、chrony、ntpd) がないと時計がずれ、TLS 証明書の検証、有効期限付きの署名トークン (JWT、OAuth)、TOTP コード、ログの突き合わせ、日付名のバックアップが数分、やがて数時間単位で狂います。',
  },
  fix: { en: 'Enable one: `timedatectl set-ntp true` (systemd-timesyncd) or `apt-get install chrony`.', ja: 'いずれかを有効にします: `timedatectl set-ntp true` (systemd-timesyncd) または `apt-get install chrony`。' },
  check(facts, ctx) {
    for (const t of facts.hostTime) {
      if (t.sync) continue;
      ctx.report({ file: 'etc/systemd/system', message: { en: 'No time synchronisation service (systemd-timesyncd, chrony, ntp) is enabled at boot', ja: '起動時に有効な時刻同期サービス (systemd-timesyncd、chrony、ntp) がありません' } });
    }
  },
});
