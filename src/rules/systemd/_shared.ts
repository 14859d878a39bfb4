/** Helpers shared by the systemd rules (not a rule). */
import { section, setting, type SystemdUnit, type UnitEntry } from '../../facts/systemd.js';
import { parseBoolean } from '../../lib/values.js';

/** The unit's [Service] section, when it is a service unit. */
export function serviceSection(unit: SystemdUnit) {
  return section(unit, 'Service');
}

export function yes(e: UnitEntry | undefined): boolean {
  return e !== undefined && parseBoolean(e.value) === true;
}

export function isOneshot(unit: SystemdUnit): boolean {
  return setting(unit, 'Service', 'Type')?.value === 'oneshot';
}

export const where = (unit: SystemdUnit) => {
  const s = serviceSection(unit);
  return { file: unit.file, line: s?.line ?? 1, column: s?.column ?? 1 };
};

/** Where an entry is written: the drop-in that sets it, or the unit file. */
export const at = (unit: SystemdUnit, e: { file?: string; line: number; column: number }) => ({ file: e.file ?? unit.file, line: e.line, column: e.column });
