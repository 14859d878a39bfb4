/**
 * Projects (DESIGN.md, "derive/"): in a monorepo — awesome-compose's forty samples, a services/
 * folder — each directory that owns a deployment (a compose file, a Dockerfile, a Procfile, a
 * platform manifest) is a project, and cross-file reasoning (the env contract,
 * "this command runs that file", gunicorn configuration found by name) stays inside one project.
 *
 * The outermost such directory wins: a compose file runs the build contexts below it
 * (`react-express-mysql/compose.yaml` builds `backend/` and provides its variables), so a nested
 * Dockerfile or package.json belongs to the project above it (docs/decisions.md says why this is not
 * "the nearest directory"). Files outside every project belong to the root project ''.
 */
import type { Deriver } from '../contracts/collector.js';
import { SHARED, type SourceFile } from '../contracts/types.js';
import { contains, type ProjectFact } from '../facts/projects.js';
import { isCodeNamedLikeDeployFile } from '../lib/paths.js';

/** File names that make their directory a deployment. */
const MARKER = /^((docker-)?compose([.-][^/]*)?\.ya?ml|dockerfile([.-][^/]*)?|[^/]+\.dockerfile|containerfile|procfile|heroku\.yml|app\.json|fly\.toml|render\.yaml|railway\.json|app\.ya?ml|vercel\.json|netlify\.toml)$/i;

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/**
 * Project roots of a set of files, outermost first. Only files that can be deployed count as
 * markers: templates (`compose.example.yml`) and files of examples or CI are not deployments.
 */
export function projectRoots(files: readonly Pick<SourceFile, 'path' | 'kind' | 'environment'>[]): ProjectFact[] {
  const markers = new Map<string, string[]>();
  for (const f of files) {
    if (f.environment === 'template' || f.environment === 'example' || f.environment === 'ci') continue;
    const base = f.path.slice(f.path.lastIndexOf('/') + 1);
    // Terraform is infrastructure the application in the same repository usually runs on (its ECS
    // task definition provides the app's variables): it does not split a project.
    const isMarker = (MARKER.test(base) && !isCodeNamedLikeDeployFile(base)) || f.kind === 'compose' || f.kind === 'dockerfile' || f.kind === 'procfile';
    if (!isMarker) continue;
    const d = dirOf(f.path);
    if (!markers.has(d)) markers.set(d, []);
    markers.get(d)!.push(f.path);
  }
  const dirs = [...markers.keys()].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const roots: ProjectFact[] = [];
  for (const d of dirs) {
    const outer = roots.find((r) => contains(r.root, d));
    if (outer) outer.markers.push(...markers.get(d)!);
    else roots.push({ file: d || '.', environment: SHARED, root: d, markers: [...markers.get(d)!] });
  }
  // The scanned root is a project of its own for whatever lies outside every other one.
  if (!roots.some((r) => r.root === '')) roots.push({ file: '.', environment: SHARED, root: '', markers: [] });
  for (const r of roots) r.markers.sort();
  return roots.sort((a, b) => (a.root < b.root ? -1 : a.root > b.root ? 1 : 0));
}

const deriver: Deriver<'projects'> = {
  fact: 'projects',
  needs: [],
  derive(_facts, ctx) {
    return projectRoots(ctx.files);
  },
};

export default deriver;
