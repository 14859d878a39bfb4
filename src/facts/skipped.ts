/** Fact `skippedFile`: a file discovery did not read (src/lib/read.ts), so that a rule can judge it. */
import type { BaseFact } from '../contracts/collector.js';
import type { SkipReason } from '../contracts/types.js';

/** Facts the engine makes from discovery itself (no collector): the meta-test accepts them. */
export const DISCOVERY_FACTS: readonly string[] = ['skippedFile'];

/** A skipped file as a fact, so that a rule can judge it (a skipped `.env.production` is a finding). */
export interface SkippedFileFact extends BaseFact {
  reason: SkipReason;
  detail?: string;
}

declare module '../contracts/types.js' {
  interface FactTypes {
    skippedFile: SkippedFileFact;
  }
}
