/** Fact `systemd`: sections, settings and Exec lines of a systemd unit (collected by src/collect/systemd.ts), and accessors over settings. */
import type { EnvName } from '../contracts/types.js';
import type { CommandLine, ProvidesVars } from './common.js';

export interface UnitEntry {
  section: string;
  key: string;
  /** The value with continuations joined (each `\` + newline becomes a space). */
  value: string;
  line: number;
  column: number;
  /** Position of the value's first character. */
  valueLine: number;
  valueColumn: number;
  /** Position of each character of `value` (for words inside it). */
  positions: [number, number][];
  /** The drop-in (`<unit>.d/*.conf`) that sets it; absent for the unit file itself. */
  file?: string;
}

export interface UnitSection {
  name: string;
  line: number;
  column: number;
  entries: UnitEntry[];
  /** The drop-in the section is written in; absent for the unit file itself. */
  file?: string;
}

export interface UnitWord {
  value: string;
  line: number;
  column: number;
}

/** An Exec*= line. */
export interface ExecLine extends CommandLine {
  /** ExecStart, ExecStartPre, ExecStop … */
  key: string;
  /** The special prefixes as written (`-`, `@`, `+`, `!`, `!!`, `:`, combinations). */
  prefixes: string;
  words: UnitWord[];
}

export interface EnvironmentFileRef {
  /** The path as written (without the `-` prefix). */
  path: string;
  /** `-` prefix: a missing file is not an error. */
  optional: boolean;
  /** The drop-in that names it; absent for the unit file itself. */
  file?: string;
  line: number;
  column: number;
  /** The repository file it names, when it is in the scanned tree. */
  repoPath?: string;
  /** That repository file is ignored by git (present locally, not committed). */
  repoGitIgnored?: boolean;
  /** Keys of that file (names only). */
  keys?: string[];
  /** Keys of that file that are secret-like and hold a literal value. */
  secretKeys?: string[];
}

export interface SystemdUnit extends ProvidesVars {
  file: string;
  environment: EnvName;
  sections: UnitSection[];
  /** Effective ExecStart lines (after `ExecStart=` resets), source `systemd-execstart`. */
  commands: ExecLine[];
  /** Every Exec*= line. */
  exec: ExecLine[];
  environmentFiles: EnvironmentFileRef[];
  /** A user unit (~/.config/systemd/user, /etc/systemd/user): runs as the user who owns it. */
  userUnit: boolean;
  /** The drop-ins merged into the unit, in the order systemd applies them. */
  dropIns: string[];
}

declare module '../contracts/types.js' {
  interface FactTypes {
    systemd: SystemdUnit;
  }
}

/** Every entry of `key` in `section`, after the last empty assignment (systemd's list reset). */
export function entries(unit: { sections: UnitSection[]; }, section: string, key: string): UnitEntry[] {
  let out: UnitEntry[] = [];
  for (const s of unit.sections) {
    if (s.name !== section) continue;
    for (const e of s.entries) {
      if (e.key !== key) continue;
      if (e.value === '') out = [];
      else out.push(e);
    }
  }
  return out;
}

/** The last assignment of `key` in `section` (scalar settings: the last one wins). */
export function setting(unit: { sections: UnitSection[]; }, section: string, key: string): UnitEntry | undefined {
  let last: UnitEntry | undefined;
  for (const s of unit.sections) if (s.name === section) for (const e of s.entries) if (e.key === key) last = e;
  return last;
}

export function section(unit: { sections: UnitSection[]; }, name: string): UnitSection | undefined {
  return unit.sections.find((s) => s.name === name);
}
