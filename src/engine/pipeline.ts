import type { Directive } from '../lib/directives.js';
import type { HonbanConfig } from '../contracts/config.js';
import { aliasesOf } from '../lib/rule-aliases.js';
import { readBaseline, writeBaseline, type BaselineFile } from './post/baseline.js';
import { postProcess } from './post/index.js';
import { SecretMasker } from './post/mask.js';
import { crashTestWithData } from '../contracts/errors.js';
import { buildReport } from './report.js';
import type { FactStore } from '../contracts/collector.js';
import { evaluate } from './evaluate.js';
import { ruleCommands, type RuleCommand, type EnvName, type FailOn, type FileKind, type Lang, type RawFinding, type Report, type ReportError, type Rule, type Severity, type Skipped } from '../contracts/types.js';
import path from 'node:path';
import waiverExpiring from '../rules/honban/waiver-expiring.js';
import type { WaiverNotice } from './post/waiver-notice.js';
import { judges as judgesEnv } from '../lib/environment.js';

/** Rule selection and severities from honban.yml `rules:`. */
export function selectRules(all: readonly Rule<any>[], command: string, environment: EnvName, config: HonbanConfig): { rules: Rule<any>[]; severities: Record<string, Severity>; options: Record<string, Record<string, unknown>> } {
  const severities: Record<string, Severity> = {};
  const options: Record<string, Record<string, unknown>> = {};
  const rules = all.filter((r) => {
    if (!ruleCommands(r).includes(command as RuleCommand)) return false;
    if (r.environments && !r.environments.includes(environment)) return false;
    // The rule's own id wins; else a deprecated id it replaced (honban.yml written before the merge).
    const setting = config.rules?.[r.id] ?? aliasesOf(r.id).map((a) => config.rules?.[a]).find((s) => s !== undefined);
    if (setting === 'off') return false;
    if (typeof setting === 'string') severities[r.id] = setting;
    else if (setting && typeof setting === 'object') {
      if (setting.severity === 'off') return false;
      if (setting.severity) severities[r.id] = setting.severity;
      if (setting.options) options[r.id] = setting.options;
    }
    return true;
  });
  return { rules, severities, options };
}

export interface PipelineInput {
  command: string;
  target: string[];
  /** Absolute directory the facts' file paths are relative to (see Report.root). */
  root?: string;
  environment: EnvName;
  lang: Lang;
  failOn: FailOn;
  config: HonbanConfig;
  rules: Rule<any>[];
  severities?: Record<string, Severity>;
  options?: Record<string, Record<string, unknown>>;
  facts: FactStore;
  /** Source files by path (for fingerprints and inline suppressions). */
  files?: ReadonlyMap<string, { content: string; kind: FileKind; environment?: EnvName; directives?: Directive[] }>;
  /** Every rule id honban knows (built-in and plugins): honban-ignore naming another is reported. */
  knownRuleIds?: ReadonlySet<string>;
  errors?: ReportError[];
  secrets?: Iterable<string>;
  baseline?: string | BaselineFile;
  writeBaseline?: string;
  scanned: number;
  /** Files not read (discovery, env files, …), for Report.skipped. */
  skipped?: Skipped[];
  now?: Date;
  extra?: Record<string, unknown>;
  /**
   * Findings judged earlier (honban host: the deployed files' findings, judged on the host where
   * their values are): they go through waivers, baseline and the report like the rest.
   */
  prejudged?: { findings: RawFinding[]; rules: Rule<any>[]; /** Those of `rules` that had something to judge (default: all). */ judged?: string[] };
}

export interface PipelineResult {
  report: Report;
  findings: RawFinding[];
  /** Ids of the rules that had something to judge (honban check: an item whose rules judged nothing is not passed). */
  judged: string[];
}

