/** Fact `file`: any file as read, for rules over raw text (collected by src/collect/file.ts). */
import type { EnvName, FileKind } from '../contracts/types.js';
import type { Directive } from '../lib/directives.js';

/** A file as honban read it: for rules over raw text (credentials, .gitignore, .dockerignore). */
export interface FileFact {
  file: string;
  environment: EnvName;
  kind: FileKind;
  /** The text: attached by the engine to the collected fact (engine/collect.ts), read from disk on first use when discovery did not read the file. */
  content: string;
  gitIgnored: boolean;
  gitTracked?: boolean;
  mode?: number;
  /** Inline `honban-ignore` comments in the file. */
  directives: Directive[];
}

declare module '../contracts/types.js' {
  interface FactTypes {
    file: FileFact;
  }
}
