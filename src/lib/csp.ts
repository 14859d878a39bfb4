/**
 * Content-Security-Policy evaluation with csp_evaluator (loaded lazily): the issues of each policy,
 * and csp_evaluator's finding types and severities.
 */

export interface CspIssue {
  type: number;
  directive: string;
  value?: string;
  /** csp_evaluator's severity (10 high … 60 info). */
  severity: number;
  description: string;
}

export interface CspPolicy {
  policy: string;
  issues: CspIssue[];
}

/** Each policy evaluated by csp_evaluator (CSP3). */
export async function evaluatePolicies(policies: readonly string[]): Promise<CspPolicy[]> {
  if (!policies.length) return [];
  const [{ CspEvaluator }, { CspParser }] = await Promise.all([import('csp_evaluator/dist/evaluator.js'), import('csp_evaluator/dist/parser.js')]);
  return policies.map((policy) => {
    const parsed = new CspParser(policy).csp;
    const issues = new CspEvaluator(parsed).evaluate().map((f) => ({ type: f.type, directive: f.directive, ...(f.value !== undefined ? { value: f.value } : {}), severity: f.severity, description: f.description }));
    return { policy, issues };
  });
}

/** csp_evaluator's finding types (finding.ts `Type`). */
export const CSP = {
  MISSING_SEMICOLON: 100,
  UNKNOWN_DIRECTIVE: 101,
  INVALID_KEYWORD: 102,
  NONCE_CHARSET: 106,
  MISSING_DIRECTIVES: 300,
  SCRIPT_UNSAFE_INLINE: 301,
  SCRIPT_UNSAFE_EVAL: 302,
  PLAIN_URL_SCHEMES: 303,
  PLAIN_WILDCARD: 304,
  SCRIPT_ALLOWLIST_BYPASS: 305,
  OBJECT_ALLOWLIST_BYPASS: 306,
  NONCE_LENGTH: 307,
  IP_SOURCE: 308,
  DEPRECATED_DIRECTIVE: 309,
  SRC_HTTP: 310,
  WILDCARD_URL: 313,
} as const;
/** csp_evaluator's severities. */
export const CSP_SEVERITY = { HIGH: 10, SYNTAX: 20, MEDIUM: 30, HIGH_MAYBE: 40, MEDIUM_MAYBE: 50, INFO: 60 } as const;
