/**
 * honban.yml `host:` — what the server must have, with defaults from the checklists (seed 001:
 * 2 cores, 4 GB, 20 GB free, Python ≥ 3.9, nginx ≥ 1.18, ports 22/80/443, backups kept 30 days).
 */
import type { HonbanConfig } from '../contracts/config.js';

export interface HostConfig {
  appUnit?: string;
  serviceUser?: string;
  domain?: string;
  addresses?: string[];
  allowedPorts?: number[];
  minCpus?: number;
  minMemoryGb?: number;
  minFreeDiskGb?: number;
  floors?: Record<string, string>;
  dataDirs?: string[];
  logDirs?: string[];
  /** Directories of temporary files and uploads that must be cleaned periodically (S3.13). */
  tempDirs?: string[];
  backupDir?: string;
  backupMaxAgeHours?: number;
  backupRetentionDays?: number;
  certificateWarnDays?: number;
  timezone?: string;
  commandTimeout?: number;
}

export const HOST_DEFAULTS = {
  allowedPorts: [22, 80, 443],
  minCpus: 2,
  minMemoryGb: 4,
  minFreeDiskGb: 20,
  floors: { python3: '3.9', nginx: '1.18' } as Record<string, string>,
  backupMaxAgeHours: 26,
  backupRetentionDays: 30,
  certificateWarnDays: 30,
  commandTimeout: 5000,
};

/** JSON Schema of `host:` (merged into honban.yml's schema). */
export const HOST_CONFIG_SCHEMA = {
  type: 'object',
  description: 'Settings of honban host (the server itself); defaults come from the production checklists.',
  additionalProperties: false,
  properties: {
    appUnit: { type: 'string', description: 'The application\'s systemd unit (e.g. myapp.service); discovered when omitted.' },
    serviceUser: { type: 'string', description: 'The account the application runs as (default: the unit\'s User=).' },
    domain: { type: 'string', description: 'Public name that must resolve to this host (also --domain).' },
    addresses: { type: 'array', items: { type: 'string' }, description: 'Public addresses of this host that no interface holds (NAT, elastic IP).' },
    allowedPorts: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 65535 }, description: 'Ports that may be open to the world (default 22, 80, 443).' },
    minCpus: { type: 'integer', minimum: 1, description: 'Minimum CPU cores (default 2).' },
    minMemoryGb: { type: 'number', minimum: 0, description: 'Minimum memory in GB (default 4).' },
    minFreeDiskGb: { type: 'number', minimum: 0, description: 'Minimum free disk in GB (default 20).' },
    floors: { type: 'object', additionalProperties: { type: 'string', pattern: '^\\d+(\\.\\d+)*$' }, description: 'Minimum package versions by package name (default python3: 3.9, nginx: 1.18).' },
    dataDirs: { type: 'array', items: { type: 'string' }, description: 'Directories the service user must be able to write (data).' },
    logDirs: { type: 'array', items: { type: 'string' }, description: 'Directories the service user must be able to write (logs); logrotate must cover them.' },
    tempDirs: { type: 'array', items: { type: 'string' }, description: 'Directories of temporary files and uploads; a tmpfiles.d age or a scheduled cleanup must cover them.' },
    backupDir: { type: 'string', description: 'Where backups land (default: found in the scheduled backup script).' },
    backupMaxAgeHours: { type: 'number', minimum: 1, description: 'Newest backup at most this old (default 26).' },
    backupRetentionDays: { type: 'integer', minimum: 1, description: 'Backups kept this many days (default 30).' },
    certificateWarnDays: { type: 'integer', minimum: 1, description: 'Certificates expiring within this many days are findings (default 30).' },
    timezone: { type: 'string', description: 'Expected time zone (e.g. Asia/Tokyo).' },
    commandTimeout: { type: 'integer', minimum: 100, description: 'Timeout of each command in milliseconds (live; default 5000).' },
  },
} as const;

export function hostConfig(config: HonbanConfig): HostConfig {
  return ((config as { host?: HostConfig; }).host ?? {}) as HostConfig;
}
