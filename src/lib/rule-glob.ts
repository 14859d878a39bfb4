import { canonicalRuleId } from './rule-aliases.js';

/**
 * Rule-id patterns, one matcher for every place that selects rules by id: `--rule` / `--skip-rule`,
 * waivers in honban.yml and inline `honban-ignore` directives. `*` matches any run of characters
 * (also across "/"), `?` one character; `all` is `*`. No regular expression is built from the pattern.
 * A deprecated id (src/lib/rule-aliases.ts) matches the rule it was merged into.
 */
export function ruleIdMatches(pattern: string, id: string): boolean {
  if (pattern === 'all') pattern = '*';
  if (!isRulePattern(pattern)) return pattern === id || canonicalRuleId(pattern) === id;
  let p = 0;
  let s = 0;
  let star = -1;
  let mark = 0;
  while (s < id.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === id[s])) {
      p++;
      s++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = s;
    } else if (star >= 0) {
      p = star + 1;
      s = ++mark;
    } else return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

export function isRulePattern(pattern: string): boolean {
  return pattern === 'all' || pattern.includes('*') || pattern.includes('?');
}
