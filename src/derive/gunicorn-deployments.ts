/**
 * Deriver `gunicornDeployment`: gunicorn deployments as the target runs them — each gunicorn
 * command line (Procfile, Dockerfile, compose, systemd) with the configuration file it loads (`-c`,
 * or ./gunicorn.conf.py by default), command-line options overriding the file; plus configuration
 * files no command references. Computed once for the gunicorn rules.
 */
import type { Deriver } from '../contracts/collector.js';
import type { EnvName } from '../contracts/types.js';
import { optionValue } from '../facts/commands.js';
import { DEPLOY_SOURCES, deployCommandsOf, type GunicornDeploymentFact, type GunicornSetting, type GunicornSettingName } from '../facts/deployments.js';
import type { PythonFact } from '../facts/python/types.js';
import { judges } from '../lib/environment.js';

const CLI: Record<GunicornSettingName, { names: string[]; flag?: boolean }> = {
  workers: { names: ['-w', '--workers'] },
  threads: { names: ['--threads'] },
  reload: { names: ['--reload'], flag: true },
  loglevel: { names: ['--log-level'] },
  timeout: { names: ['-t', '--timeout'] },
  max_requests: { names: ['--max-requests'] },
  worker_class: { names: ['-k', '--worker-class'] },
};

function cliValue(raw: string, flag: boolean | undefined): string | number | boolean | undefined {
  if (flag) return true;
  if (/\$|`/.test(raw)) return undefined;
  return /^-?\d+$/.test(raw) ? parseInt(raw, 10) : raw;
}

function configSettings(fact: PythonFact, target: EnvName): Partial<Record<GunicornSettingName, GunicornSetting>> {
  const out: Partial<Record<GunicornSettingName, GunicornSetting>> = {};
  // The assignments the target environment sees (as rules' judged(): its own and shared ones, not shadowed for it).
  for (const a of fact.assignments.filter((x) => judges(target, x.environment) && !x.shadowedFor?.includes(target))) {
    if (a.via !== 'module' || !(a.key in CLI)) continue;
    const r = a.value.resolved;
    out[a.key as GunicornSettingName] = {
      value: r === undefined || typeof r === 'object' && r !== null ? undefined : r,
      envNames: a.value.envNames,
      file: fact.file,
      line: a.line,
      column: a.column,
      from: 'config',
    };
  }
  return out;
}

function findConfig(configs: PythonFact[], path: string | undefined): PythonFact | undefined {
  if (path === undefined) {
    // gunicorn reads ./gunicorn.conf.py when no -c is given (gunicorn ≥ 19.something / 20)
    return configs.find((c) => c.file === 'gunicorn.conf.py') ?? configs.find((c) => c.file.endsWith('/gunicorn.conf.py'));
  }
  const p = path.replace(/^python:/, '').replace(/^\.\//, '');
  if (path.startsWith('python:')) {
    const mod = p.replace(/\./g, '/') + '.py';
    return configs.find((c) => c.file === mod || c.file.endsWith('/' + mod));
  }
  const b = p.split('/').pop()!;
  return configs.find((c) => c.file === p || p.endsWith('/' + c.file) || c.file.endsWith('/' + p)) ?? configs.find((c) => c.file.split('/').pop() === b);
}

const deriver: Deriver<'gunicornDeployment'> = {
  fact: 'gunicornDeployment',
  needs: ['python', ...DEPLOY_SOURCES],
  derive(facts, ctx) {
    const target = ctx.environment;
    // The Python files the target environment sees (as the rules' view of the python fact).
    const python = (facts.python ?? []).filter((f) => judges(target, f.environment));
    const configs = python.filter((f) => f.gunicornConfig);
    const used = new Set<PythonFact>();
    const out: GunicornDeploymentFact[] = [];
    for (const cmd of deployCommandsOf(facts)) {
      if (!judges(target, cmd.environment)) continue;
      for (const inv of cmd.invocations) {
        if (inv.kind !== 'gunicorn') continue;
        const c = optionValue(inv.args, ['-c', '--config']);
        // A file the command names with --config is gunicorn configuration whatever its name (contrib/gunicorn.py).
        const config = findConfig(configs, c?.value) ?? (c?.value ? findConfig(python, c.value) : undefined);
        if (config) used.add(config);
        const settings = config ? configSettings(config, target) : {};
        for (const [name, spec] of Object.entries(CLI) as [GunicornSettingName, (typeof CLI)[GunicornSettingName]][]) {
          const o = optionValue(inv.args, spec.names, spec.flag);
          if (o) settings[name] = { value: cliValue(o.value, spec.flag), file: cmd.file, line: cmd.line, column: cmd.column, from: 'command' };
        }
        const external = new Set<GunicornSettingName>();
        // GUNICORN_CMD_ARGS, or a configuration file that did not parse: any setting may be set where honban cannot see.
        if (/GUNICORN_CMD_ARGS/.test(cmd.text) || config?.parseError) for (const k of Object.keys(CLI)) external.add(k as GunicornSettingName);
        // WEB_CONCURRENCY sets the default worker count (Heroku sets it per dyno size).
        if (cmd.source === 'procfile' || /WEB_CONCURRENCY/.test(cmd.text)) external.add('workers');
        const { invocations: _, environment, ...command } = cmd;
        out.push({ file: cmd.file, line: cmd.line, column: cmd.column, environment, command, config, settings, external: [...external] });
      }
    }
    for (const config of configs) {
      if (used.has(config)) continue;
      out.push({ file: config.file, line: 1, column: 1, environment: config.environment, config, settings: configSettings(config, target), external: config.parseError ? (Object.keys(CLI) as GunicornSettingName[]) : [] });
    }
    return out;
  },
};

export default deriver;
