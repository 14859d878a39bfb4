/**
 * `honban diff --from A --to B`: one row per key — same, changed, only-from, only-to. Values are
 * shown only for non-secrets (URL passwords masked); secrets are compared in memory and reported as
 * same / changed only. Also compares the `*.tfvars` of the two environments when present.
 */
import type { HonbanConfig } from '../../contracts/config.js';
import type { EnvName, Lang } from '../../contracts/types.js';
import { SecretMasker } from '../../engine/post/mask.js';
import { crashTestWithData } from '../../contracts/errors.js';
import { VERSION } from '../../contracts/version.js';
import type { RepoView } from '../../collect/env/fs.js';
import { displayValue } from '../../lib/redact.js';
import { resolveEnvironment, type Resolution } from '../../collect/env/resolve.js';
import { findTfvars, tfvarsOf, type TfvarsSide } from '../../collect/env/tfvars.js';
import type { EnvVarFact } from '../../facts/env.js';
import { terraformSide, type TfResourceSide, type TfSideSpec } from './tfresources.js';

export type DiffStatus = 'same' | 'changed' | 'only-from' | 'only-to';

export interface DiffSide {
  source: string;
  line?: number;
  /** Non-secrets only. */
  value?: string;
}

export interface DiffRow {
  key: string;
  status: DiffStatus;
  secret: boolean;
  from?: DiffSide;
  to?: DiffSide;
}

export interface DiffSummary {
  same: number;
  changed: number;
  onlyFrom: number;
  onlyTo: number;
}

export interface DiffResult {
  schemaVersion: 1;
  tool: { name: 'honban'; version: string };
  /** Environment names, or the Terraform roots / tfvars files compared. */
  from: EnvName;
  to: EnvName;
  /** `environments` (env files, tfvars and Terraform resources of two environments) or `terraform` (two roots or tfvars files). */
  mode?: 'environments' | 'terraform';
  /** Sources of each side, lowest precedence first. */
  sources: { from: string[]; to: string[] };
  rows: DiffRow[];
  summary: DiffSummary;
  /** `*.tfvars` comparison, when either environment has tfvars. */
  tfvars?: { files: { from: string[]; to: string[] }; rows: DiffRow[]; summary: DiffSummary };
  /** Terraform resources, attribute by attribute (seed 004's production vs new environment table), when either side has some. */
  resources?: { roots: { from: string[]; to: string[] }; rows: DiffRow[]; summary: DiffSummary };
  errors: { file?: string; line?: number; message: string }[];
}

export interface DiffOptions {
  view: RepoView;
  from: EnvName;
  to: EnvName;
  config: HonbanConfig;
  /** What the sides are when not both environments (Terraform roots or tfvars files). */
  fromSide?: TfSideSpec;
  toSide?: TfSideSpec;
}

function summarize(rows: DiffRow[]): DiffSummary {
  return {
    same: rows.filter((r) => r.status === 'same').length,
    changed: rows.filter((r) => r.status === 'changed').length,
    onlyFrom: rows.filter((r) => r.status === 'only-from').length,
    onlyTo: rows.filter((r) => r.status === 'only-to').length,
  };
}

/** What is compared: the resolved value, or the text as written when a reference did not resolve. */
function comparable(v: EnvVarFact): string {
  return v.unresolved.length ? `raw\0${v.raw}` : `value\0${v.value}`;
}

function side(v: EnvVarFact, secret: boolean): DiffSide {
  return { source: v.file, ...(v.line ? { line: v.line } : {}), ...(secret ? {} : { value: displayValue(v.unresolved.length ? v.raw : v.value, 10_000) }) };
}

