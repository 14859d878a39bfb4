/**
 * gunicorn deployments as the target runs them: each gunicorn command line (Procfile, Dockerfile,
 * compose, systemd) with the configuration file it loads (`-c`, or ./gunicorn.conf.py by default),
 * command-line options overriding the file; plus configuration files no command references.
 */
import { deployCommands, invocations, optionValue } from '../../facts/commands.js';
import { judged } from '../../facts/python/query.js';
import type { PythonFact } from '../../facts/python/types.js';
import type { CommandLine } from '../../facts/common.js';
import type { RuleContext } from '../../contracts/types.js';

export type SettingName = 'workers' | 'threads' | 'reload' | 'loglevel' | 'timeout' | 'max_requests' | 'worker_class';

export interface GSetting {
  /** Resolved value; undefined when set but unknown (`$WEB_CONCURRENCY`, a computed expression). */
  value: string | number | boolean | null | undefined;
  /** Comes from an environment variable's fallback. */
  envNames?: string[];
  file: string;
  line: number;
  column: number;
  /** Where it was set: `command` or `config`. */
  from: 'command' | 'config';
}

export interface Deployment {
  command?: CommandLine;
  config?: PythonFact;
  settings: Partial<Record<SettingName, GSetting>>;
  /** Some settings may come from outside what honban sees (GUNICORN_CMD_ARGS, WEB_CONCURRENCY, Heroku). */
  external: Set<SettingName>;
  /** Where a finding about a missing setting points. */
  anchor: { file: string; line: number; column: number };
}

const CLI: Record<SettingName, { names: string[]; flag?: boolean }> = {
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

function configSettings(fact: PythonFact, ctx: RuleContext): Partial<Record<SettingName, GSetting>> {
  const out: Partial<Record<SettingName, GSetting>> = {};
  for (const a of judged(fact.assignments, ctx)) {
    if (a.via !== 'module' || !(a.key in CLI)) continue;
    const r = a.value.resolved;
    out[a.key as SettingName] = {
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

export function deployments(facts: Record<string, unknown>, ctx: RuleContext): Deployment[] {
  const python = (facts.python as PythonFact[] | undefined) ?? [];
  const configs = python.filter((f) => f.gunicornConfig);
  const used = new Set<PythonFact>();
  const out: Deployment[] = [];
  for (const cmd of deployCommands(facts)) {
    for (const inv of invocations(cmd)) {
      if (inv.kind !== 'gunicorn') continue;
      const c = optionValue(inv.args, ['-c', '--config']);
      // A file the command names with --config is gunicorn configuration whatever its name (contrib/gunicorn.py).
      const config = findConfig(configs, c?.value) ?? (c?.value ? findConfig(python, c.value) : undefined);
      if (config) used.add(config);
      const settings = config ? configSettings(config, ctx) : {};
      for (const [name, spec] of Object.entries(CLI) as [SettingName, (typeof CLI)[SettingName]][]) {
        const o = optionValue(inv.args, spec.names, spec.flag);
        if (o) settings[name] = { value: cliValue(o.value, spec.flag), file: cmd.file, line: cmd.line, column: cmd.column, from: 'command' };
      }
      const external = new Set<SettingName>();
      // GUNICORN_CMD_ARGS, or a configuration file that did not parse: any setting may be set where honban cannot see.
      if (/GUNICORN_CMD_ARGS/.test(cmd.text) || config?.parseError) for (const k of Object.keys(CLI)) external.add(k as SettingName);
      // WEB_CONCURRENCY sets the default worker count (Heroku sets it per dyno size).
      if (cmd.source === 'procfile' || /WEB_CONCURRENCY/.test(cmd.text)) external.add('workers');
      out.push({ command: cmd, config, settings, external, anchor: { file: cmd.file, line: cmd.line, column: cmd.column } });
    }
  }
  for (const config of configs) {
    if (used.has(config) || !ctx.judges(config.environment)) continue;
    out.push({ config, settings: configSettings(config, ctx), external: new Set(config.parseError ? (Object.keys(CLI) as SettingName[]) : []), anchor: { file: config.file, line: 1, column: 1 } });
  }
  return out;
}

/** A short label for messages: `Procfile:1 (gunicorn)` or `gunicorn.conf.py`. */
export function label(d: Deployment): string {
  if (d.command) return `${d.command.file}:${d.command.line}${d.config ? ` with ${d.config.file}` : ''}`;
  return d.config!.file;
}
