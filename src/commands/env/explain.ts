/**
 * `--explain`: per key, which source won and what it shadowed. Values of non-secrets are shown
 * (URL passwords masked); of secrets only the length — never the value.
 */
import type { Lang } from '../../contracts/types.js';
import { displayValue } from '../../lib/redact.js';
import type { Resolution } from '../../collect/env/resolve.js';
import type { SourceKind } from '../../facts/env.js';

export interface ExplainDef {
  source: SourceKind;
  file: string;
  line?: number;
  /** Non-secrets only. */
  value?: string;
}

export interface ExplainRow {
  key: string;
  secret: boolean;
  source: SourceKind;
  file: string;
  line?: number;
  /** Non-secrets only (redacted). */
  value?: string;
  /** Secrets only. */
  length?: number;
  /** The `X_FILE` pointer that delivered it. */
  via?: string;
  /** Names whose reference did not resolve. */
  unresolved?: string[];
  shadowed: ExplainDef[];
}

export function explainRows(res: Resolution): ExplainRow[] {
  const rows: ExplainRow[] = [];
  for (const v of [...res.vars.values()].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    rows.push({
      key: v.key,
      secret: v.secret,
      source: v.source,
      file: v.file,
      ...(v.line ? { line: v.line } : {}),
      ...(v.secret ? { length: [...v.value].length } : { value: displayValue(v.value, 200) }),
      ...(v.via ? { via: v.via } : {}),
      ...(v.unresolved.length ? { unresolved: v.unresolved.map((u) => u.name) } : {}),
      shadowed: v.shadowed.map((d) => ({
        source: d.source,
        file: d.file,
        ...(d.line ? { line: d.line } : {}),
        ...(v.secret ? {} : { value: displayValue(d.raw, 200) }),
      })),
    });
  }
  return rows;
}

const T = {
  en: {
    title: (env: string) => `Resolution of ${env}`,
    order: 'sources, lowest precedence first',
    none: 'no variables resolved',
    shadows: (what: string) => `shadows ${what}`,
    secret: (n: number) => `[secret, ${n} chars]`,
    via: (p: string) => `via ${p}`,
    unresolved: (names: string[]) => `unresolved: ${names.join(', ')}`,
  },
  ja: {
    title: (env: string) => `${env} の解決結果`,
    order: 'ソース (優先度の低い順)',
    none: '解決された変数はありません',
    shadows: (what: string) => `${what} を上書き`,
    secret: (n: number) => `[秘密値, ${n} 文字]`,
    via: (p: string) => `${p} 経由`,
    unresolved: (names: string[]) => `未解決: ${names.join(', ')}`,
  },
};

function loc(file: string, line?: number): string {
  return line ? `${file}:${line}` : file;
}

/** The `--explain` section of the pretty report. */
export function formatExplain(rows: ExplainRow[], env: string, sources: string[], lang: Lang, color = false): string {
  const s = T[lang];
  const dim = (x: string) => (color ? `\x1b[2m${x}\x1b[0m` : x);
  const bold = (x: string) => (color ? `\x1b[1m${x}\x1b[0m` : x);
  const out: string[] = [];
  out.push(bold(s.title(env)) + dim(` (${s.order}: ${sources.length ? sources.join(' → ') : '-'})`));
  if (!rows.length) out.push(`  ${s.none}`);
  const keyWidth = Math.min(32, Math.max(0, ...rows.map((r) => r.key.length)));
  const locWidth = Math.min(48, Math.max(0, ...rows.map((r) => loc(r.file, r.line).length)));
  for (const r of rows) {
    const value = r.secret ? s.secret(r.length ?? 0) : `"${r.value ?? ''}"`;
    const extra = [r.via ? s.via(r.via) : '', r.unresolved ? s.unresolved(r.unresolved) : ''].filter(Boolean).join(', ');
    out.push(`  ${r.key.padEnd(keyWidth)}  ${loc(r.file, r.line).padEnd(locWidth)}  ${value}${extra ? dim(`  (${extra})`) : ''}`);
    for (const d of [...r.shadowed].reverse()) {
      out.push(dim(`  ${' '.repeat(keyWidth)}  ${s.shadows(`${loc(d.file, d.line)}${d.value !== undefined ? ` "${d.value}"` : ''}`)}`));
    }
  }
  return out.join('\n') + '\n\n';
}
