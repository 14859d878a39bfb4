import { defineRule } from '../define.js';

export default defineRule({
  id: 'host/security-updates-pending',
  severity: 'high',
  command: 'host',
  facts: ['hostUpdates'],
  title: { en: 'Security updates are waiting to be installed', ja: '未適用のセキュリティ更新がある' },
  description: {
    en: 'Installed packages are older than the versions the distribution\'s security archive already ships (compared without the network: apt\'s cached `*-security` lists, plain, gzip, lz4 or xz; `dnf -C updateinfo list --security` on RPM systems, live; the cached APKINDEX on Alpine, whose stable branches ship security and bug fixes only). Each one is a published, fixed vulnerability still present on the server. The checklist asks for the latest security patches before going live.',
    ja: 'インストール済みのパッケージが、ディストリビューションのセキュリティアーカイブで既に提供されている版より古くなっています (ネットワークを使わずに比較: apt のキャッシュ済み `*-security` リスト (無圧縮・gzip・lz4・xz)、RPM 系ではライブで `dnf -C updateinfo list --security`、Alpine ではキャッシュ済みの APKINDEX (安定版ブランチはセキュリティ修正とバグ修正のみ))。それぞれが公開済みで修正もある脆弱性で、サーバーに残ったままです。チェックリストは本番前に最新のセキュリティパッチ適用を求めています。',
  },
  fix: { en: 'Run `apt-get update && apt-get upgrade` (or enable unattended-upgrades for the security pocket) and reboot when the kernel or libc was updated.', ja: '`apt-get update && apt-get upgrade` を実行し (またはセキュリティ更新に unattended-upgrades を有効化し)、カーネルや libc が更新されたら再起動します。' },
  references: { cwe: ['CWE-1104'] },
  check(facts, ctx) {
    for (const u of facts.hostUpdates) {
      if (!u.security.length) continue;
      const names = u.security.slice(0, 8).map((s) => s.name).join(', ') + (u.security.length > 8 ? ', …' : '');
      const message =
        u.source === 'apk-index'
          ? { en: `${u.security.length} package(s) have updates in the cached Alpine index not installed (stable branches ship security and bug fixes only): ${names}`, ja: `${u.security.length} 個のパッケージに、キャッシュ済みの Alpine インデックスにある更新が未適用です (安定版ブランチはセキュリティ修正とバグ修正のみ): ${names}` }
          : { en: `${u.security.length} package(s) have security updates not installed: ${names}`, ja: `${u.security.length} 個のパッケージにセキュリティ更新が未適用です: ${names}` };
      ctx.report({ file: u.file, fingerprint: 'security updates', message });
    }
  },
});
