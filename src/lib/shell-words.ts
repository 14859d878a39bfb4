/** Shell keywords and prefixes that come before the program of a command. */
export const KEYWORD_PREFIX = new Set(['then', 'do', 'else', 'elif', 'if', 'while', 'until', '!', 'time', '{', 'exec', 'nohup', 'command']);

/** argv without leading shell keywords, `exec`, `VAR=value` assignments and `env [-i] VAR=value`. */
export function commandWords(argv: readonly string[]): string[] {
  let i = 0;
  for (; ;) {
    const w = argv[i];
    if (w === undefined) break;
    if (KEYWORD_PREFIX.has(w)) i++;
    else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) i++;
    else if (w === 'env' || w === '/usr/bin/env') {
      i++;
      while (argv[i] !== undefined && (argv[i]!.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[i]!))) i++;
    } else break;
  }
  return argv.slice(i);
}
