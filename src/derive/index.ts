/**
 * Registry of derivers: cross-file facts computed once from collected facts, before rules run.
 * Modules load lazily, only when an enabled rule needs their fact.
 */
import type { DeriverModule } from '../contracts/collector.js';

export interface DeriverEntry {
  load: () => Promise<DeriverModule>;
}

/** Fact name → deriver (cross-file facts). */
export const DERIVERS: Record<string, DeriverEntry> = {
  envContract: { load: () => import('./env-contract.js') },
  projects: { load: () => import('./projects.js') },
  envVar: { load: () => import('./env-vars.js') },
  envFile: { load: () => import('./env-files.js') },
  deployCommand: { load: () => import('./deploy-commands.js') },
  gunicornDeployment: { load: () => import('./gunicorn-deployments.js') },
};
