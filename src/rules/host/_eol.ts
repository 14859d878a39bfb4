/**
 * End-of-life dates shipped with honban (end of the vendor's free security support: Ubuntu's
 * standard support, Debian's LTS, Alpine's branch support, RHEL-family maintenance). Judged against
 * the facts' gathering date, so an old honban keeps answering correctly for the releases it knows;
 * a release it does not know is reported as unknown, never as supported.
 */
export interface EolEntry {
  /** os-release ID= (and ID_LIKE= for derivatives). */
  id: string;
  /** VERSION_ID= prefix (`22.04`, `12`, `3.20`, `9`). */
  version: string;
  name: string;
  /** YYYY-MM-DD: the last day of free security updates. */
  eol: string;
}

export const EOL_TABLE: EolEntry[] = [
  { id: 'ubuntu', version: '16.04', name: 'Ubuntu 16.04 LTS', eol: '2021-04-30' },
  { id: 'ubuntu', version: '18.04', name: 'Ubuntu 18.04 LTS', eol: '2023-05-31' },
  { id: 'ubuntu', version: '20.04', name: 'Ubuntu 20.04 LTS', eol: '2025-05-31' },
  { id: 'ubuntu', version: '22.04', name: 'Ubuntu 22.04 LTS', eol: '2027-04-30' },
  { id: 'ubuntu', version: '24.04', name: 'Ubuntu 24.04 LTS', eol: '2029-04-30' },
  { id: 'ubuntu', version: '23.04', name: 'Ubuntu 23.04', eol: '2024-01-25' },
  { id: 'ubuntu', version: '23.10', name: 'Ubuntu 23.10', eol: '2024-07-11' },
  { id: 'ubuntu', version: '24.10', name: 'Ubuntu 24.10', eol: '2025-07-10' },
  { id: 'ubuntu', version: '25.04', name: 'Ubuntu 25.04', eol: '2026-01-15' },
  { id: 'ubuntu', version: '25.10', name: 'Ubuntu 25.10', eol: '2026-07-09' },
  { id: 'debian', version: '9', name: 'Debian 9 (stretch)', eol: '2022-06-30' },
  { id: 'debian', version: '10', name: 'Debian 10 (buster)', eol: '2024-06-30' },
  { id: 'debian', version: '11', name: 'Debian 11 (bullseye)', eol: '2026-08-31' },
  { id: 'debian', version: '12', name: 'Debian 12 (bookworm)', eol: '2028-06-30' },
  { id: 'debian', version: '13', name: 'Debian 13 (trixie)', eol: '2030-06-30' },
  { id: 'alpine', version: '3.17', name: 'Alpine 3.17', eol: '2024-11-22' },
  { id: 'alpine', version: '3.18', name: 'Alpine 3.18', eol: '2025-05-09' },
  { id: 'alpine', version: '3.19', name: 'Alpine 3.19', eol: '2025-11-01' },
  { id: 'alpine', version: '3.20', name: 'Alpine 3.20', eol: '2026-04-01' },
  { id: 'alpine', version: '3.21', name: 'Alpine 3.21', eol: '2026-11-01' },
  { id: 'alpine', version: '3.22', name: 'Alpine 3.22', eol: '2027-05-01' },
  { id: 'centos', version: '7', name: 'CentOS 7', eol: '2024-06-30' },
  { id: 'centos', version: '8', name: 'CentOS 8', eol: '2021-12-31' },
  { id: 'rhel', version: '7', name: 'RHEL 7', eol: '2024-06-30' },
  { id: 'rhel', version: '8', name: 'RHEL 8', eol: '2029-05-31' },
  { id: 'rhel', version: '9', name: 'RHEL 9', eol: '2032-05-31' },
  { id: 'rocky', version: '8', name: 'Rocky Linux 8', eol: '2029-05-31' },
  { id: 'rocky', version: '9', name: 'Rocky Linux 9', eol: '2032-05-31' },
  { id: 'almalinux', version: '8', name: 'AlmaLinux 8', eol: '2029-05-31' },
  { id: 'almalinux', version: '9', name: 'AlmaLinux 9', eol: '2032-05-31' },
  { id: 'amzn', version: '2', name: 'Amazon Linux 2', eol: '2026-06-30' },
  { id: 'amzn', version: '2023', name: 'Amazon Linux 2023', eol: '2029-06-30' },
];

/** The table entry for an os-release ID / VERSION_ID (major.minor for Ubuntu and Alpine, major elsewhere). */
export function eolOf(id: string, versionId: string | undefined): EolEntry | undefined {
  if (!versionId) return undefined;
  const v = versionId.trim();
  const key = id === 'ubuntu' || id === 'alpine' ? v.split('.').slice(0, 2).join('.') : v.split('.')[0]!;
  return EOL_TABLE.find((e) => e.id === id && e.version === key);
}
