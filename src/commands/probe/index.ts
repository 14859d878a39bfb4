/**
 * `probe()`: gather facts about a live site (or read saved ones), judge them with the `probe`
 * rules, grade the result. The CLI (`honban probe`) is a thin layer over this.
 */
import { performance } from 'node:perf_hooks';
import type { HonbanConfig } from '../../contracts/config.js';
import { runPipeline, selectRules, type PipelineResult } from '../../engine/pipeline.js';
import { normalizeEnvName } from '../../lib/environment.js';
import type { FailOn, Lang, ReportError, Rule } from '../../contracts/types.js';
import type { ProbeResponse, ProbeTls } from '../../facts/probe.js';
import { factsFile, loadFacts, saveFacts, type FactsFile } from './facts-file.js';
import { gradeOf, headline, type GradeResult } from './grade.js';
import { resolveOptions, type ProbeOptions } from '../../collect/probe/options.js';

export interface ProbeRunOptions extends Partial<ProbeOptions> {
  environment?: string;
  lang?: Lang;
  failOn?: FailOn;
  config?: HonbanConfig;
  /** Write the gathered facts (secrets masked) to this file. */
  saveFacts?: string;
  /** Judge facts saved earlier instead of gathering (no network). */
  fromFacts?: string;
  baseline?: string;
  writeBaseline?: string;
  /** Restrict to these rules (tests). */
  rules?: Rule<any>[];
  now?: Date;
  onProgress?: (m: string) => void;
}

export interface ProbeResult extends PipelineResult {
  facts: FactsFile;
  grade: GradeResult;
}

/** Certificate refusals of HTTPS requests are one root cause, reported by the tls/* rules: say so once. */
function certificateNote(facts: FactsFile['facts'], insecure: boolean): ReportError | undefined {
  if (insecure) return undefined;
  const t = facts.probeTls?.[0] as ProbeTls | undefined;
  if (!t || !t.chain.length || (t.trusted && t.hostnameMatches)) return undefined;
  const main = (facts.probeResponse as ProbeResponse[] | undefined)?.find((r) => r.role === 'main' && r.hop === 0);
  if (!main?.errorCode) return undefined;
  return {
    kind: 'collector',
    file: t.file,
    message: `HTTPS requests were refused (${main.errorCode}) because the certificate is not accepted for this host (see the tls/* findings); header, cookie, CORS and debug checks did not run — pass --ca FILE for an internal CA, or --insecure to check the rest anyway`,
  };
}

/** Findings that mean nothing of the site could be checked (exit 2). */
export const UNREACHABLE_RULES: ReadonlySet<string> = new Set(['dns/unresolved', 'http/unreachable']);

export async function probe(o: ProbeRunOptions): Promise<ProbeResult> {
  const t0 = performance.now();
  const config = o.config ?? {};
  const environment = normalizeEnvName(o.environment ?? config.environment ?? 'production');
  let data: FactsFile;
  let replayed: string | undefined;
  let secrets: Iterable<string> = [];
  if (o.fromFacts) {
    data = await loadFacts(o.fromFacts);
    replayed = o.fromFacts;
    // Facts carry the environment they were gathered for; judge them for the one asked now.
    for (const list of Object.values(data.facts)) for (const f of list ?? []) f.environment = environment;
  } else {
    if (!o.url) throw new Error('probe: url is required');
    const resolved = resolveOptions(o as ProbeOptions);
    const { gatherAll } = await import('../../collect/probe/gather.js');
    const g = await gatherAll(resolved, { environment, now: o.now, onProgress: o.onProgress });
    secrets = g.store.secrets;
    const note = certificateNote(g.store.facts, resolved.insecure);
    if (note) g.store.errors.push(note);
    data = factsFile(
      {
        target: resolved.url.href,
        gatheredAt: (o.now ?? new Date()).toISOString(),
        facts: g.store.facts,
        errors: g.store.errors,
        timing: { ...g.store.timing, total: g.totalMs },
        urls: g.urls,
      },
      g.store.secrets,
    );
  }
  // Rules judge the masked facts: a live run and its replay give the same findings.
  // The probe pipeline runs the rules whose command is probe (they read probe facts only).
  const all = o.rules ?? (await (await import('../../rules/catalog.js')).loadRulesOfCommand('probe'));
  const { rules, severities, options } = selectRules([...all, ...(o.rules ? [] : (config.pluginRules ?? []))], 'probe', environment, config);
  const lang = o.lang ?? config.lang ?? 'en';
  const result = await runPipeline({
    command: 'probe',
    target: [data.target],
    environment,
    lang,
    failOn: o.failOn ?? config.failOn ?? 'high',
    config,
    rules,
    severities,
    options,
    facts: data.facts,
    errors: data.errors,
    secrets,
    baseline: o.baseline,
    writeBaseline: o.writeBaseline,
    scanned: data.urls,
    now: o.now,
  });
  // A site that does not answer at all could not be checked: exit 2, whatever --fail-on says.
  if (result.report.findings.some((f) => UNREACHABLE_RULES.has(f.ruleId))) result.report.exitCode = 2;
  const grade = gradeOf(result.report.findings);
  const totalMs = Math.round(replayed ? (data.timing.total ?? 0) : performance.now() - t0);
  result.report.extra = {
    grade: grade.grade,
    score: grade.score,
    caps: grade.caps,
    deductions: grade.deductions,
    headline: headline(grade, lang, { totalMs, ...(replayed ? { replayed } : {}) }),
    gatheredAt: data.gatheredAt,
    timing: { totalMs, gatherers: data.timing },
    ...(replayed ? { replayedFrom: replayed } : {}),
  };
  if (o.saveFacts) await saveFacts(o.saveFacts, data);
  return { ...result, facts: data, grade };
}

export { resolveOptions, type ProbeOptions } from '../../collect/probe/options.js';
export { gradeOf, type GradeResult } from './grade.js';
