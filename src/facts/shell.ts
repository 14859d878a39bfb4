/** Fact `shell`: commands and file writes of a shell script (collected by src/collect/shell.ts), and accessors over command words. */
import type { CommandLine } from './common.js';
import type { EnvName } from '../contracts/types.js';
import { unwrapCommand, type ShellWord, type ShellCommand } from '../lib/shell.js';

export type { ShellWord, ShellRedirect, ShellHeredoc, ShellCommand } from '../lib/shell.js';

/** Index of the program word, skipping wrappers (`sudo -E -u app`, `env A=1`, `nohup`, `gosu user` …). */
export function programIndex(words: readonly ShellWord[]): number {
  return unwrapCommand(words.map((w) => w.value)).offset;
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
