/** Fact `projects`: the deployable projects of a repository (derived by src/derive/projects.ts), and which one a path belongs to. */
import type { BaseFact } from '../contracts/collector.js';

/** Does `dir` contain `path` (or is it the root)? */
export function contains(dir: string, path: string): boolean {
  return dir === '' || path === dir || path.startsWith(dir + '/');
}

/** The project a path belongs to: the root of the deepest project directory containing it ('' otherwise). */
export function projectOf(roots: readonly Pick<ProjectFact, 'root'>[], path: string): string {
  let best = '';
  for (const r of roots) if (r.root !== '' && contains(r.root, path) && r.root.length > best.length) best = r.root;
  return best;
}

export interface ProjectFact extends BaseFact {
  /** The project's directory ('' for the scanned root). */
  root: string;
  /** The files that make it a project (`compose.yaml`, `Dockerfile`, `Procfile` …). */
  markers: string[];
}

declare module '../contracts/types.js' {
  interface FactTypes {
    projects: ProjectFact;
  }
}
