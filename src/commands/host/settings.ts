/** The host settings fact (from honban.yml `host:`, see src/config/host.ts). */
import { hostConfig, HOST_DEFAULTS } from '../../config/host.js';
import type { HonbanConfig } from '../../contracts/config.js';
import type { HostSettings } from '../../facts/host.js';

/** The settings fact rules judge with (made at judging time, never recorded). */
export function settingsFact(config: HonbanConfig, environment: string, domain?: string): HostSettings {
  const h = hostConfig(config);
  return {
    file: config.source ?? 'honban.yml',
    environment,
    minCpus: h.minCpus ?? HOST_DEFAULTS.minCpus,
    minMemoryGb: h.minMemoryGb ?? HOST_DEFAULTS.minMemoryGb,
    minFreeDiskGb: h.minFreeDiskGb ?? HOST_DEFAULTS.minFreeDiskGb,
    allowedPorts: h.allowedPorts ?? HOST_DEFAULTS.allowedPorts,
    floors: { ...HOST_DEFAULTS.floors, ...(h.floors ?? {}) },
    ...(h.serviceUser ? { serviceUser: h.serviceUser } : {}),
    ...(h.timezone ? { timezone: h.timezone } : {}),
    backupMaxAgeHours: h.backupMaxAgeHours ?? HOST_DEFAULTS.backupMaxAgeHours,
    backupRetentionDays: h.backupRetentionDays ?? HOST_DEFAULTS.backupRetentionDays,
    certificateWarnDays: h.certificateWarnDays ?? HOST_DEFAULTS.certificateWarnDays,
    ...(domain ?? h.domain ? { domain: domain ?? h.domain } : {}),
    addresses: h.addresses ?? [],
  };
}
