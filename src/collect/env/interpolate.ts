/**
 * Variable references in env-file values, expanded by our own code: `${VAR}`, `${VAR:-default}`,
 * `${VAR-default}`, `${VAR:=default}`, `${VAR:?message}`, `${VAR:+alternative}` and `$VAR`; `\$` is a
 * literal dollar. Command substitution `$(…)` is never executed (dotenv-expand ≥ 10 runs it): it is
 * kept as text and counted, so a rule can report it.
 *
 * Bounded on hostile input: parsing is linear in the value's length; references nested more than
 * MAX_NESTING deep are kept as text; an expansion stops at MAX_EXPANSION characters. Each stop is
 * reported in `ExpandResult.limit` so the caller can say so (the chain of references across
 * variables is limited by the caller, which owns the lookups).
 */

export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'ref'; name: string; op?: ':-' | '-' | ':=' | '=' | ':?' | '?' | ':+' | '+'; word?: Segment[] }
  | { kind: 'command'; text: string }
  /** A reference nested deeper than MAX_NESTING: kept as text, flagged. */
  | { kind: 'too-deep'; text: string };

/** `${A:-${B:-…}}` nested deeper than this is not expanded. */
export const MAX_NESTING = 32;
/** Characters one expanded value may reach (the size cap of a file honban reads). */
export const MAX_EXPANSION = 1024 * 1024;

export type ExpansionLimit = 'nesting' | 'size';

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const OP = /^(:-|:=|:\?|:\+|-|=|\?|\+)/;

/**
 * For every `${` (index of its `$`), the index of the `}` that closes it, in one pass: a stack
 * instead of a scan per opening brace keeps 100,000 unterminated `${` linear.
 */
function braceMatches(s: string): Map<number, number> {
  const out = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 /* \\ */) {
      i++;
      continue;
    }
    if (c === 36 /* $ */ && s.charCodeAt(i + 1) === 123 /* { */) {
      stack.push(i);
      i++;
    } else if (c === 125 /* } */ && stack.length) out.set(stack.pop()!, i);
  }
  return out;
}

function closingParen(s: string, from: number): number {
  let depth = 1;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Parses a value into literal text, references and (inert) command substitutions. */
export function parseInterpolation(s: string, depth = 0): Segment[] {
  if (depth >= MAX_NESTING) return [{ kind: 'too-deep', text: s }];
  const out: Segment[] = [];
  const closes = s.includes('${') ? braceMatches(s) : undefined;
  let text = '';
  const flush = () => {
    if (text) out.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && s[i + 1] === '$') {
      text += '$';
      i++;
      continue;
    }
    if (c !== '$') {
      text += c;
      continue;
    }
    const next = s[i + 1];
    if (next === '{') {
      const end = closes?.get(i) ?? -1;
      if (end < 0) {
        text += c;
        continue;
      }
      const body = s.slice(i + 2, end);
      NAME.lastIndex = 0;
      const m = NAME.exec(body);
      if (!m) {
        text += s.slice(i, end + 1);
        i = end;
        continue;
      }
      const name = m[0];
      const rest = body.slice(name.length);
      flush();
      if (rest === '') out.push({ kind: 'ref', name });
      else {
        const op = OP.exec(rest)?.[1] as Extract<Segment, { kind: 'ref' }>['op'] | undefined;
        if (!op) {
          // `${VAR/pattern/repl}` and other shell forms: not supported, kept as text.
          text += s.slice(i, end + 1);
        } else out.push({ kind: 'ref', name, op, word: parseInterpolation(rest.slice(op.length), depth + 1) });
      }
      i = end;
      continue;
    }
    if (next === '(') {
      const end = closingParen(s, i + 2);
      const stop = end < 0 ? s.length - 1 : end;
      flush();
      out.push({ kind: 'command', text: s.slice(i, stop + 1) });
      i = stop;
      continue;
    }
    NAME.lastIndex = i + 1;
    const m = NAME.exec(s);
    if (m) {
      flush();
      out.push({ kind: 'ref', name: m[0] });
      i += m[0].length;
      continue;
    }
    text += c;
  }
  flush();
  return out;
}

/** Does the value contain any reference or command substitution? */
export function hasInterpolation(segments: Segment[]): boolean {
  return segments.some((s) => s.kind !== 'text' && s.kind !== 'too-deep');
}

export interface LookupResult {
  /** The variable is defined (possibly empty). */
  defined: boolean;
  value: string;
  /** The value itself came through an unresolved reference. */
  unresolved?: boolean;
}

export interface ExpandResult {
  value: string;
  /** Names referenced without a value and without a default. */
  unresolved: { name: string; required: boolean }[];
  commandSubstitutions: number;
  /** Every name referenced (resolved or not). */
  references: string[];
  /** Expansion stopped at a limit: the value is incomplete. */
  limit?: ExpansionLimit;
}

/** Expands parsed segments with `lookup`; never executes anything; stops at `max` characters. */
export function expand(segments: Segment[], lookup: (name: string) => LookupResult, max = MAX_EXPANSION): ExpandResult {
  const res: ExpandResult = { value: '', unresolved: [], commandSubstitutions: 0, references: [] };
  const sub = (segs: Segment[]) => {
    const r = expand(segs, lookup, max - res.value.length);
    res.unresolved.push(...r.unresolved);
    res.commandSubstitutions += r.commandSubstitutions;
    res.references.push(...r.references);
    if (r.limit && !res.limit) res.limit = r.limit;
    return r.value;
  };
  const append = (t: string) => {
    if (res.value.length + t.length > max) {
      res.value += t.slice(0, Math.max(0, max - res.value.length));
      res.limit = 'size';
    } else res.value += t;
  };
  for (const s of segments) {
    if (res.limit === 'size') break;
    if (s.kind === 'text') {
      append(s.text);
      continue;
    }
    if (s.kind === 'too-deep') {
      if (!res.limit) res.limit = 'nesting';
      append(s.text);
      continue;
    }
    if (s.kind === 'command') {
      res.commandSubstitutions++;
      append(s.text);
      continue;
    }
    res.references.push(s.name);
    const v = lookup(s.name);
    const set = v.defined && !v.unresolved;
    const nonEmpty = set && v.value !== '';
    switch (s.op) {
      case undefined:
        if (!set) res.unresolved.push({ name: s.name, required: false });
        append(set ? v.value : '');
        break;
      case ':-':
      case ':=':
        append(nonEmpty ? v.value : sub(s.word ?? []));
        break;
      case '-':
      case '=':
        append(set ? v.value : sub(s.word ?? []));
        break;
      case ':?':
        if (!nonEmpty) res.unresolved.push({ name: s.name, required: true });
        append(nonEmpty ? v.value : '');
        break;
      case '?':
        if (!set) res.unresolved.push({ name: s.name, required: true });
        append(set ? v.value : '');
        break;
      case ':+':
        append(nonEmpty ? sub(s.word ?? []) : '');
        break;
      case '+':
        append(set ? sub(s.word ?? []) : '');
        break;
    }
  }
  return res;
}