/** Service names and image names (with their path parts) of the compose facts: identifiers, never masked. */
function deploymentNames(facts: FactStore): string[] {
  const out: string[] = [];
  for (const f of (facts.compose ?? []) as unknown as { services?: { name?: string; image?: { name?: string } }[] }[]) {
    for (const s of f.services ?? []) {
      out.push(s.name ?? '');
      const image = s.image?.name ?? '';
      out.push(image, ...image.split('/'));
    }
  }
  return out;
}

/** evaluate → post chain → Report: what every command runs once it has facts. */
export async function runPipeline(input: PipelineInput): Promise<PipelineResult> {
  const now = input.now ?? new Date();
  const masker = new SecretMasker();
  masker.exempt(deploymentNames(input.facts));
  masker.add(input.secrets ?? []);
  const evaluated = await evaluate(input.rules, input.facts, {
    environment: input.environment,
    severities: input.severities,
    options: input.options,
    sourceOf: (f) => input.files?.get(f)?.content,
  });
  const findings = input.prejudged ? [...evaluated.findings, ...input.prejudged.findings] : evaluated.findings;
  const errors = evaluated.errors;
  const notice = waiverNoticeOf(input);
  const baseline = typeof input.baseline === 'string' ? await readBaseline(input.baseline) : input.baseline;
  const duplicates = new Map<string, Set<string>>();
  for (const r of input.rules) if (r.duplicates?.length) duplicates.set(r.id, new Set(r.duplicates));
  const processed = postProcess(findings, {
    duplicates,
    files: input.files,
    waivers: input.config.waivers ?? [],
    baseline,
    today: now.toISOString().slice(0, 10),
    masker,
    ...(notice ? { waiverNotice: notice } : {}),
    ...(input.knownRuleIds
      ? {
          directives: {
            known: input.knownRuleIds,
            ran: input.rules,
            judges: (env: EnvName) => judgesEnv(input.environment, env),
            environmentOf: (file: string) => input.files?.get(file)?.environment,
            severities: input.severities,
          },
        }
      : {}),
  });
  crashTestWithData([...(input.secrets ?? []), ...findings.flatMap((f) => f.secrets ?? [])]);
  if (input.writeBaseline) await writeBaseline(input.writeBaseline, processed, now);
  const report = buildReport({
    command: input.command,
    target: input.target,
    root: input.root,
    baselineApplied: baseline !== undefined,
    environment: input.environment,
    lang: input.lang,
    failOn: input.failOn,
    findings: processed,
    errors: [...(input.errors ?? []), ...errors],
    rules: [
      ...input.rules,
      ...(input.prejudged?.rules ?? []),
      ...(notice && !input.rules.some((r) => r.id === waiverExpiring.id) && processed.some((f) => f.ruleId === waiverExpiring.id) ? [waiverExpiring] : []),
    ],
    scanned: input.scanned,
    skipped: input.skipped,
    masker,
    severities: input.severities,
    extra: input.extra,
  });
  const judged = input.prejudged ? [...evaluated.judged, ...(input.prejudged.judged ?? input.prejudged.rules.map((r) => r.id))] : evaluated.judged;
  return { report, findings: processed, judged };
}

/**
 * honban/waiver-expiring runs in every command that applies waivers (unless honban.yml turns it
 * off): its findings point at the waiver in the config file.
 */
function waiverNoticeOf(input: PipelineInput): WaiverNotice | undefined {
  const setting = input.config.rules?.[waiverExpiring.id];
  if (!input.config.waivers?.length || setting === 'off' || (typeof setting === 'object' && setting.severity === 'off')) return undefined;
  const severity = typeof setting === 'string' ? setting : typeof setting === 'object' && setting.severity ? setting.severity : waiverExpiring.severity;
  let file = 'honban.yml';
  if (input.config.source) {
    const abs = path.resolve(input.config.source);
    const rel = input.root ? path.relative(input.root, abs) : '';
    file = input.root && rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : input.config.source;
  }
  return { file, positions: input.config.positions?.waivers, severity: severity as Severity, fix: waiverExpiring.fix };
}
