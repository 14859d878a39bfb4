/** Fact `procfile`: the process lines of a Procfile (collected by src/collect/procfile.ts). */
import type { EnvName } from '../contracts/types.js';
import type { CommandLine } from './common.js';

/** A Procfile process line. */
export interface ProcfileCommand extends CommandLine {
  /** The process type (`web`, `worker`, `release`). */
  process: string;
}

export interface ProcfileFact {
  file: string;
  environment: EnvName;
  commands: ProcfileCommand[];
}

declare module '../contracts/types.js' {
  interface FactTypes {
    procfile: ProcfileFact;
  }
}
