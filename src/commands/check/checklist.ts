/**
 * The go-live checklist of `honban check`: each item of honban.yml `checklist:` becomes a
 * ReadinessItem (automated items from the findings of their rules, manual items from their status,
 * attestation and dates), and the items plus the open findings give the verdict. Pure functions.
 */
import { ruleGlob } from '../../config/load.js';
import type { ChecklistItem } from '../../contracts/config.js';
import { failsAt } from '../../engine/report.js';
import type { FailOn, Finding, FindingSource, ItemState, Lang, ReadinessItem, Verdict } from '../../contracts/types.js';

export interface ChecklistInput {
  /** Findings of every part that ran (all statuses). */
  findings: readonly Finding[];
  /** Ids of the rules that ran and had something to judge (a rule without input proves nothing). */
  rulesRan: ReadonlySet<string>;
  /** Every rule honban knows, with the part that runs it (to say why an item's rules did not run). */
  ruleSources: ReadonlyMap<string, FindingSource>;
  /** Parts that did not run (probe without --url, host without --host-facts, env without env files). */
  notRun: ReadonlySet<FindingSource>;
  /** Parts asked for that could not run (the probe's site did not answer), with why. */
  failed?: ReadonlyMap<FindingSource, string>;
  /** Rules of a part that ran but could not judge (host facts not gathered), with the reason. */
  notChecked?: ReadonlyMap<string, string>;
  lang: Lang;
  /** YYYY-MM-DD (UTC), as for waivers. */
  today: string;
  /** Does a path evidence (relative to the checked directory) exist? */
  evidenceExists?: (relPath: string) => boolean;
}

