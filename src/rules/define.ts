import { SEVERITIES, type FactName, type ReportInput, type Rule, type Severity } from '../contracts/types.js';
import type { TerraformFact } from '../facts/terraform/types.js';

/** Declares a rule: metadata + a pure check function over the facts it names. */
export function defineRule<N extends FactName>(rule: Rule<N>): Rule<N> {
  return rule;
}

const RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>;

/** Declares a Terraform rule that sees `view` of the facts (a provider's resources); findings about an example of a module are reported as such, at low at most. */
export function defineTerraformRule<N extends FactName>(rule: Rule<N>, view: (tf: readonly TerraformFact[]) => TerraformFact[]): Rule<N> {
  const check = rule.check;
  return {
    ...rule,
    check(facts, ctx) {
      const tf = (facts as unknown as { terraform?: TerraformFact[] }).terraform;
      if (!tf) return check(facts, ctx);
      const seen = view(tf);
      const exampleFiles = new Map<string, string>();
      for (const f of seen) if (f.example) exampleFiles.set(f.file, f.example);
      const report = (input: ReportInput & { example?: string }) => {
        const { example: marked, ...rest } = input;
        const example = marked ?? exampleFiles.get(rest.file);
        if (!example) return ctx.report(rest);
        const sev = rest.severity ?? rule.severity;
        ctx.report({
          ...rest,
          severity: RANK[sev] < RANK.low ? 'low' : sev,
          message: { en: `Example ${example}: ${rest.message.en}`, ja: `サンプル ${example}: ${rest.message.ja}` },
        });
      };
      return check({ ...facts, terraform: seen } as typeof facts, { ...ctx, environment: ctx.environment, judges: ctx.judges, options: ctx.options, report });
    },
  };
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
