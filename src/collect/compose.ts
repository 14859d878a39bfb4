/**
 * Docker Compose collector (`yaml` Document API with a LineCounter: every value keeps its line and
 * column). Services with image, build, environment (map and list forms), env_file (string, list,
 * long form), ports (short and long syntax), secrets, resource limits, restart, privileged, volumes,
 * host namespaces, capabilities, healthcheck, command / entrypoint, user; plus the variables the
 * file provides to the env contract. YAML anchors and merge keys (`<<: *default`) are resolved.
 * Interpolation (`${VAR}`, `${VAR:-default}`) is kept as a reference, never taken for a literal.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YNode, type YAMLMap } from 'yaml';
import type { CollectContext, Collector } from '../contracts/collector.js';
import { ParseError } from '../contracts/errors.js';
import type { CommandLine, ProvidedVar } from '../facts/common.js';
import { SHARED, type EnvName, type SourceFile } from '../contracts/types.js';
import { dirname as dirOf } from '../lib/paths.js';
import {
  fileIndex,
  joinPath,
  lookupScript,
  npmScriptsRun,
  registerValue,
  scriptCommandsAt,
  substitute,
} from './dockerfile.js';
import { parseImage } from '../lib/image-ref.js';
import { commandWords, shellScriptOf, shlexSplit } from '../lib/shell.js';
import { type Loc } from '../facts/dockerfile.js';
import { parseDotenv } from './dotenv-parse.js';
import type { Located, ComposeReference, ComposePort, ComposeEnvVar, ComposeCommand, ComposeService, ComposeEnvFile, ComposeFact } from '../facts/compose.js';

// ---------------------------------------------------------------------------------------------

const MERGE = '<<';

/** A parsed YAML document and its line counter (helpers below are shared with the kubernetes collector). */
export interface Ctx {
  doc: Document;
  lc: LineCounter;
}

export function locOf(c: Ctx, node: unknown): Loc {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  if (!range) return { line: 1, column: 1 };
  const p = c.lc.linePos(range[0]);
  return { line: p.line, column: p.col };
}

export function deref(c: Ctx, node: unknown): unknown {
  let n = node;
  for (let i = 0; i < 10 && isAlias(n); i++) n = n.resolve(c.doc);
  return n;
}

function keyText(key: unknown): string {
  if (isScalar(key)) return typeof key.value === 'symbol' ? MERGE : String(key.value);
  return String(key);
}

export interface Entry {
  key: string;
  keyNode: YNode;
  value: unknown;
}

/** The entries of a mapping, merge keys resolved (own keys win over merged ones). */
export function entries(c: Ctx, node: unknown, depth = 0): Entry[] {
  const map = deref(c, node);
  if (!isMap(map) || depth > 10) return [];
  const own: Entry[] = [];
  const merged: Entry[] = [];
  for (const item of (map as YAMLMap).items) {
    if (!isPair(item)) continue;
    const key = keyText(item.key);
    if (key === MERGE) {
      const v = deref(c, item.value);
      const sources = isSeq(v) ? v.items : [v];
      for (const s of sources) merged.push(...entries(c, s, depth + 1));
    } else {
      own.push({ key, keyNode: item.key as YNode, value: item.value });
    }
  }
  const keys = new Set(own.map((e) => e.key));
  const out = [...own];
  for (const m of merged) {
    if (!keys.has(m.key)) {
      keys.add(m.key);
      out.push(m);
    }
  }
  return out;
}

export function get(c: Ctx, node: unknown, key: string): Entry | undefined {
  return entries(c, node).find((e) => e.key === key);
}

/** A scalar as compose reads it (numbers and booleans as text); undefined for null / collections. */
export function scalarText(c: Ctx, node: unknown): string | undefined {
  const n = deref(c, node);
  if (!isScalar(n)) return undefined;
  if (n.value === null || n.value === undefined) return undefined;
  if (typeof n.value === 'string') return n.value;
  // Keep the number as written (`0777`, `1e3`) when the source is available.
  if (typeof n.source === 'string' && n.source !== '') return n.source;
  return String(n.value);
}

export function items(c: Ctx, node: unknown): unknown[] {
  const n = deref(c, node);
  return isSeq(n) ? n.items : [];
}

export function located(c: Ctx, e: Entry | undefined): Located<string> | undefined {
  if (!e) return undefined;
  const v = scalarText(c, e.value);
  if (v === undefined) return undefined;
  return { value: v, ...locOf(c, deref(c, e.value)) };
}

