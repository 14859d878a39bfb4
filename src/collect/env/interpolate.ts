/**
 * Variable references in env-file values, expanded by our own code: `${VAR}`, `${VAR:-default}`,
 * `${VAR-default}`, `${VAR:=default}`, `${VAR:?message}`, `${VAR:+alternative}` and `$VAR`; `\$` is a
 * literal dollar. Command substitution `$(…)` is never executed (dotenv-expand ≥ 10 runs it): it is
 * kept as text and counted, so a rule can report it.
 */

export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'ref'; name: string; op?: ':-' | '-' | ':=' | '=' | ':?' | '?' | ':+' | '+'; word?: Segment[] }
  | { kind: 'command'; text: string };

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Index of the `}` closing a `${` whose body starts at `from`, or -1. */
function closingBrace(s: string, from: number): number {
  let depth = 1;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '$' && s[i + 1] === '{') {
      depth++;
      i++;
    } else if (c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
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
export function parseInterpolation(s: string): Segment[] {
  const out: Segment[] = [];
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
      const end = closingBrace(s, i + 2);
      if (end < 0) {
        text += c;
        continue;
      }
      const body = s.slice(i + 2, end);
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
        const op = /^(:-|:=|:\?|:\+|-|=|\?|\+)/.exec(rest)?.[1] as Extract<Segment, { kind: 'ref' }>['op'] | undefined;
        if (!op) {
          // `${VAR/pattern/repl}` and other shell forms: not supported, kept as text.
          text += s.slice(i, end + 1);
        } else out.push({ kind: 'ref', name, op, word: parseInterpolation(rest.slice(op.length)) });
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
    const m = NAME.exec(s.slice(i + 1));
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
  return segments.some((s) => s.kind !== 'text');
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
}

/** Expands parsed segments with `lookup`; never executes anything. */
export function expand(segments: Segment[], lookup: (name: string) => LookupResult): ExpandResult {
  const res: ExpandResult = { value: '', unresolved: [], commandSubstitutions: 0, references: [] };
  const sub = (segs: Segment[]) => {
    const r = expand(segs, lookup);
    res.unresolved.push(...r.unresolved);
    res.commandSubstitutions += r.commandSubstitutions;
    res.references.push(...r.references);
    return r.value;
  };
  for (const s of segments) {
    if (s.kind === 'text') {
      res.value += s.text;
      continue;
    }
    if (s.kind === 'command') {
      res.commandSubstitutions++;
      res.value += s.text;
      continue;
    }
    res.references.push(s.name);
    const v = lookup(s.name);
    const set = v.defined && !v.unresolved;
    const nonEmpty = set && v.value !== '';
    switch (s.op) {
      case undefined:
        if (!set) res.unresolved.push({ name: s.name, required: false });
        res.value += set ? v.value : '';
        break;
      case ':-':
      case ':=':
        res.value += nonEmpty ? v.value : sub(s.word ?? []);
        break;
      case '-':
      case '=':
        res.value += set ? v.value : sub(s.word ?? []);
        break;
      case ':?':
        if (!nonEmpty) res.unresolved.push({ name: s.name, required: true });
        res.value += nonEmpty ? v.value : '';
        break;
      case '?':
        if (!set) res.unresolved.push({ name: s.name, required: true });
        res.value += set ? v.value : '';
        break;
      case ':+':
        res.value += nonEmpty ? sub(s.word ?? []) : '';
        break;
      case '+':
        res.value += set ? sub(s.word ?? []) : '';
        break;
    }
  }
  return res;
}