/** Compares two environments; returns the result and a masker holding every secret seen. */
export async function diffEnvironments(opts: DiffOptions): Promise<{ result: DiffResult; masker: SecretMasker; resolutions: Resolution[] }> {
  const fromSide = opts.fromSide ?? { kind: 'env', env: opts.from };
  const toSide = opts.toSide ?? { kind: 'env', env: opts.to };
  if (fromSide.kind !== 'env' || toSide.kind !== 'env') {
    // Two Terraform roots or tfvars files: their resources only.
    const masker = new SecretMasker();
    const result: DiffResult = { schemaVersion: 1, tool: { name: 'honban', version: VERSION }, from: opts.from, to: opts.to, mode: 'terraform', sources: { from: [], to: [] }, rows: [], summary: summarize([]), errors: [] };
    await addResources(result, masker, opts, fromSide, toSide);
    return { result: masker.maskDeep(result), masker, resolutions: [] };
  }
  const a = resolveEnvironment({ view: opts.view, environment: opts.from, config: opts.config, compareOthers: false });
  const b = resolveEnvironment({ view: opts.view, environment: opts.to, config: opts.config, compareOthers: false });
  const masker = new SecretMasker();
  masker.add(a.secrets);
  masker.add(b.secrets);
  const rows: DiffRow[] = [];
  const keys = [...new Set([...a.vars.keys(), ...b.vars.keys()])].sort();
  for (const key of keys) {
    const va = a.vars.get(key);
    const vb = b.vars.get(key);
    const secret = !!(va?.secret || vb?.secret);
    const status: DiffStatus = !va ? 'only-to' : !vb ? 'only-from' : comparable(va) === comparable(vb) ? 'same' : 'changed';
    rows.push({ key, status, secret, ...(va ? { from: side(va, secret) } : {}), ...(vb ? { to: side(vb, secret) } : {}) });
  }
  const errors: DiffResult['errors'] = [...a.errors, ...b.errors].map((e) => ({ file: e.file, line: e.line, message: e.message }));
  const result: DiffResult = {
    schemaVersion: 1,
    tool: { name: 'honban', version: VERSION },
    from: opts.from,
    to: opts.to,
    sources: { from: a.sources, to: b.sources },
    rows,
    summary: summarize(rows),
    errors,
  };
  const all = findTfvars(opts.view);
  if (all.length) {
    const ta = await tfvarsOf(opts.view, opts.from, opts.config, all);
    const tb = await tfvarsOf(opts.view, opts.to, opts.config, all);
    if (ta.files.length || tb.files.length) {
      masker.add(ta.secrets);
      masker.add(tb.secrets);
      const trows = tfvarsRows(ta, tb);
      result.tfvars = { files: { from: ta.files, to: tb.files }, rows: trows, summary: summarize(trows) };
      for (const e of [...ta.errors, ...tb.errors]) errors.push(e);
    }
  }
  result.mode = 'environments';
  await addResources(result, masker, opts, fromSide, toSide);
  crashTestWithData([...a.secrets, ...b.secrets]);
  return { result: masker.maskDeep(result), masker, resolutions: [a, b] };
}

async function addResources(result: DiffResult, masker: SecretMasker, opts: DiffOptions, a: TfSideSpec, b: TfSideSpec): Promise<void> {
  const ra = await terraformSide(opts.view, a, opts.config);
  const rb = await terraformSide(opts.view, b, opts.config);
  masker.add(ra.secrets);
  masker.add(rb.secrets);
  for (const e of [...ra.errors, ...rb.errors]) if (!result.errors.some((x) => x.file === e.file && x.message === e.message)) result.errors.push(e);
  if (!ra.resources.size && !rb.resources.size) return;
  const rows = resourceRows(ra, rb);
  result.resources = { roots: { from: ra.roots, to: rb.roots }, rows, summary: summarize(rows) };
}