export function bool(c: Ctx, e: Entry | undefined): Located<boolean> | undefined {
  if (!e) return undefined;
  const n = deref(c, e.value);
  if (!isScalar(n)) return undefined;
  const v = typeof n.value === 'boolean' ? n.value : /^(true|yes|on|1)$/i.test(String(n.value));
  return { value: v, ...locOf(c, n) };
}

/** Position of a scalar's text start (after an opening quote). */
export function valueStart(c: Ctx, node: unknown): Loc {
  const n = deref(c, node);
  const p = locOf(c, n);
  if (isScalar(n) && (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE')) return { line: p.line, column: p.column + 1 };
  return p;
}

const WHOLE_REF = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])((?:[^{}]|\{[^{}]*\})*))?\}$|^\$([A-Za-z_][A-Za-z0-9_]*)$/;

/** Does a compose value interpolate variables (`$$` is a literal `$`)? */
export function isInterpolated(value: string): boolean {
  return /\$(\{|[A-Za-z_])/.test(value.replace(/\$\$/g, ''));
}

/** The reference a whole value consists of, if it is one. */
export function wholeReference(value: string): ComposeReference | undefined {
  const m = WHOLE_REF.exec(value.trim());
  if (!m) return undefined;
  if (m[4]) return { name: m[4], required: false };
  const op = m[2];
  if (op === ':-' || op === '-') return { name: m[1]!, default: m[3] ?? '', required: false };
  if (op === ':?' || op === '?') return { name: m[1]!, required: true };
  return { name: m[1]!, required: false };
}

/** Resolves interpolation with defaults only (the shell environment is unknown). */
function interp(value: string): { value: string; unresolved: boolean } {
  const r = substitute(value.replace(/\$\$/g, '\u0000'), new Map());
  return { value: r.value.replace(/\u0000/g, '$'), unresolved: r.unresolved };
}

function parsePortRange(text: string | undefined): [number, number] | undefined {
  if (!text) return undefined;
  const m = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2] ?? m[1])];
}

/** Short port syntax: `[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`, IPv6 host in brackets. */
export function parseShortPort(raw: string): Omit<ComposePort, 'line' | 'column' | 'form' | 'raw'> {
  let text = interp(raw.trim()).value;
  let protocol: string | undefined;
  const slash = text.lastIndexOf('/');
  if (slash >= 0) {
    protocol = text.slice(slash + 1);
    text = text.slice(0, slash);
  }
  let hostIp: string | undefined;
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    hostIp = text.slice(1, close);
    text = text.slice(close + 1).replace(/^:/, '');
  }
  const parts = text.split(':');
  let published: string | undefined;
  let target: string;
  if (hostIp !== undefined) {
    if (parts.length >= 2) {
      published = parts[0] || undefined;
      target = parts.slice(1).join(':');
    } else target = parts[0]!;
  } else if (parts.length === 1) {
    target = parts[0]!;
  } else if (parts.length === 2) {
    published = parts[0] || undefined;
    target = parts[1]!;
  } else {
    // ip:host:container (an IPv6 address without brackets is ambiguous; the last two are ports)
    target = parts[parts.length - 1]!;
    published = parts[parts.length - 2] || undefined;
    hostIp = parts.slice(0, -2).join(':');
  }
  return { hostIp, published, target, targetRange: parsePortRange(target), protocol };
}

function envFromList(c: Ctx, node: unknown): ComposeEnvVar[] {
  const out: ComposeEnvVar[] = [];
  for (const it of items(c, node)) {
    const text = scalarText(c, it);
    if (text === undefined) continue;
    const eq = text.indexOf('=');
    const key = (eq < 0 ? text : text.slice(0, eq)).trim();
    const value = eq < 0 ? undefined : text.slice(eq + 1);
    const start = valueStart(c, it);
    const vcol = eq < 0 ? start.column : start.column + eq + 1;
    out.push(makeEnv(key, value, start, { line: start.line, column: vcol }, 'list'));
  }
  return out;
}

function makeEnv(key: string, value: string | undefined, at: Loc, vat: Loc, form: 'map' | 'list'): ComposeEnvVar {
  const interpolated = value !== undefined && isInterpolated(value);
  return {
    key,
    value,
    interpolated,
    reference: interpolated ? wholeReference(value!) : undefined,
    line: at.line,
    column: at.column,
    valueLine: vat.line,
    valueColumn: vat.column,
    form,
  };
}

