/**
 * Secret masking: the last line of defence. Rules never put values in messages; this step removes
 * any registered secret value that still slipped into a string of the report.
 */
export const MASK = '****';

/** Values shorter than this are masked only where they stand alone (see `maskText`). */
const MIN_SECRET = 4;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class SecretMasker {
  private values: string[] = [];
  private re: RegExp | undefined;

  add(values: Iterable<string | undefined>): void {
    for (const v of values) {
      if (!v) continue;
      const t = v.trim();
      if (t.length >= MIN_SECRET && !this.values.includes(t)) {
        this.values.push(t);
        this.re = undefined;
      }
    }
  }

  get size(): number {
    return this.values.length;
  }

  /** Replaces every registered secret in `text` with ****. */
  mask(text: string): string;
  mask(text: string | undefined): string | undefined;
  mask(text: string | undefined): string | undefined {
    if (text === undefined || this.values.length === 0) return text;
    if (!this.re) {
      // Longest first, so a secret that contains another is masked whole.
      const sorted = [...this.values].sort((a, b) => b.length - a.length);
      this.re = new RegExp(sorted.map(escapeRe).join('|'), 'g');
    }
    return text.replace(this.re, MASK);
  }

  /** Masks every string inside a JSON-like value (deep copy). */
  maskDeep<T>(value: T): T {
    if (this.values.length === 0) return value;
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') return this.mask(v);
      if (Array.isArray(v)) return v.map(walk);
      if (v && typeof v === 'object') {
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) out[k] = walk(x);
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
