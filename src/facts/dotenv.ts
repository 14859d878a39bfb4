import type { DotenvEntry, DotenvProblem } from '../collect/dotenv-parse.js';
import type { EnvName } from '../contracts/types.js';
import type { ProvidesVars } from './common.js';


export interface DotenvFile extends ProvidesVars {
  file: string;
  environment: EnvName;
  /** A template (`.env.example` …): documents variables, provides nothing to a running app. */
  template: boolean;
  /** Git would not commit the file (ignored and not tracked). */
  gitIgnored: boolean;
  /** Git tracks the file (known inside a git work tree only). */
  gitTracked?: boolean;
  /** Permission bits, when read from disk. */
  mode?: number;
  /** Every assignment in order (duplicates included; the last one wins). */
  entries: DotenvEntry[];
  /** Lines dotenv ignores or reads differently than written. */
  problems: DotenvProblem[];
}

declare module '../contracts/types.js' {
  interface FactTypes {
    dotenv: DotenvFile;
  }
}
