/**
 * Core contracts of honban (see ../shared/DESIGN.md, "Contracts").
 * Everything else plugs into these types.
 */

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type FailOn = Severity | 'none';

export const LANGS = ['en', 'ja'] as const;
export type Lang = (typeof LANGS)[number];

/** Text in both languages we ship. */
export interface Localized {
  en: string;
  ja: string;
}

export type FindingStatus = 'open' | 'suppressed' | 'waived' | 'baseline';

/** Environment names: any string; these are the well-known ones. */
export type EnvName = string;
export const KNOWN_ENVIRONMENTS = ['production', 'staging', 'development', 'test'] as const;
/** A file that counts for every environment. */
export const SHARED = 'shared';
/** A template (`.env.example`, …): documents variables, belongs to no environment. */
export const TEMPLATE = 'template';
/**
 * CI configuration (`.github/workflows/`, `.gitlab-ci.yml`, …): its own environment, judged only by
 * rules of scope `all` (committed credentials); service containers there are throw-away.
 */
export const CI = 'ci';
/** Usage examples and documentation (`examples/`, `docs/`, `*.md`): not a deployment of this repository. */
export const EXAMPLE = 'example';

export type FileKind =
  | 'dotenv'
  | 'dockerfile'
  | 'dockerignore'
  | 'compose'
  | 'kubernetes'
  | 'yaml'
  | 'json'
  /** `terraform show -json` output of a plan (recognised by content). */
  | 'tfplan'
  | 'python'
  | 'ruby'
  | 'javascript'
  | 'typescript'
  | 'html'
  | 'nginx'
  | 'systemd'
  | 'terraform'
  | 'tfvars'
  | 'shell'
  | 'sshd'
  | 'procfile'
  | 'gitignore'
  | 'text';

/** One file honban looked at. */
export interface SourceFile {
  /** POSIX path relative to the scanned root. */
  path: string;
  /** Absolute path on disk (absent for in-memory files). */
  absPath?: string;
  content: string;
  kind: FileKind;
  /** Environment this file belongs to: a name, SHARED, or TEMPLATE. */
  environment: EnvName;
  /** Git would not commit this file (.gitignore) and it is not tracked. */
  gitIgnored: boolean;
  /** Git tracks this file (known only inside a git work tree). */
  gitTracked?: boolean;
  /** File mode bits (permissions), when read from disk. */
  mode?: number;
  /** Bytes on disk, when read from disk (the pool starts the largest files first without reading them). */
  size?: number;
  /**
   * sha256 of `content` (base64url), when discovery knows it without reading the file (the file
   * index of the cache: same size, mtime, ctime and inode as when it was hashed). `content` is then
   * read from disk on first use.
   */
  hash?: string;
}

/** A position inside a file (1-based). */
export interface Position {
  line: number;
  column: number;
}

export interface References {
  cwe?: string[];
  /** The equivalent ids in other tools (hadolint DL3002, Checkov CKV_AWS_17, Django security.W004 …). */
  equivalents?: string[];
  urls?: string[];
}

/** What a rule reports through its context. */
export interface ReportInput {
  /** File path (relative POSIX) or URL. */
  file: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** What is wrong; starts with the problem, names the key, never the secret value. */
  message: Localized;
  /** Overrides the rule's default severity for this one finding. */
  severity?: Severity;
  /** Short, already safe excerpt (never a secret value). */
  evidence?: string;
  /** A more specific fix than the rule's generic one. */
  fix?: Localized;
  /** Content used for the baseline fingerprint instead of the source line. */
  fingerprint?: string;
  /** The variable / key the finding is about (env findings). */
  key?: string;
  /** Secret values that must never appear in output: the masking step removes them. */
  secrets?: string[];
}

export interface RuleContext {
  /** The target environment (e.g. production). */
  readonly environment: EnvName;
  /** True when facts of environment `env` count for the target (the target itself or SHARED). */
  judges(env: EnvName): boolean;
  /** Rule options from honban.yml, if any. */
  readonly options: Record<string, unknown>;
  report(input: ReportInput): void;
}

/** A map from fact name to fact type; collectors extend it by declaration merging. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface FactTypes {}

export type FactName = keyof FactTypes & string;

/** What a rule receives: for every fact it declares, the facts of the files it judges. */
export type Facts<N extends FactName = FactName> = { [K in N]: FactTypes[K][] };

