/**
 * V8's optimising compiler (TurboFan) in a short command-line run.
 *
 * TurboFan compiles a hot function in a background thread and pays that back only after the
 * function has run many more times. A scan of a few thousand files ends before it does: measured on
 * two cores (docs/decisions.md, "Speed"), a 1,000-file scan took 14 % longer with TurboFan than
 * without it, a 4,000-file scan 6 % longer, an 8,000-file scan 9 % shorter — the compilations run
 * on the same two cores as the workers that wait for them, and each worker compiles the same
 * collectors again.
 *
 * So the command line (bin/honban.js, never the library: a host program's JIT is not ours to touch)
 * starts with TurboFan off, and the engine turns it back on when a scan has enough to do to repay it.
 * Flags are per process: the worker threads started afterwards follow them. Baseline compilation
 * (Sparkplug, and Maglev where the Node version enables it) is untouched.
 */
import { setFlagsFromString } from 'node:v8';

/** From this many parse tasks on, the optimising compiler repays its compilations. */
export const OPTIMISE_FROM_TASKS = 5_000;

let deferred = false;

/** Turns TurboFan off for this process until `optimiseIfLong` finds a long run. CLI only. */
export function deferOptimisation(): void {
  setFlagsFromString('--no-turbofan');
  deferred = true;
}

/** Turns TurboFan back on (when the CLI deferred it) for a run of `tasks` parse tasks or more. */
export function optimiseIfLong(tasks: number): boolean {
  if (!deferred || tasks < OPTIMISE_FROM_TASKS) return false;
  setFlagsFromString('--turbofan');
  deferred = false;
  return true;
}
