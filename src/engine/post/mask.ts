/**
 * Secret masking: the last line of defence. Rules never put values in messages; this step removes
 * any registered secret value that still slipped into a string of the report.
 *
 * Masking is a literal search, never a regular expression built from secrets: a long or repetitive
 * value (a 33k-character base64 keystore password) cannot make an expression too large, and no
 * error can ever quote the secrets (issue 11). Strings are masked as data — the fields of a finding,
 * an error, a diff row — never rendered JSON or tables, so keys and the report's own words stay.
 *
 * Where a value is masked:
 * - only where it stands as a value: an occurrence that continues an identifier (`gitea` in
 *   `gitea_data`, the `gitea` of an image name) is not the value; a match must start and end at a token boundary;
 * - random-looking values (two or more character classes, or 16+ characters) wherever they stand;
 * - dictionary-like values (`postgres`, `password` — weak secrets are still secrets) only after `=`
 *   or `:`, or in quotes, followed by the end of the value. The word "password" in a sentence stays;
 *   `POSTGRES_PASSWORD=password` becomes `POSTGRES_PASSWORD=****`; `image: gitea/gitea` stays;
 * - a string that is the whole value is masked whatever it is.
 * Values that are not registered at all: shorter than 4 characters, and words shorter than 8
 * letters (`gitea`, `status`, `value`): masking those would corrupt image names, keys and text, and
 * no rule prints a value in the first place (issue 10, class 11).
 * Structural fields (rule ids, paths, fingerprints, keys, URLs of docs) are never rewritten, nor are
 * fix texts (rule metadata, not values).
 */
import { MASK } from '../../lib/redact.js';

export { MASK };

/** Values shorter than this are not masked: they would garble text, and no rule prints them. */
const MIN_SECRET = 4;
/** Words (letters only) shorter than this are not registered: dictionary words and service names. */
const MIN_WORD = 8;

/** Fields that never hold a value from a scanned file. */
const STRUCTURAL = new Set(['ruleId', 'file', 'docsUrl', 'fingerprint', 'key', 'id', 'helpUri', 'informationUri', '$schema', 'uri', 'uriBaseId', 'severity', 'status', 'level', 'kind', 'fix']);

const isWordChar = (c: string | undefined) => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_');
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isQuote = (c: string | undefined) => c === '"' || c === "'" || c === '`';
/** What may follow a dictionary-like value where it stands as a value. */
const WEAK_FOLLOW = new Set([',', ';', ')', ']', '}', '&', '@']);

function isRandomLooking(v: string): boolean {
  let classes = 0;
  if (/[a-z]/.test(v)) classes++;
  if (/[A-Z]/.test(v)) classes++;
  if (/[0-9]/.test(v)) classes++;
  if (/[^a-zA-Z0-9]/.test(v)) classes++;
  return v.length >= 16 || (classes >= 2 && v.length >= 6);
}

/** A word (letters only, one case or capitalised) shorter than 8: `gitea`, `value`, `Status`. */
function isShortWord(v: string): boolean {
  return v.length < MIN_WORD && /^[A-Za-z]?[a-z]+$|^[A-Z]+$/.test(v);
}

export class SecretMasker {
  private strong: string[] = [];
  private weak: string[] = [];
  private all = new Set<string>();
  private sorted = true;
  /** Registered values by their first MIN_SECRET characters (built on first use after a change). */
  private byPrefix?: Map<string, { v: string; rank: number; strong: boolean }[]>;
  private names = new Set<string>();

  /**
   * Identifiers of the deployment (service names, image names and their path parts): a
   * dictionary-like value equal to one (`WORDPRESS_DB_PASSWORD=wordpress`) is not masked, since it
   * would mask the service's name everywhere; a random-looking value is masked all the same.
   */
  exempt(names: Iterable<string | undefined>): void {
    for (const n of names) if (n && n.length <= 256) this.names.add(n.trim().toLowerCase());
    this.weak = this.weak.filter((w) => !this.names.has(w.toLowerCase()));
    this.all = new Set([...this.strong, ...this.weak]);
    this.byPrefix = undefined;
  }

