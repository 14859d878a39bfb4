import { SHARED_HELP } from './help.js';
import type { Localized } from '../contracts/types.js';

export const HOST_HELP: Localized = {
  en: `Usage: honban host [options]

Checks the server itself, in seconds: OS release against an end-of-life table, pending security
updates (apt, apk, dnf), CPU / memory / free disk, software versions (Python, nginx, certbot), the
effective sshd configuration, the firewall (saved, and as root the loaded ruleset) and the ports it
opens, the application's systemd unit with its drop-ins, its EnvironmentFile, data, log and
temporary directories, nginx (\`nginx -t\`), certificates and their renewal, which process owns each
port, logrotate of the app's and nginx's logs, temporary-file cleanup, scheduled health / disk /
certificate checks, backups and their retention. The units, nginx sites, sshd_config and env files found on the host are judged by
the same rules as \`honban scan\`. Findings point at the file to change, relative to the root.

Live (default): reads / and runs read-only commands, each with a timeout (ss, nginx -t, nginx -V,
sshd -T, nft list ruleset, iptables-save, ufw status, rpm -qa, dnf -C updateinfo). Run as root to read
root-only files (crontabs, sshd -T, nginx -t, the loaded firewall); without root those checks are
listed as not checked.

${SHARED_HELP.en}  --root DIR             Offline: read the server's files under DIR (a mounted image, a
                         container's filesystem); no command runs, live-only checks are listed
                         as not checked
  --record FILE          Save the gathered facts (no secret values) as JSON
  --facts FILE           Judge facts saved with --record (on another machine)
  --domain NAME          Check that NAME resolves to this host (live; also host.domain)

Settings in honban.yml under host: (appUnit, serviceUser, allowedPorts, minCpus, minMemoryGb,
minFreeDiskGb, floors, dataDirs, logDirs, tempDirs, backupDir, backupRetentionDays, domain …); see
docs/host.md.

Examples:
  sudo honban host
  ssh server honban host --format json --fail-on high
  honban host --root /mnt/image --record facts.json && honban host --facts facts.json
`,
  ja: `使い方: honban host [オプション]

サーバー自体を数秒で検査します: OS のリリースとサポート終了表の照合、未適用のセキュリティ更新、
CPU / メモリ / ディスクの空き、ソフトウェアのバージョン (Python、nginx、certbot)、実際に効いている
sshd の設定、ファイアウォールと開いているポート、アプリの systemd ユニット、その EnvironmentFile、
データとログのディレクトリ、nginx (\`nginx -t\`)、証明書とその更新、各ポートを使っているプロセス、
logrotate、定期的なヘルス / ディスク / 証明書のチェック、バックアップとその保持期間。ホストで
見つけたユニット、nginx のサイト、sshd_config、env ファイルは \`honban scan\` と同じルールで判定
します。指摘は直すべきファイルを、ルートからの相対パスで示します。

稼働中のサーバー (既定): / を読み、読み取り専用のコマンドをそれぞれタイムアウト付きで実行します
(ss、nginx -t、nginx -V、sshd -T、nft list ruleset、iptables-save、ufw status、rpm -qa、dnf -C updateinfo)。root だけが読めるファイル (crontab、sshd -T、nginx -t) を読むには root で
実行します。root でなければ、それらのチェックは「検査できなかった項目」として一覧します。

${SHARED_HELP.ja}  --root DIR             オフライン: サーバーのファイルを DIR の下から読みます (マウントした
                         イメージ、コンテナのファイルシステム)。コマンドは実行せず、稼働中の
                         サーバーでしかできないチェックは「検査できなかった項目」になります
  --record FILE          集めたファクト (秘密の値は含みません) を JSON で保存します
  --facts FILE           --record で保存したファクトを (別のマシンで) 判定します
  --domain NAME          NAME がこのホストに名前解決されるかを確かめます (稼働中のみ。host.domain でも可)

honban.yml の host: の設定 (appUnit、serviceUser、allowedPorts、minCpus、minMemoryGb、
minFreeDiskGb、floors、dataDirs、logDirs、backupDir、backupRetentionDays、domain など)。
docs/host.md を参照してください。

例:
  sudo honban host
  ssh server honban host --format json --fail-on high
  honban host --root /mnt/image --record facts.json && honban host --facts facts.json
`,
};
