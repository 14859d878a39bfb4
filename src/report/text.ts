import type { FailOn, FindingStatus, Lang, Report, ReportError, Severity, Skipped, SkipReason } from '../contracts/types.js';
import { detailText } from '../lib/read.js';
import { escapeControl } from './escape.js';

export type ScannedKind = 'files' | 'variables' | 'checks';
const SINGULAR: Record<ScannedKind, string> = { files: 'file', variables: 'variable', checks: 'check' };

/** Interface strings of the reporters, in both languages. */
export const T: { en: Texts; ja: Texts } = {
  en: {
    severity: { critical: 'critical', high: 'high', medium: 'medium', low: 'low', info: 'info' } as Record<Severity, string>,
    fix: 'fix',
    noFindings: 'No open findings.',
    open: (n: number) => `${n} open finding${n === 1 ? '' : 's'}`,
    suppressed: (n: number) => `${n} suppressed`,
    waived: (n: number) => `${n} waived`,
    baseline: (n: number) => `${n} in baseline`,
    scanned: (n: number, what: ScannedKind) => `${n} ${n === 1 ? SINGULAR[what] : what} checked`,
    errors: (n: number) => `${n} error${n === 1 ? '' : 's'}`,
    exit1: (failOn: FailOn) => `Exit 1: open findings at or above "${failOn}" (--fail-on ${failOn}).`,
    exit0: (failOn: FailOn) => (failOn === 'none' ? 'Exit 0: --fail-on none.' : `Exit 0: no open finding at or above "${failOn}".`),
    exit2: 'Exit 2: the target could not be checked (see the findings above).',
    env: 'environment',
    problems: 'Problems while scanning',
    waivedBy: 'waived',
    suppressedBy: 'suppressed',
    baselineBy: 'in baseline',
    owner: 'owner',
    until: 'until',
    mdTitle: 'honban report',
    mdCols: ['Severity', 'Rule', 'Location', 'Finding', 'Fix'],
    mdHidden: (n: number) => `${n} more not shown`,
    files: 'files',
    variables: 'variables',
    checks: 'checks',
    /** Label of the fix in JUnit failures and SARIF help. */
    fixLabel: 'Fix',
    documentation: 'Documentation',
    status: { open: 'open', suppressed: 'suppressed', waived: 'waived', baseline: 'in baseline' } as Record<FindingStatus, string>,
    reason: 'reason',
    errorKind: { parse: 'parse error', rule: 'rule failed', read: 'unreadable', config: 'configuration', collector: 'collector failed' } as Record<ReportError['kind'], string>,
    errorsSuite: 'honban: problems while checking',
    notCheckedSuite: 'honban: not checked here',
    sarifRoot: 'The repository root',
    notReadLabel: 'Not read',
    notRead: (n: number) => `Not read (${n})`,
    notReadCount: (n: number) => `${n} not read`,
    reasons: {
      unreadable: 'unreadable',
      'too-large': 'too large',
      binary: 'binary',
      encoding: 'undecodable text',
      symlink: 'symbolic link not followed',
      'special-file': 'not a regular file',
    } as Record<SkipReason, string>,
  },
  ja: {
    severity: { critical: '緊急', high: '高', medium: '中', low: '低', info: '情報' } as Record<Severity, string>,
    fix: '対処',
    noFindings: '未対応の指摘はありません。',
    open: (n: number) => `未対応の指摘 ${n} 件`,
    suppressed: (n: number) => `抑制 ${n} 件`,
    waived: (n: number) => `免除 ${n} 件`,
    baseline: (n: number) => `ベースライン ${n} 件`,
    scanned: (n: number, what: ScannedKind) => `${T.ja[what]} ${n} 件を確認`,
    errors: (n: number) => `エラー ${n} 件`,
    exit1: (failOn: FailOn) => `終了コード 1: 重大度「${failOn}」以上の未対応の指摘があります (--fail-on ${failOn})。`,
    exit0: (failOn: FailOn) => (failOn === 'none' ? '終了コード 0: --fail-on none。' : `終了コード 0: 重大度「${failOn}」以上の未対応の指摘はありません。`),
    exit2: '終了コード 2: 対象を検査できませんでした (上の指摘を参照)。',
    env: '環境',
    problems: 'スキャン中の問題',
    waivedBy: '免除',
    suppressedBy: '抑制',
    baselineBy: 'ベースライン',
    owner: '担当',
    until: '期限',
    mdTitle: 'honban レポート',
    mdCols: ['重大度', 'ルール', '場所', '指摘', '対処'],
    mdHidden: (n: number) => `ほか ${n} 件は省略`,
    files: 'ファイル',
    variables: '変数',
    checks: 'チェック',
    fixLabel: '対処',
    documentation: 'ドキュメント',
    status: { open: '未対応', suppressed: '抑制', waived: '免除', baseline: 'ベースライン' } as Record<FindingStatus, string>,
    reason: '理由',
    errorKind: { parse: '構文エラー', rule: 'ルールの失敗', read: '読み取り不可', config: '設定', collector: '収集の失敗' } as Record<ReportError['kind'], string>,
    errorsSuite: 'honban: 検査中の問題',
    notCheckedSuite: 'honban: ここでは検査できなかった項目',
    sarifRoot: 'リポジトリのルート',
    notReadLabel: '読まなかったファイル',
    notRead: (n: number) => `読まなかったファイル (${n} 件)`,
    notReadCount: (n: number) => `未読 ${n} 件`,
    reasons: {
      unreadable: '読み取り不可',
      'too-large': '大きすぎる',
      binary: 'バイナリ',
      encoding: '文字コードを解釈できない',
      symlink: 'たどらないシンボリックリンク',
      'special-file': '通常のファイルではない',
    } as Record<SkipReason, string>,
  },
};