  add(values: Iterable<string | undefined>): void {
    for (const v of values) {
      if (!v) continue;
      const t = v.trim();
      if (t.length < MIN_SECRET || isShortWord(t) || this.all.has(t)) continue;
      const strong = isRandomLooking(t);
      if (!strong && this.names.has(t.toLowerCase())) continue;
      this.all.add(t);
      (strong ? this.strong : this.weak).push(t);
      this.sorted = false;
    }
  }

  get size(): number {
    return this.all.size;
  }

  /** Replaces registered secrets in `text` with ****. */
  mask(text: string): string;
  mask(text: string | undefined): string | undefined;
  mask(text: string | undefined): string | undefined {
    if (text === undefined || this.size === 0 || !text) return text;
    if (this.all.has(text.trim())) return text.replace(text.trim(), MASK);
    if (!this.sorted) {
      // Longest first, so a secret that contains another is masked whole.
      this.strong.sort((a, b) => b.length - a.length);
      this.weak.sort((a, b) => b.length - a.length);
      this.sorted = true;
      this.byPrefix = undefined;
    }
    const here = this.occurring(text);
    if (!here.length) return text;
    const spans: [number, number][] = [];
    // Characters already masked (a longer secret won): one byte per character keeps this linear.
    const taken = new Uint8Array(text.length);
    const free = (s: number, e: number) => taken[s] === 0 && taken[e - 1] === 0 && taken.subarray(s, e).indexOf(1) < 0;
    const bounded = (s: number, e: number, v: string) => !(isWordChar(v[0]) && isWordChar(text[s - 1])) && !(isWordChar(v[v.length - 1]) && isWordChar(text[e]));
    const find = (v: string, accept: (s: number, e: number) => boolean) => {
      for (let i = text.indexOf(v); i >= 0; i = text.indexOf(v, i + 1)) {
        const e = i + v.length;
        if (bounded(i, e, v) && accept(i, e) && free(i, e)) {
          spans.push([i, e]);
          taken.fill(1, i, e);
          i = e - 1;
        }
      }
    };
    for (const [v, strong] of here) find(v, strong ? () => true : (s, e) => weakContext(text, s, e));
    if (!spans.length) return text;
    spans.sort((a, b) => a[0] - b[0]);
    let out = '';
    let at = 0;
    for (const [s, e] of spans) {
      out += text.slice(at, s) + MASK;
      at = e;
    }
    return out + text.slice(at);
  }

  /**
   * The registered values that occur in `text`, in masking order (strong before weak, longest
   * first): found through an index of their first characters, so masking a string costs its length,
   * not the number of secrets (a large tree registers thousands).
   */
  private occurring(text: string): [string, boolean][] {
    if (!this.byPrefix) {
      this.byPrefix = new Map();
      const add = (v: string, rank: number, strong: boolean) => {
        const k = v.slice(0, MIN_SECRET);
        let list = this.byPrefix!.get(k);
        if (!list) this.byPrefix!.set(k, (list = []));
        list.push({ v, rank, strong });
      };
      this.strong.forEach((v, i) => add(v, i, true));
      this.weak.forEach((v, i) => add(v, this.strong.length + i, false));
    }
    const found = new Map<string, { v: string; rank: number; strong: boolean }>();
    for (let i = 0; i + MIN_SECRET <= text.length; i++) {
      const list = this.byPrefix.get(text.slice(i, i + MIN_SECRET));
      if (!list) continue;
      for (const c of list) if (!found.has(c.v) && text.startsWith(c.v, i)) found.set(c.v, c);
    }
    return [...found.values()].sort((a, b) => a.rank - b.rank).map((c) => [c.v, c.strong]);
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

/** A dictionary-like value stands as a value: after `=`/`:` (spaces, one quote) or in quotes, then the value ends. */
function weakContext(text: string, s: number, e: number): boolean {
  const after = text[e];
  if (!(after === undefined || isQuote(after) || isSpace(after) || WEAK_FOLLOW.has(after))) return false;
  let i = s - 1;
  if (isQuote(text[i])) return true;
  while (i >= 0 && isSpace(text[i])) i--;
  if (text[i] !== '=' && text[i] !== ':') return false;
  // `image: wordpress` names an image, not a value (the password may equal the service's name).
  return !/(^|[^\w-])image$/i.test(text.slice(Math.max(0, i - 16), i).trimEnd());
}

/** A safe description of a secret value: its length only. */
export function describeSecret(value: string): string {
  return `${MASK} (${value.length} chars)`;
}
