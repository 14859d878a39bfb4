/**
 * The history store of `honban check`: every run (time, commit, branch, environment, verdict,
 * counts), its findings by fingerprint with status, and its checklist item states. Never a value:
 * findings carry their (already masked) message, never evidence or secrets.
 */
import type { FindingSource, FindingStatus, ItemState, ItemStatus, Priority, RunSummary, Severity, Verdict } from '../../contracts/types.js';

export interface StoredFinding {
  /** Fingerprint, with `#2`, `#3` … for further findings of the same fingerprint in one run. */
  key: string;
  ruleId: string;
  file: string;
  line?: number;
  severity: Severity;
  status: FindingStatus;
  source: FindingSource;
  message: string;
}

export interface StoredItem {
  id: string;
  title: string;
  kind: 'automated' | 'manual';
  priority: Priority;
  status: ItemStatus;
  state: ItemState;
  findings: number;
  owner?: string;
  due?: string;
  until?: string;
}

/** What `honban check` stores for one run. */
export interface RunInput {
  project: string;
  at: string;
  commit?: string;
  branch?: string;
  environment: string;
  verdict: Verdict;
  failOn: string;
  summary: RunSummary['summary'];
  statusCounts: Record<FindingStatus, number>;
  sources: FindingSource[];
  /** The parts asked for that could not run (the probe's site did not answer). */
  failed?: FindingSource[];
  /**
   * What the run could not judge: files that failed to parse or read (`ruleId` absent), or one rule
   * on one file that failed. A finding of an earlier run there is not "fixed" in `history diff`.
   */
  unjudged?: Unjudged[];
  toolVersion: string;
  durationMs?: number;
  findings: StoredFinding[];
  items: StoredItem[];
}

export interface Unjudged {
  file: string;
  ruleId?: string;
}

export interface RunDetail extends RunSummary {
  project: string;
  /** The parts that ran (scan, env, probe, host). */
  sources: FindingSource[];
  /** The parts asked for that could not run. */
  failed: FindingSource[];
  unjudged: Unjudged[];
  findings: StoredFinding[];
  items: StoredItem[];
}

/** Retention: runs older than `days`, or beyond the newest `runs`, are deleted. */
export interface Keep {
  days?: number;
  runs?: number;
}

export interface HistoryStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Where it is: a path, or a URL without its password. */
  readonly location: string;
  /** Stores one run in one transaction; returns its id. */
  record(run: RunInput): Promise<number>;
  /** Runs of a project, newest first. */
  runs(project: string, opts?: { limit?: number; environment?: string }): Promise<RunSummary[]>;
  run(project: string, id: number): Promise<RunDetail | undefined>;
  /** Several runs at once (fewer round trips to a server), in the order of `ids`. */
  details(project: string, ids: readonly number[]): Promise<(RunDetail | undefined)[]>;
  /** Deletes runs beyond the retention; returns how many. */
  prune(project: string, keep: Keep, now: Date): Promise<number>;
  /** The schema version the store is at. */
  version(): Promise<number>;
  /** Rows kept for a project (runs, distinct findings, items) and the store's size on disk in bytes. */
  stats(project?: string): Promise<{ runs: number; findings: number; runFindings: number; items: number; bytes: number }>;
  close(): Promise<void>;
}
