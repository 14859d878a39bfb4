/**
 * Registry of collectors and derivers. Modules are imported lazily, only when an enabled rule needs
 * their fact and a file of their kind exists — so a repository without Python never loads the
 * Python grammar.
 *
 * Each module's default export is a `Collector` (or `Deriver`) and it declares its fact type by
 * merging into `FactTypes` (see src/core/types.ts).
 */
import type { CollectorModule, DeriverModule } from '../core/collector.js';
import type { FileKind } from '../core/types.js';

export interface CollectorEntry {
  kinds: readonly FileKind[];
  load: () => Promise<CollectorModule>;
}
export interface DeriverEntry {
  load: () => Promise<DeriverModule>;
}

const ALL_TEXT: FileKind[] = [
  'dotenv', 'dockerfile', 'dockerignore', 'compose', 'kubernetes', 'yaml', 'json', 'python', 'ruby', 'javascript',
  'typescript', 'html', 'nginx', 'systemd', 'terraform', 'tfvars', 'shell', 'sshd', 'procfile', 'gitignore', 'text',
];

/** Fact name → collector. */
export const COLLECTORS: Record<string, CollectorEntry> = {
  // Every file as it is (gitignore, .dockerignore, plain text for secret scanning).
  file: { kinds: ALL_TEXT, load: () => import('./file.js') },
  dotenv: { kinds: ['dotenv'], load: () => import('./dotenv.js' as string) },
  dockerfile: { kinds: ['dockerfile'], load: () => import('./dockerfile.js' as string) },
  compose: { kinds: ['compose'], load: () => import('./compose.js' as string) },
  kubernetes: { kinds: ['kubernetes'], load: () => import('./kubernetes.js' as string) },
  // Application code (issue: application code)
  python: { kinds: ['python'], load: () => import(/* issue 3 */ './python.js' as string) },
  ruby: { kinds: ['ruby'], load: () => import('./ruby.js' as string) },
  javascript: { kinds: ['javascript', 'typescript'], load: () => import('./javascript.js' as string) },
  template: { kinds: ['html'], load: () => import('./template.js' as string) },
  procfile: { kinds: ['procfile'], load: () => import('./procfile.js' as string) },
  // Infrastructure (issue: Terraform, nginx, systemd)
  terraform: { kinds: ['terraform', 'tfvars'], load: () => import('./terraform.js' as string) },
  nginx: { kinds: ['nginx'], load: () => import('./nginx.js' as string) },
  systemd: { kinds: ['systemd'], load: () => import('./systemd.js' as string) },
  sshd: { kinds: ['sshd'], load: () => import('./sshd.js' as string) },
  shell: { kinds: ['shell'], load: () => import('./shell.js' as string) },
};

/** Fact name → deriver (cross-file facts). */
export const DERIVERS: Record<string, DeriverEntry> = {
  envContract: { load: () => import('../derive/env-contract.js' as string) },
};
