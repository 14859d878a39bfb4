/** Fact `projects`: the deployable projects of a repository (derived by src/derive/projects.ts), and which one a path belongs to. */
import type { BaseFact } from '../contracts/collector.js';

/** Does `dir` contain `path` (or is it the root)? */
export function contains(dir: string, path: string): boolean {
  return dir === '' || path === dir || path.startsWith(dir + '/');
}

/** The project a path belongs to: the root of the deepest project directory containing it ('' otherwise). */
export function projectOf(roots: readonly Pick<ProjectFact, 'root'>[], path: string): string {
  // Walks up the path's directories (its depth), not over the roots: asked once per fact, it must
  // not make a monorepo of R projects and N files cost R × N.
  let set = ROOT_SETS.get(roots);
  if (!set) ROOT_SETS.set(roots, (set = new Set(roots.map((r) => r.root).filter((r) => r !== ''))));
  if (!set.size) return '';
  for (let p = path; p !== ''; p = p.lastIndexOf('/') < 0 ? '' : p.slice(0, p.lastIndexOf('/'))) if (set.has(p)) return p;
  return '';
}
const ROOT_SETS = new WeakMap<readonly Pick<ProjectFact, 'root'>[], Set<string>>();

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
