import type { BaseFact, FactStore } from '../contracts/collector.js';
import { judges as judgesEnv } from '../lib/environment.js';
import { fingerprintOf } from '../lib/fingerprint.js';
import type { EnvName, RawFinding, ReportError, ReportInput, Rule, RuleContext, Severity } from '../contracts/types.js';

export interface EvaluateOptions {
  environment: EnvName;
  /** Per-rule severity overrides (honban.yml `rules:`). */
  severities?: Record<string, Severity>;
  /** Per-rule options (honban.yml `rules: {id: {options}}`). */
  options?: Record<string, Record<string, unknown>>;
  /** Source text of a file, for fingerprints (and suppressions later). */
  sourceOf?: (file: string) => string | undefined;
}

export interface EvaluateResult {
  findings: RawFinding[];
  errors: ReportError[];
  /** Rules that had something to judge (a fact of one of the kinds they declare). */
  judged: string[];
}

/** The rules' view of the facts: `scope: target` sees only facts the target environment inherits. */
function factsFor(rule: Rule, store: FactStore, environment: EnvName): Record<string, BaseFact[]> {
  const out: Record<string, BaseFact[]> = {};
  for (const name of rule.facts) {
    const all = store[name] ?? [];
    out[name] = rule.scope === 'all' ? all : all.filter((f) => f.environment === undefined || judgesEnv(environment, f.environment));
  }
  return out;
}

function lineOf(text: string | undefined, line: number | undefined): string | undefined {
  if (text === undefined || !line) return undefined;
  let start = 0;
  for (let i = 1; i < line; i++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return undefined;
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? undefined : end);
}

/** Runs each rule over its facts. A rule that throws becomes an error entry; the run goes on. */
export async function evaluate(rules: readonly Rule[], store: FactStore, opts: EvaluateOptions): Promise<EvaluateResult> {
  const findings: RawFinding[] = [];
  const errors: ReportError[] = [];
  const judged: string[] = [];
  for (const rule of rules) {
    const severity = opts.severities?.[rule.id] ?? rule.severity;
    const ctx: RuleContext = {
      environment: opts.environment,
      judges: (env: EnvName) => judgesEnv(opts.environment, env),
      options: opts.options?.[rule.id] ?? {},
      report(input: ReportInput) {
        const line = input.line;
        const content = input.fingerprint ?? lineOf(opts.sourceOf?.(input.file), line) ?? `${input.key ?? ''} ${input.message.en}`;
        findings.push({
          ruleId: rule.id,
          severity: input.severity && !opts.severities?.[rule.id] ? input.severity : severity,
          message: input.message,
          file: input.file,
          line: input.line,
          column: input.line ? (input.column ?? 1) : input.column,
          endLine: input.endLine,
          endColumn: input.endColumn,
          fix: input.fix ?? rule.fix,
          evidence: input.evidence,
          key: input.key,
          status: 'open',
          fingerprint: fingerprintOf(rule.id, input.file, content),
          secrets: input.secrets,
        });
      },
    };
    const facts = factsFor(rule, store, opts.environment);
    if (Object.values(facts).some((list) => list.length > 0)) judged.push(rule.id);
    try {
      await rule.check(facts as never, ctx);
    } catch (e) {
      errors.push({ kind: 'rule', ruleId: rule.id, message: `rule ${rule.id} failed: ${(e as Error)?.message ?? String(e)}` });
    }
  }
  return { findings, errors, judged };
}
