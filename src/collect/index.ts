/**
 * Registry of collectors. Modules are imported lazily, only when an enabled rule needs
 * their fact and a file of their kind exists — so a repository without Python never loads the
 * Python grammar.
 *
 * Each module's default export is a `Collector`; the fact type it produces lives in src/facts/ and
 * declares itself by merging into `FactTypes` (src/contracts/types.ts).
 */
import type { CollectorModule } from '../contracts/collector.js';
import type { FileKind } from '../contracts/types.js';

export interface CollectorEntry {
  kinds: readonly FileKind[];
  load: () => Promise<CollectorModule>;
}

const ALL_TEXT: FileKind[] = [
  'dotenv', 'dockerfile', 'dockerignore', 'compose', 'kubernetes', 'yaml', 'json', 'python', 'ruby', 'javascript',
  'typescript', 'html', 'nginx', 'systemd', 'terraform', 'tfvars', 'shell', 'sshd', 'procfile', 'gitignore', 'text',
];

/** Fact name → collector. */
export const COLLECTORS: Record<string, CollectorEntry> = {
  // Every file as it is (gitignore, .dockerignore, plain text for secret scanning).
  file: { kinds: ALL_TEXT, load: () => import('./file.js') },
  // Known credential formats in any file (secretlint's recommended preset, in-process).
  credentials: { kinds: ALL_TEXT, load: () => import('./secretlint.js') },
  dotenv: { kinds: ['dotenv'], load: () => import('./dotenv.js') },
  dockerfile: { kinds: ['dockerfile'], load: () => import('./dockerfile.js') },
  compose: { kinds: ['compose'], load: () => import('./compose.js') },
  kubernetes: { kinds: ['kubernetes'], load: () => import('./kubernetes.js') },
  // Application code (issue: application code)
  python: { kinds: ['python'], load: () => import('./python.js') },
  ruby: { kinds: ['ruby', 'yaml'], load: () => import('./ruby.js') },
  javascript: { kinds: ['javascript', 'typescript'], load: () => import('./javascript.js') },
  template: { kinds: ['html'], load: () => import('./template.js') },
  procfile: { kinds: ['procfile'], load: () => import('./procfile.js') },
  // Infrastructure (issue: Terraform, nginx, systemd)
  terraform: { kinds: ['terraform', 'tfvars'], load: () => import('./terraform.js') },
  nginx: { kinds: ['nginx'], load: () => import('./nginx.js') },
  // Opt-in (honban scan --nginx-test): runs nginx -t on a copy of each top-level configuration.
  nginxTest: { kinds: ['nginx'], load: () => import('./nginx-test.js') },
  systemd: { kinds: ['systemd'], load: () => import('./systemd.js') },
  sshd: { kinds: ['sshd'], load: () => import('./sshd.js') },
  shell: { kinds: ['shell'], load: () => import('./shell.js') },
};
