/**
 * nginx collector: one fact per top-level configuration (every nginx.conf, and every nginx file no
 * other file includes — a `conf.d/*.conf` or `sites-enabled/*` of a repository that does not ship
 * its nginx.conf). The fact holds the configuration as nginx reads it: `include`s expanded in
 * place (globs sorted as glob(3) does), each directive keeping the file and line it is written in,
 * so findings point into the included file.
 *
 * A malformed file throws `ParseError` when it is collected itself; a top-level file that includes
 * it records the problem and goes on without it. Include loops are recorded too (nginx would recurse
 * until it runs out of file descriptors).
 */
import type { Collector } from '../contracts/collector.js';
import { isSecretName } from '../lib/secrets.js';
import type { SourceFile } from '../contracts/types.js';
import type { NginxConfig, NginxDirective, NginxProblem } from '../facts/nginx/types.js';
import { modelFor, type NginxModel } from './nginx/resolve.js';

const MAX_DEPTH = 32;

function contextOf(directives: NginxDirective[]): NginxConfig['context'] {
  const names = new Set(directives.map((d) => d.name));
  if (names.has('http') || names.has('events') || names.has('stream') || names.has('worker_processes')) return 'main';
  if (names.has('server') || names.has('upstream') || names.has('map') || names.has('geo') || names.has('limit_req_zone')) return 'http';
  if (names.has('location') || names.has('listen') || names.has('server_name')) return 'server';
  return 'http';
}

/** Expands the includes of a top-level file. */
export function buildConfig(model: NginxModel, top: SourceFile): NginxConfig {
  const parsed = model.parse(top.path);
  if (!parsed) throw new Error(`unknown file ${top.path}`);
  if (parsed.error) throw parsed.error;
  const problems: NginxProblem[] = [];
  const files = [top.path];
  /** Included files that failed to parse: not part of the tree, but `nginx -t` should see them. */
  const broken: string[] = [];

  const expand = (list: NginxDirective[], from: string, stack: string[]): NginxDirective[] => {
    const out: NginxDirective[] = [];
    for (const d of list) {
      const nd: NginxDirective = { ...d };
      if (d.block) nd.block = expand(d.block, from, stack);
      out.push(nd);
      if (d.name !== 'include' || !d.args[0]) continue;
      const r = model.resolveInclude(d.args[0], from, top.path);
      nd.included = r.files;
      nd.external = r.external;
      for (const target of r.files) {
        const at = { file: from, line: d.line, column: d.column, target };
        if (stack.includes(target)) {
          const cycle = [...stack.slice(stack.indexOf(target)), target].join(' → ');
          problems.push({ ...at, kind: 'loop', reported: false, message: `include loop: ${cycle}` });
          continue;
        }
        if (stack.length >= MAX_DEPTH) {
          problems.push({ ...at, kind: 'depth', reported: false, message: `includes nested more than ${MAX_DEPTH} levels deep` });
          continue;
        }
        const p = model.parse(target)!;
        if (p.error) {
          if (!broken.includes(target)) broken.push(target);
          const where = p.error.line ? `${target}:${p.error.line}` : target;
          problems.push({ ...at, kind: 'parse', reported: p.file.kind === 'nginx', message: `${where}: ${p.error.message}` });
          continue;
        }
        if (!files.includes(target)) files.push(target);
        out.push(...expand(p.directives!, target, [...stack, target]));
      }
    }
    return out;
  };

  const directives = expand(parsed.directives!, top.path, [top.path]);
  return {
    file: top.path,
    environment: top.environment,
    context: contextOf(directives),
    confPrefix: model.confPrefix(top.path),
    directives,
    files,
    sources: [...files, ...broken.filter((f) => !files.includes(f))].map((f) => ({ path: f, content: model.source(f)!.content })),
    problems,
  };
}

/** Header / parameter names whose values are credentials (`proxy_set_header Authorization "Basic …"`). */
const CREDENTIAL_HEADERS = /^(authorization|proxy-authorization|x-api-key|x-auth-token|cookie)$/i;
const PARAM_DIRECTIVES = new Set(['proxy_set_header', 'add_header', 'fastcgi_param', 'uwsgi_param', 'scgi_param', 'grpc_set_header', 'env', 'set']);

/** Values written under secret-like names in this file, for masking. */
function credentials(directives: NginxDirective[], out: string[] = []): string[] {
  for (const d of directives) {
    if (PARAM_DIRECTIVES.has(d.name) && d.args.length >= 2) {
      const name = d.args[0]!.replace(/^\$/, '');
      const value = d.args[1]!;
      if ((CREDENTIAL_HEADERS.test(name) || isSecretName(name)) && value && !/^\$[A-Za-z_]+$/.test(value)) out.push(value);
    } else if (d.name === 'env' && d.args[0]?.includes('=')) {
      const [k, ...v] = d.args[0].split('=');
      if (isSecretName(k!) && v.join('=')) out.push(v.join('='));
    }
    if (d.block) credentials(d.block, out);
  }
  return out;
}

/**
 * `conf.d/*.conf` is also where supervisord, fail2ban or sysctl keep INI files. Outside an
 * nginx-named directory, a file whose first statement is an `[section]` header is not nginx.
 */
export function isForeignIni(file: SourceFile): boolean {
  if (/(^|\/)[^/]*nginx[^/]*\//i.test(file.path) || /(^|\/)sites-(available|enabled)\//.test(file.path)) return false;
  for (const raw of file.content.split(/\r?\n/)) {
    const t = raw.trim();
    if (!t || t.startsWith('#') || t.startsWith(';')) continue;
    return /^\[[^\]]+\]$/.test(t);
  }
  return false;
}

const collector: Collector<'nginx'> = {
  fact: 'nginx',
  kinds: ['nginx'],
  collect(file, ctx) {
    if (isForeignIni(file)) return undefined;
    const model = modelFor(ctx.files);
    const parsed = model.parse(file.path);
    if (parsed?.error) throw parsed.error;
    for (const v of credentials(parsed?.directives ?? [])) ctx.registerSecret(v);
    if (!model.topLevelFiles().has(file.path)) return undefined;
    const cfg = buildConfig(model, file);
    // Included files that are not nginx files of their own are collected only here.
    for (const f of cfg.files.slice(1)) if (model.source(f)?.kind !== 'nginx') for (const v of credentials(model.parse(f)?.directives ?? [])) ctx.registerSecret(v);
    return cfg;
  },
};
export default collector;
