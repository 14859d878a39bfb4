import type { Collector } from '../contracts/collector.js';
import type { EnvName, FileKind } from '../contracts/types.js';

/** A file as honban read it: for rules over raw text (credentials, .gitignore, .dockerignore). */
export interface FileFact {
  file: string;
  environment: EnvName;
  kind: FileKind;
  content: string;
  gitIgnored: boolean;
  gitTracked?: boolean;
  mode?: number;
}

declare module '../contracts/types.js' {
  interface FactTypes {
    file: FileFact;
  }
}

const collector: Collector<'file'> = {
  fact: 'file',
  kinds: [],
  collect(file) {
    return {
      file: file.path,
      environment: file.environment,
      kind: file.kind,
      content: file.content,
      gitIgnored: file.gitIgnored,
      gitTracked: file.gitTracked,
      mode: file.mode,
    };
  },
};
export default collector;
