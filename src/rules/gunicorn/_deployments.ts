/** Helpers of the gunicorn rules over the derived gunicornDeployment fact (src/derive/gunicorn-deployments.ts). */
import type { GunicornDeploymentFact } from '../../facts/deployments.js';

/** A short label for messages: `Procfile:1 (gunicorn)` or `gunicorn.conf.py`. */
export function label(d: GunicornDeploymentFact): string {
  if (d.command) return `${d.command.file}:${d.command.line}${d.config ? ` with ${d.config.file}` : ''}`;
  return d.config!.file;
}
