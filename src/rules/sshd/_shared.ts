/** Shared judgement of sshd_config keywords (not a rule). */
import type { SshdConfig, SshdDirective } from '../../facts/sshd.js';
import type { Localized, RuleContext, Severity } from '../../contracts/types.js';

export interface KeywordCheck {
  /** Keyword as documented (`PasswordAuthentication`). */
  keyword: string;
  /** Is this value unsafe? */
  bad: (value: string) => boolean;
  /** OpenSSH's default is unsafe: an unset keyword in a main sshd_config is a finding too. */
  unsafeDefault?: string;
  severity: Severity;
  /** Message for an unsafe value (`where` names the scope). */
  message: (d: SshdDirective, where: Localized) => Localized;
  unsetMessage?: (externalIncludes: string[]) => Localized;
}

/**
 * Reports the unsafe settings of one keyword: the value sshd uses globally (the first one it
 * obtains), unsafe values inside Match blocks (they apply only to matching connections: one
 * severity lower, unless `Match all`), and an unset keyword whose default is unsafe.
 */
export function judgeKeyword(cfg: SshdConfig, check: KeywordCheck, ctx: RuleContext): void {
  const key = check.keyword.toLowerCase();
  const lower: Record<Severity, Severity> = { critical: 'high', high: 'medium', medium: 'low', low: 'low', info: 'info' };
  const global = cfg.directives.find((d) => d.key === key && (!d.match || d.match.all));
  const report = (d: SshdDirective, severity: Severity, where: Localized) =>
    ctx.report({ file: d.file, line: d.line, column: d.column, severity, message: check.message(d, where), evidence: `${d.keyword} ${d.value}` });
  if (global && check.bad(global.value)) {
    report(global, check.severity, global.match ? { en: 'for every connection (Match all)', ja: 'すべての接続に対して (Match all)' } : { en: 'globally', ja: '全体で' });
    return;
  }
  // Inside Match blocks: the first value in each block (sshd uses the first one it obtains).
  const seen = new Set<SshdDirective['match']>();
  for (const d of cfg.directives) {
    if (d.key !== key || !d.match || d.match.all || seen.has(d.match)) continue;
    seen.add(d.match);
    if (check.bad(d.value)) report(d, lower[check.severity], { en: `for connections matching "Match ${d.match.criteria}" (line ${d.match.line})`, ja: `「Match ${d.match.criteria}」(${d.match.line} 行目) に一致する接続に対して` });
  }
  if (!global && check.unsafeDefault !== undefined && !cfg.dropIn && check.unsetMessage) {
    const external = cfg.includes.filter((i) => i.external);
    const anchor = external[0] ?? { file: cfg.file, line: 1, column: 1 };
    ctx.report({ file: anchor.file, line: anchor.line, column: anchor.column, severity: external.length ? 'low' : lower[check.severity], message: check.unsetMessage(external.map((i) => i.pattern)) });
  }
}
