import { fingerprintOf } from '../../lib/fingerprint.js';
import { isRulePattern, ruleIdMatches } from '../../lib/rule-glob.js';
import { canonicalRuleId } from '../../lib/rule-aliases.js';
import type { EnvName, RawFinding, Rule } from '../../contracts/types.js';
import type { DirectiveUse } from './suppress.js';

export const UNKNOWN_RULE_IN_IGNORE = 'honban/unknown-rule-in-ignore';
export const UNUSED_IGNORE = 'honban/unused-ignore';

export interface DirectiveCheck {
  /** Every rule id honban knows (built-in, plugins, aliases): a directive naming another is a typo. */
  known: ReadonlySet<string>;
  /** The rules of this run. */
  ran: readonly Pick<Rule, 'id' | 'scope' | 'severity' | 'fix'>[];
  /** Does a rule of scope `target` judge a file of environment `env` in this run? */
  judges: (env: EnvName) => boolean;
  /** A file's environment (absent when unknown: then only scope-`all` rules count as judging it). */
  environmentOf: (file: string) => EnvName | undefined;
  /** Severities from honban.yml `rules:`. */
  severities?: Record<string, RawFinding['severity']>;
}

/**
 * ESLint's reportUnusedDisableDirectives for honban-ignore: a directive naming an id no rule has
 * (a typo suppresses nothing, silently), and a directive for a rule that ran on this file in this
 * run and found nothing there to suppress. A rule that did not run (another command, another target
 * environment, turned off) or does not judge this file's environment proves nothing, so is silent.
 * Prose (`text` files such as READMEs quoting a directive) is not judged.
 */
export function directiveFindings(uses: readonly DirectiveUse[], check: DirectiveCheck, lineOf: (file: string, line: number) => string | undefined): RawFinding[] {
  const out: RawFinding[] = [];
  const ran = new Map(check.ran.map((r) => [r.id, r]));
  const make = (ruleId: string, u: DirectiveUse, message: RawFinding['message'], fix: RawFinding['fix'], key: string): RawFinding | undefined => {
    const rule = ran.get(ruleId);
    if (!rule) return undefined; // turned off in honban.yml, or another command
    return {
      ruleId,
      severity: check.severities?.[ruleId] ?? rule.severity,
      message,
      file: u.file,
      line: u.directive.line,
      column: u.directive.column,
      fix,
      status: 'open',
      fingerprint: fingerprintOf(ruleId, u.file, `${key} ${lineOf(u.file, u.directive.line) ?? ''}`),
    };
  };
  for (const u of uses) {
    if (u.kind === 'text') continue;
    const env = check.environmentOf(u.file);
    for (const pattern of u.directive.rules) {
      const known = isRulePattern(pattern) ? [...check.known].some((id) => ruleIdMatches(pattern, id)) : check.known.has(canonicalRuleId(pattern));
      if (!known) {
        const f = make(
          UNKNOWN_RULE_IN_IGNORE,
          u,
          {
            en: `honban-ignore names "${pattern}", which is no rule id: it suppresses nothing`,
            ja: `honban-ignore の "${pattern}" はどのルールの ID でもありません。何も抑制しません`,
          },
          {
            en: `Correct the id (\`honban rules\` lists every id; e.g. \`docker/root-user\`, or \`tf-aws/*\` for a domain), or remove "${pattern}".`,
            ja: `ID を直すか ("${pattern}" を削除します)。ID は \`honban rules\` で一覧できます (例: \`docker/root-user\`、ドメイン全体なら \`tf-aws/*\`)。`,
          },
          pattern,
        );
        if (f) out.push(f);
        continue;
      }
      if (!u.directive.reason || u.used.has(pattern)) continue;
      // Only a rule of this run that judges this file can show the directive is unused.
      const judging = check.ran.filter((r) => ruleIdMatches(pattern, r.id) && (r.scope === 'all' || (env !== undefined && check.judges(env))));
      if (!judging.length) continue;
      const f = make(
        UNUSED_IGNORE,
        u,
        {
          en: `honban-ignore ${pattern} suppresses nothing here: ${judging.length === 1 ? 'the rule' : 'no rule it names'} found nothing on this line or the next`,
          ja: `honban-ignore ${pattern} はここで何も抑制していません: この行と次の行に${judging.length === 1 ? 'このルールの' : '該当するルールの'}指摘がありません`,
        },
        {
          en: `Remove the directive (or "${pattern}" from it): the problem it was written for is gone, or the directive is on the wrong line (it covers its own line and the next).`,
          ja: `この抑制コメント (またはその中の "${pattern}") を削除します。対象の問題がなくなったか、コメントの位置が違います (コメントの行と次の行だけが対象です)。`,
        },
        pattern,
      );
      if (f) out.push(f);
    }
  }
  return out;
}
