/**
 * The CI integrations as written: the GitHub Action's run step (action.yml + scripts/action-run.sh)
 * executed with the environment GitHub gives it, the GitLab CI template's script, the pre-commit
 * hook definition.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { BIN, REPO } from './testing/cli.js';
import { validateSarif } from './testing/sarif.js';

interface Action {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: { id?: string; uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, string>; if?: string }[] };
}

const action = parse(readFileSync(path.join(REPO, 'action.yml'), 'utf8')) as Action;

/** `${{ inputs.x }}` and the few contexts the run step uses, as GitHub would expand them. */
function expand(value: string, inputs: Record<string, string>): string {
  return value.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_m, expr: string) => {
    if (expr.startsWith('inputs.')) return inputs[expr.slice(7)] ?? '';
    if (expr === 'github.action_path') return REPO;
    throw new Error(`unexpected expression ${expr}`);
  });
}

function runAction(overrides: Record<string, string>, cwd: string) {
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, overrides[k] ?? v.default ?? '']));
  const step = action.runs.steps.find((s) => s.id === 'run')!;
  const tmp = mkdtempSync(path.join(tmpdir(), 'honban-action-'));
  const files = { GITHUB_OUTPUT: path.join(tmp, 'output'), GITHUB_STEP_SUMMARY: path.join(tmp, 'summary.md') };
  const env: Record<string, string> = { PATH: process.env.PATH!, HOME: process.env.HOME ?? tmp, RUNNER_TEMP: tmp, GITHUB_ACTION_PATH: REPO, ...files, LANG: 'C.UTF-8' };
  for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(v, inputs);
  const r = spawnSync('bash', ['-c', expand(step.run!, inputs)], { cwd, env, encoding: 'utf8', timeout: 180_000 });
  const outputs = Object.fromEntries(
    (existsSync(files.GITHUB_OUTPUT) ? readFileSync(files.GITHUB_OUTPUT, 'utf8') : '')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  const summary = existsSync(files.GITHUB_STEP_SUMMARY) ? readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8') : '';
  return { ...r, outputs, summary };
}

