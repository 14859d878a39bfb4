import type { Collector } from '../contracts/collector.js';
import { findDirectives } from '../lib/directives.js';

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
      directives: findDirectives(file.content, file.kind),
    };
  },
};
export default collector;