/** The commands whose pipelines run rules. */
export type RuleCommand = 'scan' | 'env' | 'probe' | 'host';

/** The commands that run a rule (`command` omitted: scan). */
export function ruleCommands(r: Pick<RuleMeta, 'command'>): readonly RuleCommand[] {
  return r.command === undefined ? ['scan'] : typeof r.command === 'string' ? [r.command] : r.command;
}

export interface RuleMeta<N extends FactName = FactName> {
  /** `<domain>/<noun-for-the-failing-state>` */
  id: string;
  severity: Severity;
  /**
   * Target environments this rule judges (e.g. ['production', 'staging']).
   * Omitted: every target environment.
   */
  environments?: EnvName[];
  /**
   * Which files the rule sees: `target` (default) only facts from files of the target environment
   * and shared files; `all` facts from every file (e.g. leaked credentials: wrong in any file).
   */
  scope?: 'target' | 'all';
  /** The facts this rule needs. Collectors run only for facts some enabled rule needs. */
  facts: readonly N[];
  title: Localized;
  description: Localized;
  fix: Localized;
  references?: References;
  /**
   * Which command's pipeline runs the rule (default scan). A rule over facts both pipelines make
   * (an `envVar` from a repository's .env files and from a resolved environment) lists both.
   */
  command?: RuleCommand | readonly RuleCommand[];
  /** Documentation of the rule (plugin rules; honban's own rules link to docs/rules.md). */
  docsUrl?: string;
  /**
   * Rules whose finding on the same file and line is the same problem seen from another side
   * (a compose secret that is also a known credential format): one finding is kept, the more severe;
   * on a tie, the one whose rule is not `secret/*`.
   */
  duplicates?: readonly string[];
}

export interface Rule<N extends FactName = FactName> extends RuleMeta<N> {
  check(facts: Facts<N>, ctx: RuleContext): void | Promise<void>;
}

/** A finding before localization (both languages kept until the report is built). */
export interface RawFinding {
  ruleId: string;
  severity: Severity;
  message: Localized;
  file: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  fix: Localized;
  evidence?: string;
  key?: string;
  status: FindingStatus;
  /** Why it is not open (suppression / waiver reason, …). */
  statusReason?: string;
  owner?: string;
  until?: string;
  /** Stable content fingerprint (rule, file, normalized content), hex. */
  fingerprint: string;
  /** Temporary: secret values to mask; removed by the masking step. */
  secrets?: string[];
}

/** Which part of `honban check` produced a finding. */
export const FINDING_SOURCES = ['scan', 'env', 'probe', 'host'] as const;
export type FindingSource = (typeof FINDING_SOURCES)[number];

/** The Finding contract (DESIGN.md). */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  status: FindingStatus;
  statusReason?: string;
  owner?: string;
  until?: string;
  fix: string;
  docsUrl: string;
  evidence?: string;
  key?: string;
  fingerprint: string;
  /** The command that found it (set by `honban check`, which joins several). */
  source?: FindingSource;
}

export interface ReportError {
  /** `limit`: a bounded resource (interpolation depth, size, chain length) stopped the work. */
  kind: 'parse' | 'rule' | 'read' | 'config' | 'collector' | 'limit';
  message: string;
  file?: string;
  line?: number;
  column?: number;
  ruleId?: string;
  /** The part of `honban check` it came from. */
  source?: FindingSource;
}

export interface RuleSummary {
  id: string;
  severity: Severity;
  title: string;
  description: string;
  fix: string;
  docsUrl: string;
  references?: References;
}

export interface Summary {
  critical: number;
  high: number;
  medium: number;
  low: number;
  info: number;
}

export interface Report {
  schemaVersion: 1;
  tool: { name: 'honban'; version: string };
  command: 'scan' | 'env' | 'probe' | string;
  /** What was examined: paths or a URL. */
  target: string[];
  /**
   * Absolute directory the findings' file paths are relative to (absent for live checks and
   * in-memory scans). SARIF, GitHub and GitLab output re-base paths on the repository root with it.
   */
  root?: string;
  /** A baseline was applied: open findings are new, `baseline` ones were recorded before. */
  baselineApplied?: boolean;
  environment: EnvName;
  lang: Lang;
  failOn: FailOn;
  findings: Finding[];
  /** Open findings by severity. */
  summary: Summary;
  /** Findings by status. */
  statusCounts: Record<FindingStatus, number>;
  errors: ReportError[];
  /** Files (and directories) not read, with the reason: nothing is skipped silently. */
  skipped: Skipped[];
  /** Every rule that ran (for SARIF / JUnit). */
  rules: RuleSummary[];
  /** Number of files (or URLs / variables) examined. */
  scanned: number;
  /**
   * Exit code this report implies: 0 or 1 by --fail-on; 2 when the target could not be checked at
   * all (a probed site that does not answer). Other exit-2 cases end before a report exists.
   */
  exitCode: 0 | 1 | 2;
  /** Extra, command-specific data (e.g. the probe's grade). */
  extra?: Record<string, unknown>;
  /** The go-live verdict and the checklist (`honban check` only). */
  readiness?: Readiness;
}

