/** Helpers shared by contract/* rules. */
import type { ContractSurface, EnvContract } from '../../facts/env-contract.js';
import type { ProvidedVar } from '../../facts/common.js';

/** Names listed in a rule's `allow` option (`NAME` or `PREFIX_*`). */
export function allowList(options: Record<string, unknown>): string[] {
  const a = options.allow;
  return Array.isArray(a) ? a.filter((x): x is string => typeof x === 'string') : [];
}

export function isAllowed(name: string, allow: readonly string[]): boolean {
  return allow.some((a) => a === name || (a.endsWith('*') && name.startsWith(a.slice(0, -1))));
}

/** "a, b and 3 more" */
export function listOf(items: readonly string[], max = 4): string {
  const u = [...new Set(items)];
  if (u.length <= max) return u.join(', ');
  return `${u.slice(0, max).join(', ')} and ${u.length - max} more`;
}

export function listOfJa(items: readonly string[], max = 4): string {
  const u = [...new Set(items)];
  if (u.length <= max) return u.join('、');
  return `${u.slice(0, max).join('、')} ほか ${u.length - max} 件`;
}

/** How an opaque source reads in a message: `EnvironmentFile=/etc/app/env (deploy/app.service)`. */
export function opaqueLabel(p: ProvidedVar): string {
  return `${p.mechanism}${p.mechanism.endsWith('=') ? '' : ' '}${p.name} (${p.file})`;
}

/** Surfaces that define a runtime environment, plus unread files, as message labels. */
export function checkedLabels(c: EnvContract): string[] {
  return [...c.surfaces.map((s) => s.label), ...c.unread.map((u) => `${u} (unreadable)`)];
}

/** The surface a fix should point at: a defining one of the target environment itself first. */
export function bestSurface(c: EnvContract): ContractSurface | undefined {
  const defining = c.surfaces.filter((s) => s.defining);
  return defining.find((s) => s.environment === c.target) ?? defining[0] ?? c.surfaces[0];
}