/** One row per compared attribute of a resource on both sides; one row per resource only one side has. */
function resourceRows(a: TfResourceSide, b: TfResourceSide): DiffRow[] {
  const rows: DiffRow[] = [];
  for (const addr of [...new Set([...a.resources.keys(), ...b.resources.keys()])].sort()) {
    const ra = a.resources.get(addr);
    const rb = b.resources.get(addr);
    if (!ra || !rb) {
      const r = (ra ?? rb)!;
      const side = { source: r.file, line: r.line, value: r.type };
      rows.push({ key: addr, status: ra ? 'only-from' : 'only-to', secret: false, ...(ra ? { from: side } : { to: side }) });
      continue;
    }
    for (const [attr, va] of ra.attrs) {
      const vb = rb.attrs.get(attr);
      if (!vb) continue;
      rows.push({
        key: `${addr} ${attr}`,
        status: va.canonical === vb.canonical ? 'same' : 'changed',
        secret: false,
        from: { source: va.file, line: va.line, value: va.display },
        to: { source: vb.file, line: vb.line, value: vb.display },
      });
    }
  }
  return rows;
}

function tfvarsRows(a: TfvarsSide, b: TfvarsSide): DiffRow[] {
  const rows: DiffRow[] = [];
  for (const key of [...new Set([...a.vars.keys(), ...b.vars.keys()])].sort()) {
    const va = a.vars.get(key);
    const vb = b.vars.get(key);
    const secret = !!(va?.secret || vb?.secret);
    const status: DiffStatus = !va ? 'only-to' : !vb ? 'only-from' : va.canonical === vb.canonical ? 'same' : 'changed';
    const s = (v: NonNullable<typeof va>): DiffSide => ({ source: v.file, line: v.line, ...(secret ? {} : { value: displayValue(v.display, 10_000) }) });
    rows.push({ key, status, secret, ...(va ? { from: s(va) } : {}), ...(vb ? { to: s(vb) } : {}) });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Rendering

const T = {
  en: {
    title: (a: string, b: string) => `Variables: ${a} → ${b}`,
    tfTitle: (a: string, b: string) => `Terraform variables (*.tfvars): ${a} → ${b}`,
    resTitle: (a: string, b: string) => `Terraform resources: ${a} → ${b}`,
    roots: 'roots',
    status: { same: 'same', changed: 'changed', 'only-from': 'only in', 'only-to': 'only in' } as Record<DiffStatus, string>,
    secretSame: 'secret, same value',
    secretChanged: 'secret, values differ',
    secret: 'secret',
    cols: ['Key', 'Status', 'From', 'To'],
    summary: (s: DiffSummary, a: string, b: string) => `${s.changed} changed, ${s.onlyFrom} only in ${a}, ${s.onlyTo} only in ${b}, ${s.same} same`,
    hidden: (n: number) => `(${n} identical row${n === 1 ? '' : 's'} not shown: --changed-only)`,
    none: 'No variables in either environment.',
    sources: 'sources',
    problems: 'Problems',
  },
  ja: {
    title: (a: string, b: string) => `環境変数: ${a} → ${b}`,
    tfTitle: (a: string, b: string) => `Terraform 変数 (*.tfvars): ${a} → ${b}`,
    resTitle: (a: string, b: string) => `Terraform リソース: ${a} → ${b}`,
    roots: 'ルート',
    status: { same: '同じ', changed: '差分あり', 'only-from': 'のみ', 'only-to': 'のみ' } as Record<DiffStatus, string>,
    secretSame: '秘密値、同じ値',
    secretChanged: '秘密値、値が異なる',
    secret: '秘密値',
    cols: ['キー', '状態', '比較元', '比較先'],
    summary: (s: DiffSummary, a: string, b: string) => `差分 ${s.changed} 件、${a} のみ ${s.onlyFrom} 件、${b} のみ ${s.onlyTo} 件、同じ ${s.same} 件`,
    hidden: (n: number) => `(同じ値の ${n} 行は省略: --changed-only)`,
    none: 'どちらの環境にも変数がありません。',
    sources: 'ソース',
    problems: '問題',
  },
};

function statusText(r: DiffRow, a: string, b: string, lang: Lang): string {
  const s = T[lang];
  if (r.status === 'only-from') return lang === 'ja' ? `${a} ${s.status['only-from']}` : `${s.status['only-from']} ${a}`;
  if (r.status === 'only-to') return lang === 'ja' ? `${b} ${s.status['only-to']}` : `${s.status['only-to']} ${b}`;
  return s.status[r.status];
}

function cellOf(side: DiffSide | undefined, r: DiffRow, lang: Lang, max: number): string {
  if (!side) return '—';
  const loc = side.line ? `${side.source}:${side.line}` : side.source;
  if (r.secret) return `${T[lang].secret} (${loc})`;
  return `${displayValue(side.value ?? '', max)} (${loc})`;
}

const SYM: Record<DiffStatus, string> = { same: '=', changed: '~', 'only-from': '-', 'only-to': '+' };

function prettyTable(rows: DiffRow[], a: string, b: string, lang: Lang, all: boolean, color: boolean): string[] {
  const out: string[] = [];
  const shown = all ? rows : rows.filter((r) => r.status !== 'same');
  const col = (code: string, t: string) => (color ? `\x1b[${code}m${t}\x1b[0m` : t);
  const keyW = Math.min(36, Math.max(3, ...shown.map((r) => r.key.length)));
  for (const r of shown) {
    const sym = SYM[r.status];
    const c = r.status === 'changed' ? '33' : r.status === 'only-from' ? '31' : r.status === 'only-to' ? '32' : '2';
    let detail: string;
    if (r.secret && r.status === 'same') detail = T[lang].secretSame;
    else if (r.secret && r.status === 'changed') detail = T[lang].secretChanged;
    else if (r.status === 'changed') detail = `${cellOf(r.from, r, lang, 48)}  →  ${cellOf(r.to, r, lang, 48)}`;
    else if (r.status === 'same') detail = cellOf(r.from, r, lang, 60);
    else detail = `${statusText(r, a, b, lang)}: ${cellOf(r.from ?? r.to, r, lang, 60)}`;
    out.push(`  ${col(c, sym)} ${r.key.padEnd(keyW)}  ${detail}`);
  }
  const hidden = rows.length - shown.length;
  if (hidden) out.push(col('2', `  ${T[lang].hidden(hidden)}`));
  return out;
}

export function formatDiffPretty(d: DiffResult, lang: Lang, opts: { all?: boolean; color?: boolean } = {}): string {
  const s = T[lang];
  const bold = (t: string) => (opts.color ? `\x1b[1m${t}\x1b[0m` : t);
  const dim = (t: string) => (opts.color ? `\x1b[2m${t}\x1b[0m` : t);
  const out: string[] = [];
  if (d.mode !== 'terraform') {
    out.push(bold(s.title(d.from, d.to)));
    out.push(dim(`  ${s.sources}: ${d.from}: ${d.sources.from.join(' → ') || '-'} | ${d.to}: ${d.sources.to.join(' → ') || '-'}`));
    if (!d.rows.length) out.push(`  ${s.none}`);
    else out.push(...prettyTable(d.rows, d.from, d.to, lang, !!opts.all, !!opts.color));
    out.push(`  ${s.summary(d.summary, d.from, d.to)}`);
  }
  if (d.tfvars) {
    out.push('', bold(s.tfTitle(d.from, d.to)));
    out.push(dim(`  ${d.from}: ${d.tfvars.files.from.join(', ') || '-'} | ${d.to}: ${d.tfvars.files.to.join(', ') || '-'}`));
    out.push(...prettyTable(d.tfvars.rows, d.from, d.to, lang, !!opts.all, !!opts.color));
    out.push(`  ${s.summary(d.tfvars.summary, d.from, d.to)}`);
  }
  if (d.resources) {
    if (out.length) out.push('');
    out.push(bold(s.resTitle(d.from, d.to)));
    out.push(dim(`  ${s.roots}: ${d.from}: ${d.resources.roots.from.join(', ') || '-'} | ${d.to}: ${d.resources.roots.to.join(', ') || '-'}`));
    out.push(...prettyTable(d.resources.rows, d.from, d.to, lang, !!opts.all, !!opts.color));
    out.push(`  ${s.summary(d.resources.summary, d.from, d.to)}`);
  } else if (d.mode === 'terraform') out.push(bold(s.resTitle(d.from, d.to)), `  ${s.none}`);
  if (d.errors.length) {
    out.push('', bold(s.problems));
    for (const e of d.errors) out.push(`  ${e.file ? `${e.file}${e.line ? ':' + e.line : ''}: ` : ''}${e.message}`);
  }
  return out.join('\n') + '\n';
}

function mdCell(t: string): string {
  return t.replace(/</g, '&lt;').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function mdTable(rows: DiffRow[], a: string, b: string, lang: Lang, all: boolean): string[] {
  const s = T[lang];
  const out = [`| ${s.cols[0]} | ${s.cols[1]} | ${s.cols[2]} (\`${a}\`) | ${s.cols[3]} (\`${b}\`) |`, '|---|---|---|---|'];
  const shown = all ? rows : rows.filter((r) => r.status !== 'same');
  const icon: Record<DiffStatus, string> = { same: '✅', changed: '⚠️', 'only-from': '➖', 'only-to': '➕' };
  for (const r of shown) {
    const cell = (x: DiffSide | undefined) => {
      if (!x) return '—';
      const loc = `\`${x.line ? `${x.source}:${x.line}` : x.source}\``;
      return r.secret ? `🔒 ${s.secret} ${loc}` : `\`${mdCell(displayValue(x.value ?? '', 80)).replace(/`/g, "'")}\` ${loc}`;
    };
    out.push(`| \`${r.key}\` | ${icon[r.status]} ${statusText(r, a, b, lang)} | ${cell(r.from)} | ${cell(r.to)} |`);
  }
  const hidden = rows.length - shown.length;
  if (hidden) out.push('', `_${s.hidden(hidden)}_`);
  return out;
}

export function formatDiffMarkdown(d: DiffResult, lang: Lang, opts: { all?: boolean } = {}): string {
  const s = T[lang];
  const out: string[] = [];
  if (d.mode !== 'terraform') {
    out.push(`### ${s.title(`\`${d.from}\``, `\`${d.to}\``)}`, '', `**${s.summary(d.summary, d.from, d.to)}**`, '');
    if (d.rows.length) out.push(...mdTable(d.rows, d.from, d.to, lang, !!opts.all), '');
  }
  if (d.tfvars) {
    out.push(`### ${s.tfTitle(`\`${d.from}\``, `\`${d.to}\``)}`, '', `**${s.summary(d.tfvars.summary, d.from, d.to)}**`, '');
    out.push(...mdTable(d.tfvars.rows, d.from, d.to, lang, !!opts.all), '');
  }
  if (d.resources) {
    out.push(`### ${s.resTitle(`\`${d.from}\``, `\`${d.to}\``)}`, '', `**${s.summary(d.resources.summary, d.from, d.to)}**`, '');
    out.push(...mdTable(d.resources.rows, d.from, d.to, lang, !!opts.all), '');
  }
  if (d.errors.length) {
    out.push(`**${s.problems}**`, '');
    for (const e of d.errors) out.push(`- ${e.file ? `\`${e.file}${e.line ? ':' + e.line : ''}\` ` : ''}${mdCell(e.message)}`);
    out.push('');
  }
  return out.join('\n');
}

export function formatDiffJson(d: DiffResult): string {
  return JSON.stringify(d, null, 2) + '\n';
}

/** Any difference at all (for `--exit-code`). */
export function hasDifferences(d: DiffResult): boolean {
  const s = d.summary;
  const t = d.tfvars?.summary;
  const r = d.resources?.summary;
  return s.changed + s.onlyFrom + s.onlyTo + (t ? t.changed + t.onlyFrom + t.onlyTo : 0) + (r ? r.changed + r.onlyFrom + r.onlyTo : 0) > 0;
}
