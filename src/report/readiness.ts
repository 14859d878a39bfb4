/**
 * The readiness part of a report (`honban check`): the verdict and the seed-004 style checklist
 * table (priority, item, status, owner, date), shared by the pretty, Markdown and HTML reporters.
 */
import type { ItemStatus, Lang, Readiness, ReadinessItem, Report, Verdict } from '../contracts/types.js';

export const RT = {
  en: {
    title: 'Go-live verdict',
    verdict: { ready: 'READY', 'ready-with-waivers': 'READY WITH WAIVERS', 'not-ready': 'NOT READY' } as Record<Verdict, string>,
    verdictWord: { ready: 'ready', 'ready-with-waivers': 'ready with waivers', 'not-ready': 'not ready' } as Record<Verdict, string>,
    status: {
      todo: 'todo',
      done: 'done',
      deferred: 'deferred',
      skipped: 'skipped',
      'not-applicable': 'n/a',
      passed: 'passed',
      failed: 'failed',
      waived: 'waived',
      'not-run': 'not run',
      stale: 'stale',
      expired: 'expired',
    } as Record<ItemStatus, string>,
    cols: ['Priority', 'Item', 'Status', 'Owner', 'Date'],
    checklist: 'Checklist',
    noChecklist: 'No checklist in honban.yml: honban check --init adds a starter one.',
    due: 'due',
    until: 'until',
    on: 'on',
    overdue: 'overdue',
    automated: 'automated',
    manual: 'manual',
    sources: 'Parts',
    ran: 'ran',
    skipped: 'not run',
    failed: 'could not run',
    stored: (id: number, where: string) => `stored as run #${id} in ${where}`,
    notStored: 'not stored (--no-history)',
    findings: 'Findings',
    exit1: 'Exit 1: not ready.',
    exit0: (v: Verdict) => `Exit 0: ${v === 'ready' ? 'ready' : 'ready with waivers'}.`,
    commit: 'commit',
    items: (open: number, total: number) => `${open} of ${total} checklist item${total === 1 ? '' : 's'} open`,
  },
  ja: {
    title: '本番移行の判定',
    verdict: { ready: '本番可', 'ready-with-waivers': '条件付きで本番可', 'not-ready': '本番不可' } as Record<Verdict, string>,
    verdictWord: { ready: '本番可', 'ready-with-waivers': '条件付きで本番可', 'not-ready': '本番不可' } as Record<Verdict, string>,
    status: {
      todo: '未対応',
      done: '対応完了',
      deferred: '延期',
      skipped: 'スキップ',
      'not-applicable': '対象外',
      passed: '合格',
      failed: '不合格',
      waived: '免除',
      'not-run': '未実行',
      stale: '要再確認',
      expired: '期限切れ',
    } as Record<ItemStatus, string>,
    cols: ['優先度', '項目', '状況', '担当', '日付'],
    checklist: 'チェックリスト',
    noChecklist: 'honban.yml にチェックリストがありません。honban check --init でひな形を追加できます。',
    due: '期限',
    until: 'まで',
    on: '確認',
    overdue: '期限超過',
    automated: '自動',
    manual: '手動',
    sources: '実行した検査',
    ran: '実行',
    skipped: '未実行',
    failed: '実行できず',
    stored: (id: number, where: string) => `実行 #${id} として ${where} に保存`,
    notStored: '保存なし (--no-history)',
    findings: '指摘',
    exit1: '終了コード 1: 本番不可。',
    exit0: (v: Verdict) => `終了コード 0: ${v === 'ready' ? '本番可' : '条件付きで本番可'}。`,
    commit: 'コミット',
    items: (open: number, total: number) => `チェックリスト ${total} 件中 ${open} 件が未完了`,
  },
};

export function rt(lang: Lang) {
  return RT[lang];
}

/** The status cell: the status, and the number of open findings of a failed automated item. */
export function statusText(item: ReadinessItem, lang: Lang): string {
  const s = RT[lang].status[item.status];
  return item.status === 'failed' && item.findings ? `${s} (${item.findings})` : s;
}

/** The date cell: when it was done (attested), until when it is deferred, or when it is due. */
export function dateText(item: ReadinessItem, lang: Lang): string {
  const t = RT[lang];
  if ((item.status === 'done' || item.status === 'stale') && item.attested) return `${item.attested.on}`;
  if (item.until && (item.state === 'waived' || item.status === 'not-applicable' || item.status === 'expired')) return lang === 'ja' ? `${item.until} ${t.until}` : `${t.until} ${item.until}`;
  if (item.due) return `${t.due} ${item.due}${item.overdue ? ` (${t.overdue})` : ''}`;
  return '';
}

/** Open P0 first, then open, waived, met; within each by priority, then checklist order. */
export function orderedItems(r: Readiness): ReadinessItem[] {
  const rank = { open: 0, waived: 1, met: 2 } as const;
  return r.items
    .map((it, i) => ({ it, i }))
    .sort((a, b) => rank[a.it.state] - rank[b.it.state] || a.it.priority.localeCompare(b.it.priority) || a.i - b.i)
    .map((x) => x.it);
}

export function readinessExitLine(report: Report): string | undefined {
  const r = report.readiness;
  if (!r) return undefined;
  const t = RT[report.lang];
  return r.verdict === 'not-ready' ? t.exit1 : t.exit0(r.verdict);
}

/** Waivers and deferrals: waived findings with an expiry, and deferred / skipped / n-a items with `until`. */
export interface Expiring {
  what: string;
  kind: 'finding' | 'item';
  until?: string;
  owner?: string;
  reason?: string;
  /** Days from the verdict to `until` (negative: expired). */
  days?: number;
}

export function waiversOf(report: Report): Expiring[] {
  const at = (report.readiness?.at ?? new Date().toISOString()).slice(0, 10);
  const days = (u?: string) => (u ? Math.round((Date.parse(`${u}T00:00:00Z`) - Date.parse(`${at}T00:00:00Z`)) / 86_400_000) : undefined);
  const out: Expiring[] = [];
  for (const i of report.readiness?.items ?? []) {
    if (i.kind !== 'manual') continue;
    if (i.status === 'deferred' || i.status === 'skipped' || i.status === 'not-applicable' || i.status === 'expired') {
      out.push({ what: `${i.id} — ${i.title}`, kind: 'item', until: i.until, owner: i.owner, reason: i.reason, days: days(i.until) });
    }
  }
  for (const f of report.findings) {
    if (f.status !== 'waived' && !(f.status === 'open' && f.statusReason?.startsWith('waiver expired'))) continue;
    out.push({ what: `${f.ruleId} — ${f.file}${f.line ? `:${f.line}` : ''}`, kind: 'finding', until: f.until, owner: f.owner, reason: f.statusReason, days: days(f.until) });
  }
  return out.sort((a, b) => (a.days ?? Infinity) - (b.days ?? Infinity));
}
