import type { Collector } from '../contracts/collector.js';
import { findDirectives } from '../lib/directives.js';
import type { FileFact } from '../facts/file.js';

const collector: Collector<'file'> = {
  fact: 'file',
  kinds: [],
  collect(file) {
    // `content` is attached by the engine (engine/collect.ts), read from the file on first use: the
    // fact is cached without the text, and a warm scan reads only the files a rule looks into.
    return {
      file: file.path,
      environment: file.environment,
      kind: file.kind,
      gitIgnored: file.gitIgnored,
      gitTracked: file.gitTracked,
      mode: file.mode,
      directives: findDirectives(file.content, file.kind),
    } as FileFact;
  },
};
export default collector;
