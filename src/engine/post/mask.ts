/**
 * Secret masking: the last line of defence. Rules never put values in messages; this step removes
 * any registered secret value that still slipped into a string of the report.
 *
 * Two tiers, so that masking never garbles the report's own words:
 * - random-looking values (two or more character classes, or 16+ characters) are masked wherever
 *   they appear;
 * - dictionary-like values (`postgres`, `password` — weak secrets are still secrets) are masked
 *   where a value can stand: after `=` or `:`, or in quotes. The word "password" in a sentence
 *   stays; `POSTGRES_PASSWORD=password` becomes `POSTGRES_PASSWORD=****`.
 * Structural fields (rule ids, paths, fingerprints, keys, URLs of docs) are never rewritten.
 */
import { MASK } from '../../lib/redact.js';

export { MASK };

/** Values shorter than this are not masked: they would garble text, and no rule prints them. */
const MIN_SECRET = 4;

/** Fields that never hold a value from a scanned file. */
const STRUCTURAL = new Set(['ruleId', 'file', 'docsUrl', 'fingerprint', 'key', 'id', 'helpUri', 'informationUri', '$schema', 'uri', 'uriBaseId', 'severity', 'status', 'level', 'kind']);

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isRandomLooking(v: string): boolean {
  let classes = 0;
  if (/[a-z]/.test(v)) classes++;
  if (/[A-Z]/.test(v)) classes++;
  if (/[0-9]/.test(v)) classes++;
  if (/[^a-zA-Z0-9]/.test(v)) classes++;
  return v.length >= 16 || (classes >= 2 && v.length >= 6);
}

export class SecretMasker {
  private strong: string[] = [];
  private weak: string[] = [];
  private strongRe: RegExp | undefined;
  private weakRe: RegExp | undefined;

  add(values: Iterable<string | undefined>): void {
    for (const v of values) {
      if (!v) continue;
      const t = v.trim();
      if (t.length < MIN_SECRET) continue;
      const list = isRandomLooking(t) ? this.strong : this.weak;
      if (!list.includes(t)) {
        list.push(t);
        this.strongRe = this.weakRe = undefined;
      }
    }
  }

  get size(): number {
    return this.strong.length + this.weak.length;
  }

  /** Replaces registered secrets in `text` with ****. */
  mask(text: string): string;
  mask(text: string | undefined): string | undefined;
  mask(text: string | undefined): string | undefined {
    if (text === undefined || this.size === 0) return text;
    if (!this.strongRe && this.strong.length) {
      // Longest first, so a secret that contains another is masked whole.
      const sorted = [...this.strong].sort((a, b) => b.length - a.length);
      this.strongRe = new RegExp(sorted.map(escapeRe).join('|'), 'g');
    }
    if (!this.weakRe && this.weak.length) {
      const sorted = [...this.weak].sort((a, b) => b.length - a.length);
      const alt = sorted.map(escapeRe).join('|');
      // After = or :, or inside quotes / backticks; whole value only.
      this.weakRe = new RegExp(`(?<=[=:]\\s*["'\`]?|["'\`])(?:${alt})(?=["'\`]|\\s|$|[,;)\\]}&@/])`, 'g');
    }
    let out = text;
    if (this.strongRe) out = out.replace(this.strongRe, MASK);
    if (this.weakRe) out = out.replace(this.weakRe, MASK);
    return out;
  }

  /** Masks every string inside a JSON-like value (deep copy), leaving structural fields alone. */
  maskDeep<T>(value: T): T {
    if (this.size === 0) return value;
    const walk = (v: unknown, key?: string): unknown => {
      if (typeof v === 'string') return key && STRUCTURAL.has(key) ? v : this.mask(v);
      if (Array.isArray(v)) return v.map((x) => walk(x));
      if (v && typeof v === 'object') {
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) out[k] = walk(x, k);
        return out;
      }
      return v;
    };
    return walk(value) as T;
  }
}

/** A safe description of a secret value: its length only. */
export function describeSecret(value: string): string {
  return `${MASK} (${value.length} chars)`;
}
