/**
 * honban's public API: `scan()`, `defineRule`, the Report / Finding types and the reporters.
 */
export { scan, type ScanOptions } from './commands/scan.js';
export { defineRule } from './rules/define.js';
export { render, FORMATS, type Format } from './report/index.js';
export { ALL_RULES } from './rules/index.js';
export { VERSION } from './contracts/version.js';
export type { Finding, Report, ReportError, Rule, RuleContext, RuleMeta, Severity, Localized, FailOn, Lang, EnvName } from './contracts/types.js';
export { checkEnv, diffEnv } from './commands/env/index.js';
export { probe, type ProbeRunOptions } from './commands/probe/index.js';
export { host, judgeHostFacts, loadHostFacts, gatherHostFacts, type HostRunOptions, type HostRecord } from './commands/host/index.js';
export { check, type CheckOptions, type CheckResult } from './commands/check/run.js';
export type { Readiness, ReadinessItem, RunSummary, Verdict, FindingSource } from './contracts/types.js';