export function t(lang: Lang) {
  return T[lang];
}

export function summaryLine(report: Report): string {
  const s = t(report.lang);
  const open = report.statusCounts.open;
  const parts: string[] = [];
  if (open === 0) parts.push(s.noFindings.replace(/\.$|。$/, ''));
  else {
    const bySev = (Object.keys(report.summary) as Severity[]).filter((k) => report.summary[k] > 0).map((k) => `${report.summary[k]} ${s.severity[k]}`);
    parts.push(`${s.open(open)} (${bySev.join(', ')})`);
  }
  if (report.statusCounts.suppressed) parts.push(s.suppressed(report.statusCounts.suppressed));
  if (report.statusCounts.waived) parts.push(s.waived(report.statusCounts.waived));
  if (report.statusCounts.baseline) parts.push(s.baseline(report.statusCounts.baseline));
  if (report.errors.length) parts.push(s.errors(report.errors.length));
  if (report.skipped?.length) parts.push(s.notReadCount(report.skipped.length));
  return parts.join(' · ');
}

/** `too large (2.0 MiB (limit 1.0 MiB))`: the reason of a skipped file in the report's language, escaped. */
export function skipReasonText(k: Skipped, lang: Lang): string {
  const reason = t(lang).reasons[k.reason] ?? k.reason;
  return escapeControl(k.detail ? `${reason} (${detailText(k.detail, lang)})` : reason);
}

export function exitLine(report: Report): string {
  const s = t(report.lang);
  if (report.exitCode === 2) return s.exit2;
  return report.exitCode === 1 ? s.exit1(report.failOn) : s.exit0(report.failOn);
}

type Texts = {
  severity: Record<Severity, string>;
  fix: string;
  noFindings: string;
  open: (n: number) => string;
  suppressed: (n: number) => string;
  waived: (n: number) => string;
  baseline: (n: number) => string;
  scanned: (n: number, what: ScannedKind) => string;
  errors: (n: number) => string;
  exit1: (failOn: FailOn) => string;
  exit0: (failOn: FailOn) => string;
  exit2: string;
  env: string;
  problems: string;
  waivedBy: string;
  suppressedBy: string;
  baselineBy: string;
  owner: string;
  until: string;
  mdTitle: string;
  mdCols: string[];
  mdHidden: (n: number) => string;
  files: string;
  variables: string;
  checks: string;
  fixLabel: string;
  documentation: string;
  status: Record<FindingStatus, string>;
  reason: string;
  errorKind: Record<ReportError['kind'], string>;
  errorsSuite: string;
  notCheckedSuite: string;
  sarifRoot: string;
  notReadLabel: string;
  notRead: (n: number) => string;
  notReadCount: (n: number) => string;
  reasons: Record<SkipReason, string>;
};

/** What `scanned` counts for a command. */
export function scannedKind(command: string): ScannedKind {
  return command === 'env' ? 'variables' : command === 'probe' ? 'checks' : 'files';
}
