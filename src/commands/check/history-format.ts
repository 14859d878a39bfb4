/**
 * Output of `honban history` (the stored runs) and `honban history diff` (what changed between two
 * runs): pretty, JSON and Markdown, in English and Japanese.
 */
import type { Lang, RunSummary, Severity, Verdict } from '../../contracts/types.js';
import { escapeControl as ec, markdownText } from '../../report/escape.js';
import type { DiffEntry, RunDiff } from '../history/diff.js';

const SEVS: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
type Reason = RunDiff['unchecked'][number]['reason'];

const T = {
  en: {
    runsOf: (project: string, store: string) => `Runs of ${project} in ${store} (newest first)`,
    none: 'No stored run yet: honban check stores one each time it runs.',
    verdict: { ready: 'ready', 'ready-with-waivers': 'ready with waivers', 'not-ready': 'not ready' } as Record<Verdict, string>,
    sev: { critical: 'critical', high: 'high', medium: 'medium', low: 'low', info: 'info' } as Record<Severity, string>,
    noOpen: 'no open finding',
    items: (open: number, total: number) => `items ${open}/${total} open`,
    run: 'run',
    diffHead: (a: RunSummary, b: RunSummary) => `Run #${a.id} (${when(a)}) → run #${b.id} (${when(b)})`,
    newT: 'New',
    fixedT: 'Fixed',
    changedT: 'Changed',
    uncheckedT: (b: number) => `Not checked in run #${b} (neither fixed nor open)`,
    why: { 'not-run': 'its part did not run', failed: 'its part could not run (the site did not answer)', 'not-read': 'the file could not be parsed or read', 'rule-failed': 'the rule failed on this file' } as Record<Reason, string>,
    nothing: 'Nothing changed.',
    item: 'item',
    removed: 'removed from the checklist',
    added: 'added to the checklist',
    mdCols: ['', 'Kind', 'Rule / item', 'Where', 'What', 'Change'],
    cols: ['Run', 'When', 'Commit', 'Environment', 'Verdict', 'Open findings', 'Items open'],
  },
  ja: {
    runsOf: (project: string, store: string) => `${project} の実行履歴 (${store}、新しい順)`,
    none: '保存された実行はまだありません。honban check を実行するたびに保存されます。',
    verdict: { ready: '本番可', 'ready-with-waivers': '条件付きで本番可', 'not-ready': '本番不可' } as Record<Verdict, string>,
    sev: { critical: '緊急', high: '高', medium: '中', low: '低', info: '情報' } as Record<Severity, string>,
    noOpen: '未対応の指摘なし',
    items: (open: number, total: number) => `未完了の項目 ${open}/${total}`,
    run: '実行',
    diffHead: (a: RunSummary, b: RunSummary) => `実行 #${a.id} (${when(a)}) → 実行 #${b.id} (${when(b)})`,
    newT: '新規',
    fixedT: '解消',
    changedT: '変化',
    uncheckedT: (b: number) => `実行 #${b} で確認できなかった指摘 (解消とも未対応とも言えない)`,
    why: { 'not-run': 'その検査が実行されなかった', failed: 'その検査を実行できなかった (サイトが応答しなかった)', 'not-read': 'ファイルを解析・読み込みできなかった', 'rule-failed': 'このファイルでルールが失敗した' } as Record<Reason, string>,
    nothing: '変化はありません。',
    item: '項目',
    removed: 'チェックリストから削除',
    added: 'チェックリストに追加',
    mdCols: ['', '種類', 'ルール / 項目', '場所', '内容', '変化'],
    cols: ['実行', '日時', 'コミット', '環境', '判定', '未対応の指摘', '未完了の項目'],
  },
};

function when(r: RunSummary): string {
  return `${r.at.slice(0, 16).replace('T', ' ')}${r.commit ? ` ${r.commit.slice(0, 7)}` : ''}`;
}

function openLine(r: RunSummary, lang: Lang): string {
  const t = T[lang];
  const parts = SEVS.filter((s) => r.summary[s] > 0).map((s) => `${r.summary[s]} ${t.sev[s]}`);
  return parts.length ? parts.join(', ') : t.noOpen;
}

export interface HistoryList {
  project: string;
  store: string;
  runs: RunSummary[];
}

export function formatRunsJson(list: HistoryList): string {
  return JSON.stringify(list, null, 2) + '\n';
}

export function formatRunsPretty(list: HistoryList, lang: Lang): string {
  const t = T[lang];
  const out = [ec(t.runsOf(list.project, list.store))];
  if (!list.runs.length) return out.concat(t.none).join('\n') + '\n';
  for (const r of list.runs) {
    const items = r.checklist ? ` · ${t.items(r.checklist.open, r.checklist.total)}` : '';
    out.push(`  #${String(r.id).padEnd(5)} ${r.at.slice(0, 16).replace('T', ' ')}  ${(r.commit ?? '').slice(0, 7).padEnd(7)}  ${ec(r.branch ?? '').padEnd(12)} ${ec(r.environment).padEnd(11)} ${t.verdict[r.verdict].padEnd(18)} ${openLine(r, lang)}${items}`);
  }
  return out.join('\n') + '\n';
}

