import { SHARED_HELP } from './help.js';

export const HOST_HELP = `Usage: honban host [options]

Checks the server itself, in seconds: OS release against an end-of-life table, pending security
updates (apt, apk, dnf), CPU / memory / free disk, software versions (Python, nginx, certbot), the
effective sshd configuration, the firewall (saved, and as root the loaded ruleset) and the ports it
opens, the application's systemd unit with its drop-ins, its EnvironmentFile, data, log and
temporary directories, nginx (\`nginx -t\`), certificates and their renewal, which process owns each
port, logrotate of the app's and nginx's logs, temporary-file cleanup, scheduled health / disk /
certificate checks, backups and their retention. The units, nginx sites, sshd_config and env files found on the host are judged by
the same rules as \`honban scan\`. Findings point at the file to change, relative to the root.

Live (default): reads / and runs read-only commands, each with a timeout (ss, nginx -t, sshd -T,
nft list ruleset, iptables-save, ufw status, rpm -qa, dnf -C updateinfo). Run as root to read
root-only files (crontabs, sshd -T, nginx -t, the loaded firewall); without root those checks are
listed as not checked.

${SHARED_HELP}  --root DIR             Offline: read the server's files under DIR (a mounted image, a
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
`;