// ── readiness (honban check) ────────────────────────────────────────────────────────────────────

export const VERDICTS = ['ready', 'ready-with-waivers', 'not-ready'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const PRIORITIES = ['P0', 'P1', 'P2'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const MANUAL_STATUSES = ['todo', 'done', 'deferred', 'skipped', 'not-applicable'] as const;
export type ManualStatus = (typeof MANUAL_STATUSES)[number];
/**
 * Status of a checklist item as reported: the manual statuses, and for automated items `passed`,
 * `failed` (an open finding), `waived` (findings, all waived) or `not-run` (none of its rules ran,
 * e.g. `tls/*` without --url). `stale`: done, but the attestation is older than `reattest`;
 * `expired`: deferred / skipped / not-applicable after `until`.
 */
export type ItemStatus = ManualStatus | 'passed' | 'failed' | 'waived' | 'not-run' | 'stale' | 'expired';
/** What the status means for the verdict: met, open (a gap), or waived (accepted for now). */
export type ItemState = 'met' | 'open' | 'waived';

export interface ReadinessItem {
  id: string;
  title: string;
  kind: 'automated' | 'manual';
  priority: Priority;
  owner?: string;
  due?: string;
  status: ItemStatus;
  state: ItemState;
  reason?: string;
  until?: string;
  evidence?: string;
  attested?: { by: string; on: string };
  /** Automated items: the rule ids / globs it is bound to. */
  checks?: string[];
  /** Automated items: matching findings that are open (manual items: 0). */
  findings: number;
  /** Open and past its due date. */
  overdue?: boolean;
  /** Why the status is what it is, when it is not obvious (expired deferral, stale attestation …). */
  note?: string;
}

/** One stored run, as the trend chart and `honban history` show it. */
export interface RunSummary {
  id: number;
  at: string;
  commit?: string;
  branch?: string;
  environment: string;
  verdict: Verdict;
  /** Open findings by severity. */
  summary: Summary;
  /** Findings by status. */
  statusCounts?: Record<FindingStatus, number>;
  /** Checklist items: all, and open ones. */
  checklist?: { total: number; open: number };
}

export interface Readiness {
  verdict: Verdict;
  /** When the verdict was given (ISO 8601). */
  at: string;
  commit?: string;
  branch?: string;
  /** The project key of the history store (from the git remote). */
  project?: string;
  items: ReadinessItem[];
  /**
   * Which parts ran (and why one did not). `failed`: the part was asked for but could not run —
   * the probe's site did not answer (`ran` is false); the verdict is then never `ready`.
   */
  sources: { source: FindingSource; ran: boolean; failed?: boolean; target?: string; scanned?: number; note?: string }[];
  /** Why the verdict is what it is, one line each (most important first). */
  reasons: string[];
  /** The run's id in the history store (absent with --no-history). */
  runId?: number;
  /** Where the run was stored (a path, or a URL without its password). */
  store?: string;
  /** Stored runs up to and including this one, oldest first (the trend chart). */
  history?: RunSummary[];
}

/** Why a file was not read. */
export type SkipReason = 'unreadable' | 'too-large' | 'binary' | 'encoding' | 'symlink' | 'special-file';

export const SKIP_REASONS: readonly SkipReason[] = ['unreadable', 'too-large', 'binary', 'encoding', 'symlink', 'special-file'];

/** A file (or directory) honban did not read, and why. */
export interface Skipped {
  /** POSIX path relative to the scanned root (or as given). */
  path: string;
  reason: SkipReason;
  /** One line: `permission denied`, `FIFO`, `2.3 MiB (limit 1 MiB)` … never file content. */
  detail?: string;
}
