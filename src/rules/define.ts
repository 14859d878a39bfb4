import type { FactName, Rule } from '../contracts/types.js';

/** Declares a rule: metadata + a pure check function over the facts it names. */
export function defineRule<N extends FactName>(rule: Rule<N>): Rule<N> {
  return rule;
}

/** Base of every rule's documentation link. */
export const DOCS_BASE = 'https://github.com/honban-dev/honban/blob/main/docs/rules.md';

/** GitHub-style anchor of a rule's heading in docs/rules.md. */
export function ruleAnchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}

export function docsUrlOf(id: string): string {
  return `${DOCS_BASE}#${ruleAnchor(id)}`;
}
