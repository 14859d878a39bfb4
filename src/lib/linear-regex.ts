/**
 * Regular expressions honban does not write itself — honban.yml `pattern`, `--expect-server`, globs
 * from honban.yml, nginx `include`, sshd `Include`, Dockerfile `COPY` — run on RE2 (re2js, a pure
 * JavaScript port): matching is linear in the input whatever the pattern, so a catastrophic pattern
 * (`^(a+)+$`) or a hostile input cannot hang a run. JavaScript syntax is translated; what RE2 cannot
 * run in linear time (backreferences, lookahead) is refused with a clear message.
 */
import { RE2JS } from 're2js';

/** Longest pattern accepted (a pattern is configuration, not data). */
export const MAX_PATTERN_LENGTH = 4096;

export interface LinearRegExp {
  readonly source: string;
  /** Does the pattern match somewhere in `input` (like RegExp#test)? */
  test(input: string): boolean;
}

export interface LinearOptions {
  ignoreCase?: boolean;
  /** The source is already RE2 syntax (honban's own translations, e.g. globs). */
  re2Syntax?: boolean;
}

/** Compiles `source` (JavaScript regular-expression syntax) for linear-time matching; throws an Error with a one-line reason. */
export function linearRegExp(source: string, opts: LinearOptions = {}): LinearRegExp {
  if (source.length > MAX_PATTERN_LENGTH) throw new Error(`longer than ${MAX_PATTERN_LENGTH} characters`);
  let translated: string;
  try {
    translated = opts.re2Syntax ? source : RE2JS.translateRegExp(source);
  } catch (e) {
    throw new Error(reason(e));
  }
  let re: RE2JS;
  try {
    re = RE2JS.compile(translated, opts.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (e) {
    throw new Error(reason(e));
  }
  return {
    source,
    test: (input: string) => re.matcher(input).find(),
  };
}

/** Why a pattern is refused, or undefined when it compiles (for config validation). */
export function linearRegExpProblem(source: string): string | undefined {
  try {
    linearRegExp(source);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

function reason(e: unknown): string {
  const msg = String((e as Error)?.message ?? e).replace(/^error parsing regexp: /, '');
  if (/Perl syntax: `\(\?[=!<]/.test(msg) || /\(\?<[=!]/.test(msg)) return `uses lookahead or lookbehind, which honban does not run (patterns run in linear time: ${msg})`;
  if (/escape sequence: `\\[1-9]/.test(msg)) return `uses a backreference, which honban does not run (patterns run in linear time: ${msg})`;
  return msg;
}