function envFromMap(c: Ctx, node: unknown): ComposeEnvVar[] {
  return entries(c, node).map((e) => {
    const value = scalarText(c, e.value);
    const at = locOf(c, e.keyNode);
    const vn = deref(c, e.value);
    const vat = vn && isScalar(vn) && vn.range ? valueStart(c, vn) : at;
    return makeEnv(e.key, value, at, vat, 'map');
  });
}

function commandOf(c: Ctx, e: Entry | undefined, kind: 'command' | 'entrypoint'): ComposeCommand | undefined {
  if (!e) return undefined;
  const n = deref(c, e.value);
  const at = locOf(c, n);
  let argv: string[];
  let form: 'string' | 'list';
  if (isSeq(n)) {
    argv = n.items.map((x) => scalarText(c, x) ?? '');
    form = 'list';
  } else {
    const text = scalarText(c, n);
    if (text === undefined) return undefined;
    argv = shlexSplit(text);
    form = 'string';
  }
  const script = shellScriptOf(argv);
  const commands = script !== undefined
    ? scriptCommandsAt(script, at)
    : [{ argv, words: argv.map((value) => ({ value, ...at })), ...at }];
  return { kind, form, argv, text: argv.join(' '), commands, ...at };
}

function serviceOf(c: Ctx, name: string, keyNode: YNode, node: unknown, composeDir: string, files: readonly SourceFile[]): ComposeService {
  const at = locOf(c, keyNode);
  const svc: ComposeService = {
    name,
    ...at,
    environment: [],
    envFiles: [],
    ports: [],
    expose: [],
    secrets: [],
    volumes: [],
    capAdd: [],
    securityOpt: [],
    profiles: [],
    scripts: [],
  };
  const byPath = fileIndex(files);

  const image = located(c, get(c, node, 'image'));
  if (image) {
    const { value: resolved, unresolved } = interp(image.value);
    const p = parseImage(resolved);
    svc.image = { raw: image.value, resolved, name: p.name, tag: p.tag, digest: p.digest, unresolved, scratch: false, line: image.line, column: image.column };
  }

  const build = get(c, node, 'build');
  if (build) {
    const bn = deref(c, build.value);
    const bat = locOf(c, build.keyNode);
    let context = '.';
    let dockerfile: string | undefined;
    let target: string | undefined;
    if (isScalar(bn)) context = scalarText(c, bn) ?? '.';
    else if (isMap(bn)) {
      context = located(c, get(c, bn, 'context'))?.value ?? '.';
      dockerfile = located(c, get(c, bn, 'dockerfile'))?.value;
      target = located(c, get(c, bn, 'target'))?.value;
    }
    context = interp(context).value;
    const remote = /^(https?:\/\/|git@|github\.com\/)/.test(context);
    const contextPath = remote ? '' : joinPath(composeDir, context);
    const dockerfilePath = joinPath(contextPath, dockerfile ? interp(dockerfile).value : 'Dockerfile');
    svc.build = { context, dockerfile, target, contextPath, dockerfilePath, ...bat };
  }

  const env = get(c, node, 'environment');
  if (env) {
    const en = deref(c, env.value);
    svc.environment = isSeq(en) ? envFromList(c, en) : envFromMap(c, en);
  }

  const envFile = get(c, node, 'env_file');
  if (envFile) {
    const en = deref(c, envFile.value);
    const list = isSeq(en) ? en.items : [en];
    for (const it of list) {
      const itn = deref(c, it);
      let path: string | undefined;
      let required = true;
      let loc = locOf(c, itn);
      if (isMap(itn)) {
        const p = located(c, get(c, itn, 'path'));
        path = p?.value;
        if (p) loc = { line: p.line, column: p.column };
        const r = bool(c, get(c, itn, 'required'));
        if (r) required = r.value;
      } else path = scalarText(c, itn);
      if (!path) continue;
      const resolved = joinPath(composeDir, interp(path).value);
      svc.envFiles.push({ path, resolved, required, found: byPath.has(resolved), ...loc });
    }
  }

  for (const it of items(c, get(c, node, 'ports')?.value)) {
    const n = deref(c, it);
    const loc = locOf(c, n);
    if (isMap(n)) {
      const target = located(c, get(c, n, 'target'))?.value ?? '';
      const publishedRaw = located(c, get(c, n, 'published'))?.value;
      const hostIp = located(c, get(c, n, 'host_ip'))?.value;
      const protocol = located(c, get(c, n, 'protocol'))?.value;
      svc.ports.push({
        raw: [hostIp, publishedRaw, target].filter(Boolean).join(':'),
        form: 'long',
        hostIp: hostIp !== undefined ? interp(hostIp).value : undefined,
        published: publishedRaw !== undefined ? interp(publishedRaw).value : undefined,
        target: interp(target).value,
        targetRange: parsePortRange(interp(target).value),
        protocol,
        ...loc,
      });
    } else {
      const raw = scalarText(c, n);
      if (raw === undefined) continue;
      svc.ports.push({ raw, form: 'short', ...parseShortPort(raw), ...valueStart(c, n) });
    }
  }
  for (const it of items(c, get(c, node, 'expose')?.value)) {
    const v = scalarText(c, it);
    if (v !== undefined) svc.expose.push({ value: v, ...locOf(c, deref(c, it)) });
  }

  for (const it of items(c, get(c, node, 'secrets')?.value)) {
    const n = deref(c, it);
    if (isMap(n)) {
      const source = located(c, get(c, n, 'source'));
      if (source) svc.secrets.push({ source: source.value, target: located(c, get(c, n, 'target'))?.value, line: source.line, column: source.column });
    } else {
      const s = scalarText(c, n);
      if (s) svc.secrets.push({ source: s, ...locOf(c, n) });
    }
  }

  const deploy = get(c, node, 'deploy')?.value;
  const limits = deploy ? get(c, get(c, get(c, deploy, 'resources')?.value, 'limits')?.value, 'memory') : undefined;
  const memDeploy = located(c, limits);
  const memLegacy = located(c, get(c, node, 'mem_limit'));
  if (memDeploy) svc.memLimit = { ...memDeploy, via: 'deploy' };
  else if (memLegacy) svc.memLimit = { ...memLegacy, via: 'mem_limit' };
  const cpuDeploy = deploy ? located(c, get(c, get(c, get(c, deploy, 'resources')?.value, 'limits')?.value, 'cpus')) : undefined;
  const cpuLegacy = located(c, get(c, node, 'cpus'));
  if (cpuDeploy) svc.cpuLimit = { ...cpuDeploy, via: 'deploy' };
  else if (cpuLegacy) svc.cpuLimit = { ...cpuLegacy, via: 'cpus' };

  const restart = located(c, get(c, node, 'restart'));
  const restartDeploy = deploy ? located(c, get(c, get(c, deploy, 'restart_policy')?.value, 'condition')) : undefined;
  if (restart) svc.restart = { ...restart, via: 'restart' };
  else if (restartDeploy) svc.restart = { ...restartDeploy, via: 'deploy' };
  else if (deploy && get(c, deploy, 'restart_policy')) {
    // `restart_policy:` without a condition defaults to `any`.
    svc.restart = { value: 'any', via: 'deploy', ...locOf(c, get(c, deploy, 'restart_policy')!.keyNode) };
  }

  svc.privileged = bool(c, get(c, node, 'privileged'));
  svc.readOnly = bool(c, get(c, node, 'read_only'));
  svc.user = located(c, get(c, node, 'user'));
  svc.workingDir = located(c, get(c, node, 'working_dir'))?.value;
  svc.networkMode = located(c, get(c, node, 'network_mode'));
  svc.pid = located(c, get(c, node, 'pid'));
  svc.ipc = located(c, get(c, node, 'ipc'));
  for (const it of items(c, get(c, node, 'cap_add')?.value)) {
    const v = scalarText(c, it);
    if (v) svc.capAdd.push({ value: v, ...locOf(c, deref(c, it)) });
  }
  for (const it of items(c, get(c, node, 'security_opt')?.value)) {
    const v = scalarText(c, it);
    if (v) svc.securityOpt.push({ value: v, ...locOf(c, deref(c, it)) });
  }
  for (const it of items(c, get(c, node, 'profiles')?.value)) {
    const v = scalarText(c, it);
    if (v) svc.profiles.push(v);
  }

  for (const it of items(c, get(c, node, 'volumes')?.value)) {
    const n = deref(c, it);
    const loc = locOf(c, n);
    if (isMap(n)) {
      const type = located(c, get(c, n, 'type'))?.value ?? 'volume';
      svc.volumes.push({
        type,
        source: located(c, get(c, n, 'source'))?.value,
        target: located(c, get(c, n, 'target'))?.value,
        readOnly: bool(c, get(c, n, 'read_only'))?.value ?? false,
        form: 'long',
        ...loc,
      });
    } else {
      const raw = scalarText(c, n);
      if (raw === undefined) continue;
      const parts = interp(raw).value.split(':');
      let source: string | undefined;
      let target: string | undefined;
      let mode = '';
      if (parts.length === 1) target = parts[0];
      else {
        source = parts[0];
        target = parts[1];
        mode = parts.slice(2).join(':');
      }
      const bind = source !== undefined && /^(\/|\.|~)/.test(source);
      svc.volumes.push({ raw, type: source === undefined ? 'volume' : bind ? 'bind' : 'volume', source, target, readOnly: /(^|,)ro(,|$)/.test(mode), form: 'short', ...loc });
    }
  }

  const hc = get(c, node, 'healthcheck');
  if (hc) {
    const disable = bool(c, get(c, hc.value, 'disable'))?.value ?? false;
    const testNode = deref(c, get(c, hc.value, 'test')?.value);
    let test: string | undefined;
    if (isSeq(testNode)) test = testNode.items.map((x) => scalarText(c, x) ?? '').join(' ');
    else test = scalarText(c, testNode);
    const none = test !== undefined && /^NONE\b/.test(test.trim());
    svc.healthcheck = { disabled: disable || none, test, ...locOf(c, hc.keyNode) };
  }

  svc.command = commandOf(c, get(c, node, 'command'), 'command');
  svc.entrypoint = commandOf(c, get(c, node, 'entrypoint'), 'entrypoint');
  return svc;
}

