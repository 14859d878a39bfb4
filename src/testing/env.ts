/**
 * Test helpers for `env` rules: run rules over an in-memory repository exactly as `honban env` would.
 */
import assert from 'node:assert/strict';
import type { HonbanConfig } from '../contracts/config.js';
import { validateConfig } from '../config/load.js';
import type { Finding, Report, Rule } from '../contracts/types.js';
import { lines } from './harness.js';
import { memoryView, type MemoryFile } from '../collect/env/fs.js';
import { resolveEnvName } from '../collect/env/layers.js';
import { runEnv, type EnvRunResult } from '../commands/env/run.js';

export interface EnvTestOptions {
  environment?: string;
  /** honban.yml text (parsed and validated; declaration lines come from it). */
  honbanYml?: string;
  config?: HonbanConfig;
  processEnv?: Record<string, string>;
  /** Absolute path of a secrets directory inside the in-memory files. */
  secretsDir?: string;
  all?: boolean;
  /** expectEnvLines only: the error entries the case is meant to produce (one pattern each, `file:line message`); default none. */
  errors?: RegExp[];
}

export async function runEnvTest(rules: Rule<any> | Rule<any>[], files: Record<string, string | MemoryFile>, opts: EnvTestOptions = {}): Promise<EnvRunResult> {
  let config: HonbanConfig = opts.config ?? {};
  if (opts.honbanYml !== undefined) {
    const { parse } = await import('yaml');
    const data = parse(opts.honbanYml) ?? {};
    const problems = validateConfig(data);
    assert.deepEqual(problems, [], 'honban.yml of the test is valid');
    config = data as HonbanConfig;
    files = { ...files, 'honban.yml': opts.honbanYml };
  }
  return runEnv({
    view: memoryView(files),
    environment: resolveEnvName(opts.environment ?? 'production', config),
    config,
    configText: opts.honbanYml,
    configDisplay: opts.honbanYml !== undefined ? 'honban.yml' : undefined,
    processEnv: opts.processEnv,
    secretsDir: opts.secretsDir,
    rules: Array.isArray(rules) ? rules : [rules],
    now: new Date('2026-06-01T00:00:00Z'),
  });
}

/** Runs `rules` and returns the open findings (all with `all`). */
export async function runEnvRules(rules: Rule<any> | Rule<any>[], files: Record<string, string | MemoryFile>, opts: EnvTestOptions = {}): Promise<Finding[]> {
  const { report } = await runEnvTest(rules, files, opts);
  return opts.all ? report.findings : report.findings.filter((f) => f.status === 'open');
}

/** Asserts the rule reports exactly these `file:line` locations (`process.env:-` without a line), and no error entry beyond `opts.errors` (like expectLines). */
export async function expectEnvLines(rule: Rule<any>, files: Record<string, string | MemoryFile>, expected: string[], opts: EnvTestOptions = {}): Promise<Finding[]> {
  const { report } = await runEnvTest(rule, files, opts);
  const findings = report.findings.filter((f) => opts.all || f.status === 'open');
  const errors = report.errors.map((e) => `${e.file ?? '-'}:${e.line ?? '-'} ${e.message}`);
  const want = opts.errors ?? [];
  assert.ok(errors.length === want.length && want.every((re, i) => re.test(errors[i]!)), `${rule.id}: the run reported ${errors.length ? `errors ${JSON.stringify(errors, null, 1)}` : 'no error'}, expected ${want.length ? want.map(String).join(', ') : 'none'}`);
  assert.deepEqual(
    lines(findings, rule.id),
    expected,
    `findings of ${rule.id}: ${JSON.stringify(findings.map((f) => `${f.file}:${f.line} [${f.key}] ${f.message}`), null, 1)}${report.errors.length ? ' errors: ' + JSON.stringify(report.errors) : ''}`,
  );
  return findings;
}

/** Every string of a report, for "never printed" assertions. */
export function reportText(report: Report): string {
  return JSON.stringify(report);
}