const URL_RE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** `90d`, `12w`, `6m`, `1y` after a YYYY-MM-DD day, as YYYY-MM-DD. */
export function addPeriod(ymd: string, period: string): string | undefined {
  const m = /^([1-9]\d*)([dwmy])$/.exec(period);
  const d = new Date(`${ymd}T00:00:00Z`);
  if (!m || Number.isNaN(d.getTime())) return undefined;
  const n = Number(m[1]);
  if (m[2] === 'd') d.setUTCDate(d.getUTCDate() + n);
  else if (m[2] === 'w') d.setUTCDate(d.getUTCDate() + 7 * n);
  else if (m[2] === 'm') d.setUTCMonth(d.getUTCMonth() + n);
  else d.setUTCFullYear(d.getUTCFullYear() + n);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function itemTitle(title: ChecklistItem['title'], lang: Lang): string {
  if (typeof title === 'string') return title;
  return (lang === 'ja' ? title.ja : undefined) ?? title.en;
}

const NOTES = {
  en: {
    notRun: (parts: string) => `none of its rules ran (${parts})`,
    partHint: { probe: 'probe: give --url or probe.url', host: 'host: give --host-facts FILE', env: 'env: no env file or variables: schema', scan: 'scan' } as Record<FindingSource, string>,
    noRule: 'none of its rules had anything to judge (no matching file, variable, URL or host fact)',
    openFindings: (n: number) => `${n} open finding${n === 1 ? '' : 's'}`,
    waivedFindings: (n: number) => `${n} finding${n === 1 ? '' : 's'}, all waived`,
    stale: (on: string, every: string, since: string) => `attested on ${on}; re-attestation every ${every} was due on ${since}`,
    expired: (status: string, until: string) => `${status} until ${until}: open again`,
    noEvidence: (p: string) => `evidence ${p} not found`,
    overdue: (due: string) => `overdue since ${due}`,
  },
  ja: {
    notRun: (parts: string) => `対象のルールが実行されていません (${parts})`,
    partHint: { probe: 'probe: --url または probe.url を指定', host: 'host: --host-facts FILE を指定', env: 'env: env ファイルも variables: スキーマもありません', scan: 'scan' } as Record<FindingSource, string>,
    noRule: '対象のルールが判定するもの (ファイル・変数・URL・ホストの情報) がありません',
    openFindings: (n: number) => `未対応の指摘 ${n} 件`,
    waivedFindings: (n: number) => `指摘 ${n} 件 (すべて免除)`,
    stale: (on: string, every: string, since: string) => `${on} に確認済み。${every} ごとの再確認の期限 ${since} を過ぎています`,
    expired: (status: string, until: string) => `${status} の期限 ${until} を過ぎたため未対応に戻りました`,
    noEvidence: (p: string) => `エビデンス ${p} が見つかりません`,
    overdue: (due: string) => `期限 ${due} 超過`,
  },
};

/** Turns honban.yml `checklist:` into readiness items. */
export function evaluateChecklist(list: readonly ChecklistItem[], input: ChecklistInput): ReadinessItem[] {
  const n = NOTES[input.lang];
  return list.map((it) => {
    const base = {
      id: it.id,
      title: itemTitle(it.title, input.lang),
      priority: it.priority,
      ...(it.owner ? { owner: it.owner } : {}),
      ...(it.due ? { due: it.due } : {}),
    };
    let item: ReadinessItem;
    if (it.checks) {
      const matchers = it.checks.map(ruleGlob);
      const matches = (id: string) => matchers.some((m) => m(id));
      const ran = [...input.rulesRan].some(matches);
      const found = input.findings.filter((f) => matches(f.ruleId));
      const open = found.filter((f) => f.status === 'open').length;
      const accepted = found.filter((f) => f.status === 'waived' || f.status === 'baseline').length;
      const common = { ...base, kind: 'automated' as const, checks: [...it.checks], findings: open };
      if (open) item = { ...common, status: 'failed', state: 'open', note: n.openFindings(open) };
      else if (!ran) {
        const parts = new Set<FindingSource>();
        const down = new Set<FindingSource>();
        for (const [id, src] of input.ruleSources) {
          if (!matches(id)) continue;
          if (input.failed?.has(src)) down.add(src);
          else if (input.notRun.has(src)) parts.add(src);
        }
        const unchecked = [...(input.notChecked ?? [])].filter(([id]) => matches(id)).map(([id, why]) => `${id}: ${why}`);
        const hints = [...[...down].map((p) => `${p}: ${input.failed!.get(p)}`), ...[...parts].map((p) => n.partHint[p]), ...unchecked];
        item = { ...common, status: 'not-run', state: 'open', note: hints.length ? n.notRun(hints.join('; ')) : n.noRule };
      } else if (accepted) item = { ...common, status: 'waived', state: 'waived', note: n.waivedFindings(accepted) };
      else item = { ...common, status: 'passed', state: 'met' };
    } else {
      const status = it.status ?? 'todo';
      const manual = {
        ...base,
        kind: 'manual' as const,
        findings: 0,
        ...(it.reason ? { reason: it.reason } : {}),
        ...(it.until ? { until: it.until } : {}),
        ...(it.evidence ? { evidence: it.evidence } : {}),
        ...(it.attested ? { attested: { by: it.attested.by, on: it.attested.on } } : {}),
      };
      if (status === 'todo') item = { ...manual, status, state: 'open' };
      else if (status === 'done') {
        const staleOn = it.reattest && it.attested ? addPeriod(it.attested.on, it.reattest) : undefined;
        if (it.evidence && !URL_RE.test(it.evidence) && input.evidenceExists && !input.evidenceExists(it.evidence)) {
          item = { ...manual, status, state: 'open', note: n.noEvidence(it.evidence) };
        } else if (staleOn && staleOn < input.today) {
          item = { ...manual, status: 'stale', state: 'open', note: n.stale(it.attested!.on, it.reattest!, staleOn) };
        } else item = { ...manual, status, state: 'met' };
      } else if (it.until && it.until < input.today) {
        item = { ...manual, status: 'expired', state: 'open', note: n.expired(status, it.until) };
      } else item = { ...manual, status, state: status === 'not-applicable' ? 'met' : 'waived' };
    }
    if (item.state === 'open' && item.due && item.due < input.today) {
      item.overdue = true;
      item.note = item.note ? `${item.note}; ${n.overdue(item.due)}` : n.overdue(item.due);
    }
    return item;
  });
}

const VERDICT_TEXT = {
  en: {
    openP0: (ids: string[]) => `${ids.length} P0 item${ids.length === 1 ? '' : 's'} open: ${ids.join(', ')}`,
    failing: (n: number, failOn: FailOn) => `${n} open finding${n === 1 ? '' : 's'} at or above ${failOn}`,
    waivedP0: (ids: string[]) => `${ids.length} P0 item${ids.length === 1 ? '' : 's'} deferred or waived: ${ids.join(', ')}`,
    waivedFindings: (n: number, failOn: FailOn) => `${n} finding${n === 1 ? '' : 's'} at or above ${failOn} waived or in the baseline`,
    clean: (failOn: FailOn) => (failOn === 'none' ? 'no P0 item open' : `no P0 item open, no open finding at or above ${failOn}`),
    failed: (part: string, why: string) => `${part} could not run: ${why}`,
  },
  ja: {
    openP0: (ids: string[]) => `P0 の項目 ${ids.length} 件が未完了: ${ids.join(', ')}`,
    failing: (n: number, failOn: FailOn) => `重大度 ${failOn} 以上の未対応の指摘 ${n} 件`,
    waivedP0: (ids: string[]) => `P0 の項目 ${ids.length} 件が延期または免除: ${ids.join(', ')}`,
    waivedFindings: (n: number, failOn: FailOn) => `重大度 ${failOn} 以上の指摘 ${n} 件が免除またはベースライン`,
    clean: (failOn: FailOn) => (failOn === 'none' ? '未完了の P0 項目はありません' : `未完了の P0 項目も、重大度 ${failOn} 以上の未対応の指摘もありません`),
    failed: (part: string, why: string) => `${part} を実行できませんでした: ${why}`,
  },
};

/**
 * `not-ready` when a P0 item is open, an open finding is at or above --fail-on, or a part asked
 * for could not run (`failed`: nothing it checks can be vouched for);
 * `ready-with-waivers` when only waived / deferred things (P0 items, findings at or above
 * --fail-on that are waived or in the baseline) stand between; else `ready`.
 */
export function decideVerdict(
  items: readonly ReadinessItem[],
  findings: readonly Finding[],
  failOn: FailOn,
  lang: Lang,
  failed: ReadonlyMap<FindingSource, string> = new Map(),
): { verdict: Verdict; reasons: string[] } {
  const t = VERDICT_TEXT[lang];
  const p0 = (state: ItemState) => items.filter((i) => i.priority === 'P0' && i.state === state).map((i) => i.id);
  const openP0 = p0('open');
  const failing = findings.filter((f) => f.status === 'open' && failsAt(f.severity, failOn)).length;
  if (openP0.length || failing || failed.size) {
    const reasons: string[] = [...[...failed].map(([part, why]) => t.failed(part, why))];
    if (openP0.length) reasons.push(t.openP0(openP0));
    if (failing) reasons.push(t.failing(failing, failOn));
    return { verdict: 'not-ready', reasons };
  }
  const waivedP0 = p0('waived');
  const accepted = findings.filter((f) => (f.status === 'waived' || f.status === 'baseline') && failsAt(f.severity, failOn)).length;
  if (waivedP0.length || accepted) {
    const reasons: string[] = [];
    if (waivedP0.length) reasons.push(t.waivedP0(waivedP0));
    if (accepted) reasons.push(t.waivedFindings(accepted, failOn));
    return { verdict: 'ready-with-waivers', reasons };
  }
  return { verdict: 'ready', reasons: [t.clean(failOn)] };
}