/** compose.override.yml is development by convention (docker compose merges it into `up` on a developer machine). */
function environmentOf(file: SourceFile): EnvName {
  const base = file.path.split('/').pop()!.toLowerCase();
  if (file.environment === SHARED && /^(docker-)?compose\.override\.ya?ml$/.test(base)) return 'development';
  return file.environment;
}

/** Variables of an env_file, from the scanned tree. */
function envFileVars(ef: ComposeEnvFile, files: readonly SourceFile[], ctx: CollectContext): ProvidedVar[] {
  const f = fileIndex(files).get(ef.resolved);
  if (!f) return [];
  const out: ProvidedVar[] = [];
  for (const e of parseDotenv(f.content).entries) {
    registerValue(ctx, e.key, e.value);
    out.push({ name: e.key, value: e.value, mechanism: 'env_file', viaSecretStore: false, file: f.path, line: e.line, column: e.column });
  }
  return out;
}

const collector: Collector<'compose'> = {
  fact: 'compose',
  kinds: ['compose'],
  collect(file, ctx) {
    const lc = new LineCounter();
    const doc = parseDocument(file.content, { lineCounter: lc, merge: true, prettyErrors: true });
    if (doc.errors.length) {
      const e = doc.errors[0]!;
      const p = e.linePos?.[0];
      throw new ParseError(`invalid YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`, p?.line, p?.col);
    }
    const c: Ctx = { doc, lc };
    const root = doc.contents;
    const servicesEntry = get(c, root, 'services');
    const servicesNode = servicesEntry ? deref(c, servicesEntry.value) : undefined;
    // A YAML file with a `services:` key that is not a compose file.
    if (!servicesEntry || (servicesNode !== null && servicesNode !== undefined && !isMap(servicesNode) && !(isScalar(servicesNode) && servicesNode.value === null))) return undefined;
    const composeDir = dirOf(file.path);
    const environment = environmentOf(file);
    const services: ComposeService[] = [];
    for (const e of entries(c, servicesNode)) {
      const node = deref(c, e.value);
      if (!isMap(node) && !(isScalar(node) && node.value === null)) {
        const p = locOf(c, e.keyNode);
        throw new ParseError(`service "${e.key}" must be a mapping`, p.line, p.column);
      }
      services.push(serviceOf(c, e.key, e.keyNode, node, composeDir, ctx.files));
    }

    const secrets: ComposeFact['secrets'] = [];
    for (const e of entries(c, get(c, root, 'secrets')?.value)) {
      secrets.push({
        name: e.key,
        file: located(c, get(c, e.value, 'file'))?.value,
        environment: located(c, get(c, e.value, 'environment'))?.value,
        external: bool(c, get(c, e.value, 'external'))?.value ?? (get(c, e.value, 'name') !== undefined && !get(c, e.value, 'file') && !get(c, e.value, 'environment')),
        ...locOf(c, e.keyNode),
      });
    }

    const provides: ProvidedVar[] = [];
    const commands: CommandLine[] = [];
    for (const svc of services) {
      for (const v of svc.environment) {
        registerValue(ctx, v.key, v.value);
        if (v.reference?.default !== undefined) registerValue(ctx, v.key, v.reference.default);
        provides.push({ name: v.key, value: v.interpolated ? undefined : v.value, mechanism: 'environment', viaSecretStore: false, file: file.path, line: v.line, column: v.column });
        // The `*_FILE` convention: POSTGRES_PASSWORD_FILE=/run/secrets/db_password provides POSTGRES_PASSWORD through a secret.
        if (/_FILE$/.test(v.key) && v.value && /^\/run\/secrets\//.test(v.value)) {
          provides.push({ name: v.key.slice(0, -5), mechanism: 'secret', viaSecretStore: true, file: file.path, line: v.line, column: v.column });
        }
      }
      for (const ef of svc.envFiles) provides.push(...envFileVars(ef, ctx.files, ctx));
      for (const s of svc.secrets) {
        provides.push({ name: s.target && !s.target.includes('/') ? s.target : s.source, mechanism: 'secret', viaSecretStore: true, file: file.path, line: s.line, column: s.column });
      }
      for (const cmd of [svc.entrypoint, svc.command]) {
        if (!cmd) continue;
        commands.push({ text: cmd.text, argv: cmd.argv, source: cmd.kind === 'command' ? 'compose-command' : 'compose-entrypoint', file: file.path, line: cmd.line, column: cmd.column });
      }
      // Local scripts the service runs (`python app.py`).
      const base = svc.build?.contextPath ?? composeDir;
      const argvs = [...(svc.entrypoint?.commands ?? []), ...(svc.command?.commands ?? [])].map((x) => x.argv);
      if (svc.entrypoint && svc.command) argvs.push([...svc.entrypoint.argv, ...svc.command.argv]);
      for (const argv of argvs) {
        const words = commandWords(argv);
        if (!words.length || !/^python[0-9.]*$/.test(words[0]!.split('/').pop()!) || words.includes('-m')) continue;
        const script = words.slice(1).find((w) => !w.startsWith('-'));
        if (script && /\.py$/.test(script) && !svc.scripts.some((x) => x.arg === script)) svc.scripts.push(lookupScript(script, base, ctx.files, svc.workingDir));
      }
      // package.json scripts it runs (`npm run start-watch`, `yarn dev`), one level of `npm run` inside them too.
      const refs = npmScriptsRun(argvs, base, ctx.files);
      if (refs.length) svc.npmScripts = refs;
    }
    return { file: file.path, environment: selectsDevelopment(environment, services, ctx.files) ?? environment, services, secrets, commands, provides, hasSecretMechanism: true };
  },
};


/**
 * A shared compose file whose services select the project's development settings module
 * (`DJANGO_SETTINGS_MODULE: app.settings.dev`, a file honban classifies as development) and none a
 * production one is the local stack, not a production surface. The selector names the environment
 * because the file it names does; a bare NODE_ENV=development names no file and stays judged.
 */
function selectsDevelopment(environment: EnvName, services: readonly ComposeService[], files: readonly SourceFile[]): EnvName | undefined {
  if (environment !== SHARED) return undefined;
  const selected: EnvName[] = [];
  for (const svc of services) {
    for (const v of svc.environment) {
      if (v.key !== 'DJANGO_SETTINGS_MODULE' || !v.value || v.interpolated) continue;
      const rel = v.value.trim().replace(/\./g, '/');
      const target = files.find((f) => f.kind === 'python' && (f.path === `${rel}.py` || f.path.endsWith(`/${rel}.py`) || f.path === `${rel}/__init__.py` || f.path.endsWith(`/${rel}/__init__.py`)));
      if (target) selected.push(target.environment);
    }
  }
  return selected.length > 0 && selected.every((e) => e === 'development') ? 'development' : undefined;
}

export default collector;
