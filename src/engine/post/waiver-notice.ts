import { fingerprintOf } from '../../lib/fingerprint.js';
import type { RawFinding, Severity } from '../../contracts/types.js';
import { plural } from '../../lib/i18n.js';
import type { ExpiringWaiver } from './waive.js';

export const WAIVER_EXPIRING = 'honban/waiver-expiring';

export interface WaiverNotice {
  /** The config file as findings name it (relative to the report root when inside it). */
  file: string;
  /** Line and column of each waiver in the file (by index), when known. */
  positions?: readonly ({ line: number; column: number } | undefined)[];
  severity: Severity;
  fix: RawFinding['fix'];
}

/** One finding per waiver in use that expires soon, at the waiver in honban.yml. */
export function waiverNotices(expiring: readonly ExpiringWaiver[], notice: WaiverNotice): RawFinding[] {
  return expiring.map(({ index, waiver: w, daysLeft, count }) => {
    const pos = notice.positions?.[index];
    const scope = [w.path ? `path ${w.path}` : '', w.owner ? `owner ${w.owner}` : ''].filter(Boolean).join(', ');
    const scopeJa = [w.path ? `パス ${w.path}` : '', w.owner ? `担当 ${w.owner}` : ''].filter(Boolean).join('、');
    const when = daysLeft === 0 ? 'today' : daysLeft === 1 ? 'tomorrow' : `in ${daysLeft} days`;
    const whenJa = daysLeft === 0 ? '今日' : `あと ${daysLeft} 日`;
    return {
      ruleId: WAIVER_EXPIRING,
      severity: notice.severity,
      message: {
        en: `The waiver of ${w.rule}${scope ? ` (${scope})` : ''} ends on ${w.until}, ${when}: ${plural(count, 'finding')} it waives will be open again`,
        ja: `${w.rule} の免除${scopeJa ? ` (${scopeJa})` : ''} は ${w.until} (${whenJa}) に期限が切れ、免除している指摘 ${count} 件が再び未対応になります`,
      },
      file: notice.file,
      ...(pos ? { line: pos.line, column: pos.column } : {}),
      fix: notice.fix,
      owner: w.owner,
      until: w.until,
      status: 'open',
      fingerprint: fingerprintOf(WAIVER_EXPIRING, notice.file, `${w.rule} ${w.path ?? ''} ${w.until}`),
    };
  });
}
