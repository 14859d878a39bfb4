/**
 * Registry of collectors. Modules are imported lazily, only when an enabled rule needs
 * their fact and a file of their kind exists — so a repository without Python never loads the
 * Python grammar.
 *
 * Each module's default export is a `Collector`; the fact type it produces lives in src/facts/ and
 * declares itself by merging into `FactTypes` (src/contracts/types.ts).
 */
import type { CollectorModule } from '../contracts/collector.js';
import type { FileKind, SourceFile } from '../contracts/types.js';
import { isBuildOutput, javascriptContext, pythonContext } from './file-context.js';

export interface CollectorEntry {
  kinds: readonly FileKind[];
  load: () => Promise<CollectorModule>;
  /**
   * What one file's facts depend on. `file` (default): the file itself and `context` — such files
   * are collected in parallel and cached one by one. `project`: other files' content too (includes,
   * modules, env files a compose file names, a Dockerfile's build context): the collector sees every
   * file in `ctx.files`, runs in one worker, and its cache entry depends on the whole tree.
   */
  scope?: 'file' | 'project';
  /** File scope: what the collector needs from other files (plain data, part of the cache key), computed without loading it. */
  context?: (file: SourceFile, files: readonly SourceFile[]) => unknown;
  /** A cheap check, without a parser: false when the collector has nothing to say about the file (it is then not parsed at all). */
  accepts?: (file: SourceFile) => boolean;
  /** The `main` thread for collectors that only copy what discovery read (no parser, nothing to budget). */
  thread?: 'main';
}

const ALL_TEXT: FileKind[] = [
  'dotenv', 'dockerfile', 'dockerignore', 'compose', 'kubernetes', 'yaml', 'json', 'python', 'ruby', 'javascript',
  'typescript', 'html', 'nginx', 'systemd', 'terraform', 'tfvars', 'tfplan', 'shell', 'sshd', 'procfile', 'gitignore', 'text',
];

/** Fact name → collector. */
export const COLLECTORS: Record<string, CollectorEntry> = {
  // Every file as it is (gitignore, .dockerignore, plain text for secret scanning).
  file: { kinds: ALL_TEXT, load: () => import('./file.js') },
  // Known credential formats in any file (secretlint's recommended preset, in-process).
  credentials: { kinds: ALL_TEXT, load: () => import('./secretlint.js') },
  dotenv: { kinds: ['dotenv'], load: () => import('./dotenv.js') },
  dockerfile: { kinds: ['dockerfile'], load: () => import('./dockerfile.js'), scope: 'project' },
  compose: { kinds: ['compose'], load: () => import('./compose.js'), scope: 'project' },
  kubernetes: { kinds: ['kubernetes'], load: () => import('./kubernetes.js'), scope: 'project' },
  // Application code (issue: application code)
  python: { kinds: ['python'], load: () => import('./python.js'), context: pythonContext },
  ruby: { kinds: ['ruby', 'yaml'], load: () => import('./ruby.js') },
  javascript: { kinds: ['javascript', 'typescript'], load: () => import('./javascript.js'), context: javascriptContext, accepts: (f) => !isBuildOutput(f) },
  template: { kinds: ['html'], load: () => import('./template.js') },
  procfile: { kinds: ['procfile'], load: () => import('./procfile.js') },
  // Infrastructure (issue: Terraform, nginx, systemd)
  terraform: { kinds: ['terraform', 'tfvars', 'tfplan'], load: () => import('./terraform.js'), scope: 'project' },
  nginx: { kinds: ['nginx'], load: () => import('./nginx.js'), scope: 'project' },
  // Opt-in (honban scan --nginx-test): runs nginx -t on a copy of each top-level configuration. It
  // runs a program (bounded by its own timeout), not a parser: in this thread, with the command's tools.
  nginxTest: { kinds: ['nginx'], load: () => import('./nginx-test.js'), scope: 'project', thread: 'main' },
  systemd: { kinds: ['systemd'], load: () => import('./systemd.js'), scope: 'project' },
  sshd: { kinds: ['sshd'], load: () => import('./sshd.js'), scope: 'project' },
  shell: { kinds: ['shell'], load: () => import('./shell.js') },
};
