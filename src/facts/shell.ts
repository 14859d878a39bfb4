/** Fact `shell`: commands and file writes of a shell script (collected by src/collect/shell.ts), and accessors over command words. */
import type { CommandLine } from './common.js';
import type { EnvName } from '../contracts/types.js';
import type { ShellWord, ShellCommand } from '../lib/shell.js';

export type { ShellWord, ShellRedirect, ShellHeredoc, ShellCommand } from '../lib/shell.js';

export const WRAPPERS = new Set(['sudo', 'env', 'exec', 'nohup', 'time', 'command', 'builtin', 'doas']);

/** Index of the program word, skipping wrappers (`sudo -E -u app`, `env A=1`). */
export function programIndex(words: readonly ShellWord[]): number {
  let k = 0;
  while (k < words.length) {
    const w = words[k]!.value;
    const base = w.split('/').pop()!;
    if (!WRAPPERS.has(base)) break;
    k++;
    while (k < words.length && (words[k]!.value.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[k]!.value))) {
      // sudo -u user / -g group take a value.
      const opt = words[k]!.value;
      k += base === 'sudo' && /^-[ugCDhpr]$/.test(opt) ? 2 : 1;
    }
  }
  return k;
}

export function programName(cmd: ShellCommand): string | undefined {
  const w = cmd.words[programIndex(cmd.words)];
  return w?.value.split('/').pop();
}
/** A `KEY=value` line a script writes into a file. */
export interface WrittenEntry {
  key: string;
  value: string;
  line: number;
  column: number;
  /** The value contains expansion syntax ($VAR, $(…), `…`). */
  hasExpansion: boolean;
  /** …and the shell expands it (false: written literally, e.g. in a <<'EOF' heredoc). */
  expanded: boolean;
}

/** A script writing `KEY=value` lines into a file (echo / printf / cat <<EOF / tee). */
export interface ShellFileWrite {
  target: string;
  targetLine: number;
  targetColumn: number;
  append: boolean;
  via: 'heredoc' | 'echo' | 'printf';
  line: number;
  column: number;
  entries: WrittenEntry[];
}

export interface ShellFact {
  file: string;
  environment: EnvName;
  /** Every simple command as a CommandLine (source `shell`), for other domains' command-line rules. */
  commands: CommandLine[];
  simple: ShellCommand[];
  writes: ShellFileWrite[];
}

declare module '../contracts/types.js' {
  interface FactTypes {
    shell: ShellFact;
  }
}
