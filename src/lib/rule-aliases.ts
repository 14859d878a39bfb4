/**
 * Rule ids that were merged into another rule (issue 9: one rule per problem across `scan` and
 * `env`). An old id keeps working in honban.yml (`rules:`, `waivers:`), in inline
 * `honban-ignore` comments and in baselines; honban says it is deprecated where it reads it.
 * docs/decisions.md ("One rule per env problem") says which id survived and why.
 */
export const RULE_ALIASES: Readonly<Record<string, string>> = {
  'env/debug-mode-on': 'env/debug-enabled',
  'env/dangerous-switch-on': 'env/dangerous-switch',
  'env/verbose-log-level': 'env/debug-log-level',
  'env/non-production-mode': 'env/development-mode',
  'env/in-memory-rate-limit-storage': 'env/in-memory-rate-limit',
  'env/resolved-placeholder': 'env/placeholder-value',
  'env/sqlite-database-url': 'env/sqlite-database',
  'env/weak-secret-value': 'env/weak-secret',
  'env/readable-env-file': 'env/world-readable-file',
};

/** The current id of a rule id (itself unless it is a deprecated alias). */
export function canonicalRuleId(id: string): string {
  return Object.hasOwn(RULE_ALIASES, id) ? RULE_ALIASES[id]! : id;
}

/** The deprecated ids that now mean `id`. */
export function aliasesOf(id: string): string[] {
  return Object.keys(RULE_ALIASES).filter((a) => RULE_ALIASES[a] === id);
}

/** One line for a user who wrote an old id. */
export function deprecationNote(where: string, alias: string): string {
  return `${where}: rule id ${alias} is deprecated, it is now ${RULE_ALIASES[alias]} (the old id still works)`;
}