test('action.yml: a composite Node action with the documented inputs and outputs; inputs reach the script only through env', () => {
  assert.equal(action.runs.using, 'composite');
  for (const k of ['command', 'path', 'env', 'fail-on', 'format', 'args', 'sarif-file', 'upload-sarif']) assert.ok(action.inputs[k]?.description, k);
  for (const k of ['exit-code', 'sarif-file', 'report-file']) assert.ok(action.outputs[k], k);
  const uses = action.runs.steps.filter((s) => s.uses).map((s) => s.uses!);
  assert.deepEqual(uses, ['actions/setup-node@v4', 'github/codeql-action/upload-sarif@v3']);
  for (const s of action.runs.steps) if (s.run) assert.ok(!/\$\{\{/.test(s.run), `expressions in a script are an injection risk: ${s.run}`);
  // Every input is used, every input used exists.
  const text = readFileSync(path.join(REPO, 'action.yml'), 'utf8');
  for (const k of Object.keys(action.inputs)) assert.ok(text.includes(`inputs.${k} }}`), `input ${k} unused`);
  for (const m of text.matchAll(/inputs\.([\w-]+)/g)) assert.ok(action.inputs[m[1]!], `unknown input ${m[1]}`);
  const docs = readFileSync(path.join(REPO, 'docs', 'ci.md'), 'utf8');
  for (const k of Object.keys(action.inputs).filter((k) => k !== 'node-version')) assert.ok(docs.includes(`| \`${k}\` |`), `docs/ci.md lacks input ${k}`);
});

test('the action on a repository: exit code, valid SARIF from the repository root, annotations in the log, the job summary', () => {
  const repo = mkdtempSync(path.join(tmpdir(), 'honban-action-repo-'));
  mkdirSync(path.join(repo, 'infra'));
  writeFileSync(path.join(repo, 'infra', 'main.tf'), 'resource "aws_db_instance" "db" {\n  engine              = "postgres"\n  publicly_accessible = true\n}\n');
  spawnSync('git', ['init', '-q', repo]);
  const r = runAction({ path: 'infra', 'sarif-file': 'out/honban.sarif' }, repo);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.outputs['exit-code'], '1');
  assert.equal(r.outputs.upload, 'true');
  const sarifPath = path.join(repo, r.outputs['sarif-file']!);
  assert.ok(existsSync(sarifPath), r.stdout + r.stderr);
  const sarif = JSON.parse(readFileSync(sarifPath, 'utf8'));
  validateSarif(sarif);
  assert.ok(sarif.runs[0].results.some((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0]!.physicalLocation.artifactLocation.uri === 'infra/main.tf'));
  assert.match(r.stdout, /^::error file=infra\/main\.tf,line=3,col=3,title=tf-aws\/rds-public%3A /m);
  assert.match(r.summary, /^### honban report — `scan`/m);
  assert.match(r.summary, /`infra\/main\.tf:3`/);
  // fail-on none: exit 0; a bad input: exit 2 with an annotation, no crash of the step.
  assert.equal(runAction({ path: 'infra', 'fail-on': 'none' }, repo).outputs['exit-code'], '0');
  const bad = runAction({ command: 'frobnicate' }, repo);
  assert.equal(bad.outputs['exit-code'], '2');
  assert.match(bad.stdout, /^::error title=honban::input 'command' must be scan, env or probe/m);
  const usage = runAction({ path: 'infra', 'fail-on': 'sometimes' }, repo);
  assert.equal(usage.outputs['exit-code'], '2');
  assert.match(usage.stderr, /honban: error: --fail-on must be one of/);
});

test('the action for env and probe: env with --process-env; probe SARIF is kept but not uploaded (URLs are not files)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'honban-action-env-'));
  writeFileSync(path.join(dir, '.env.production'), 'DEBUG=false\n');
  const env = runAction({ command: 'env', path: '.', args: '--process-env', 'fail-on': 'critical' }, dir);
  assert.ok(['0', '1'].includes(env.outputs['exit-code']!), env.stderr);
  assert.equal(env.outputs.upload, 'true');
  validateSarif(JSON.parse(readFileSync(path.join(dir, 'honban.sarif'), 'utf8')));
  const probe = runAction({ command: 'probe', path: '', args: `--from-facts ${path.join(REPO, 'test/fixtures/probe/dev-site.facts.json')}` }, dir);
  assert.equal(probe.outputs['exit-code'], '1', probe.stderr);
  assert.equal(probe.outputs.upload, 'false');
  validateSarif(JSON.parse(readFileSync(path.join(dir, 'honban.sarif'), 'utf8')));
  assert.match(probe.stdout, /^::(error|warning|notice) title=/m);
});

test('GitLab CI template: Code Quality and JUnit artifacts from one run; the job fails with honban\'s exit code', () => {
  const tpl = parse(readFileSync(path.join(REPO, 'ci', 'honban.gitlab-ci.yml'), 'utf8')) as { honban: { script: string[]; variables: Record<string, string>; artifacts: { when: string; reports: { codequality: string; junit: string } } } };
  const job = tpl.honban;
  assert.equal(job.artifacts.when, 'always');
  // `npx --yes honban …` runs this checkout's honban (a shim on PATH), as a runner would run the package.
  const shim = mkdtempSync(path.join(tmpdir(), 'honban-shim-'));
  writeFileSync(path.join(shim, 'npx'), `#!/bin/sh\n[ "$1" = --yes ] && shift\nshift\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(path.join(shim, 'npx'), 0o755);
  const project = mkdtempSync(path.join(tmpdir(), 'honban-gitlab-'));
  writeFileSync(path.join(project, 'Dockerfile'), 'FROM python:3.12-slim\nCMD ["flask", "run", "--host=0.0.0.0"]\n');
  spawnSync('git', ['init', '-q', project]);
  // GitLab runs the script lines in one shell that stops at the first failing line.
  const script = ['set -e', ...job.script].join('\n');
  const r = spawnSync('bash', ['-c', script], { cwd: project, env: { ...process.env, ...job.variables, PATH: `${shim}:${process.env.PATH}` }, encoding: 'utf8', timeout: 180_000 });
  assert.equal(r.status, 1, r.stderr);
  const cq = JSON.parse(readFileSync(path.join(project, job.artifacts.reports.codequality), 'utf8')) as { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];
  assert.ok(cq.length > 0);
  for (const i of cq) {
    assert.ok(i.description && i.check_name && /^[0-9a-f]{32}$/.test(i.fingerprint), JSON.stringify(i));
    assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(i.severity));
    assert.equal(i.location.path, 'Dockerfile');
    assert.ok(i.location.lines.begin >= 1);
  }
  assert.match(readFileSync(path.join(project, job.artifacts.reports.junit), 'utf8'), /^<\?xml[^]*<testsuites /);
  assert.match(r.stdout, /Dockerfile\n/);
});

test('.pre-commit-hooks.yaml: a node hook running `honban scan .` on the repository when a file it reads changes', () => {
  const hooks = parse(readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; args: string[]; language: string; pass_filenames: boolean; files: string }[];
  const h = hooks.find((x) => x.id === 'honban')!;
  assert.equal(h.language, 'node');
  assert.equal(h.entry, 'honban scan');
  assert.deepEqual(h.args, ['.', '--quiet']);
  assert.equal(h.pass_filenames, false);
  const re = new RegExp(h.files);
  for (const f of ['.env.production', 'deploy/Dockerfile', 'docker-compose.prod.yml', 'app/settings.py', 'infra/main.tf', 'honban.yml', 'etc/nginx/site.conf']) assert.ok(re.test(f), f);
  for (const f of ['README.md', 'logo.png']) assert.ok(!re.test(f), f);
  // What the hook runs, run: the entry is the package's bin.
  const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  assert.equal(pkg.bin[h.entry.split(' ')[0]!], 'bin/honban.js');
  const r = spawnSync(process.execPath, [BIN, ...h.entry.split(' ').slice(1), ...h.args], { cwd: path.join(REPO, 'examples', 'flask-hardened'), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});