const cell = (s: string) => markdownText(s).replace(/\r?\n/g, ' ');

export function formatRunsMarkdown(list: HistoryList, lang: Lang): string {
  const t = T[lang];
  const out = [`### ${cell(t.runsOf(list.project, list.store))}`, ''];
  if (!list.runs.length) return out.concat(t.none, '').join('\n');
  out.push(`| ${t.cols.join(' | ')} |`, `|${t.cols.map(() => '---').join('|')}|`);
  for (const r of list.runs) {
    out.push(`| #${r.id} | ${r.at.slice(0, 16).replace('T', ' ')} | ${cell((r.commit ?? '').slice(0, 7))} | ${cell(r.environment)} | ${t.verdict[r.verdict]} | ${openLine(r, lang)} | ${r.checklist ? `${r.checklist.open}/${r.checklist.total}` : ''} |`);
  }
  return out.join('\n') + '\n';
}

export function formatDiffJson(d: RunDiff): string {
  return JSON.stringify(d, null, 2) + '\n';
}

function describe(e: DiffEntry, lang: Lang): { kind: string; id: string; where: string; what: string; change: string } {
  const t = T[lang];
  if (e.type === 'finding') {
    const change = e.from ? `${e.from.status}/${e.from.severity} → ${e.status}/${e.severity}` : `${e.status}/${e.severity}`;
    return { kind: t.sev[e.severity], id: ec(e.ruleId), where: ec(e.line ? `${e.file}:${e.line}` : e.file), what: ec(e.message), change };
  }
  const change = e.from === null ? `${t.added}: ${e.status}` : e.from ? `${e.from.status} → ${e.status}` : e.status;
  return { kind: `${t.item} ${e.priority}`, id: ec(e.id), where: '', what: ec(e.title), change: ec(change) };
}

export function formatDiffPretty(d: RunDiff, lang: Lang): string {
  const t = T[lang];
  const out = [t.diffHead(d.from, d.to), `  ${t.verdict[d.from.verdict]} → ${t.verdict[d.to.verdict]}`];
  const section = (title: string, mark: string, list: DiffEntry[]) => {
    if (!list.length) return;
    out.push('', `${title} (${list.length}):`);
    for (const e of list) {
      const x = describe(e, lang);
      out.push(`  ${mark} ${x.kind.padEnd(9)} ${x.id}${x.where ? `  ${x.where}` : ''}  ${x.what}${e.type === 'item' || (e.type === 'finding' && e.from) ? `  [${x.change}]` : ''}`);
    }
  };
  section(t.newT, '+', d.new);
  section(t.fixedT, '-', d.fixed);
  section(t.changedT, '~', d.changed);
  if (d.unchecked.length) {
    out.push('', `${t.uncheckedT(d.to.id)} (${d.unchecked.length}):`);
    for (const e of d.unchecked) {
      const x = describe(e, lang);
      out.push(`  ? ${x.kind.padEnd(9)} ${x.id}${x.where ? `  ${x.where}` : ''}  ${x.what}  [${t.why[e.reason]}]`);
    }
  }
  if (!d.new.length && !d.fixed.length && !d.changed.length && !d.unchecked.length) out.push('', t.nothing);
  return out.join('\n') + '\n';
}

export function formatDiffMarkdown(d: RunDiff, lang: Lang): string {
  const t = T[lang];
  const out = [`### ${cell(t.diffHead(d.from, d.to))}`, '', `**${t.verdict[d.from.verdict]} → ${t.verdict[d.to.verdict]}**`, ''];
  const rows: string[] = [];
  const add = (mark: string, list: DiffEntry[]) => {
    for (const e of list) {
      const x = describe(e, lang);
      rows.push(`| ${mark} | ${cell(x.kind)} | \`${cell(x.id)}\` | ${x.where ? `\`${cell(x.where)}\`` : ''} | ${cell(x.what)} | ${cell(x.change)} |`);
    }
  };
  add(t.newT, d.new);
  add(t.fixedT, d.fixed);
  add(t.changedT, d.changed);
  for (const e of d.unchecked) {
    const x = describe(e, lang);
    rows.push(`| ? | ${cell(x.kind)} | \`${cell(x.id)}\` | ${x.where ? `\`${cell(x.where)}\`` : ''} | ${cell(x.what)} | ${cell(t.why[e.reason])} |`);
  }
  if (!rows.length) return out.concat(t.nothing, '').join('\n');
  out.push(`| ${t.mdCols.join(' | ')} |`, `|${t.mdCols.map(() => '---').join('|')}|`, ...rows, '');
  return out.join('\n');
}
