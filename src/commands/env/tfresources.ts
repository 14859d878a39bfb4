/**
 * Terraform resources of two environments (or two Terraform roots, or two tfvars files), attribute
 * by attribute, for `honban diff` — seed 004's "production vs new environment" table: engine
 * versions, instance classes and node types, multi-AZ, encryption, backups, deletion protection,
 * CloudFront price class. The configuration is evaluated by the Terraform collector for each side
 * (modules, tfvars, defaults); an absent argument shows the provider default it gets.
 */
import path from 'node:path';
import type { HonbanConfig } from '../../contracts/config.js';
import { classifyKind } from '../../engine/discover.js';
import { classifyEnvironment } from '../../lib/environment.js';
import { EXAMPLE, SHARED, type EnvName, type SourceFile } from '../../contracts/types.js';
import type { RepoView } from '../../collect/env/fs.js';
import { resolveEnvName } from '../../collect/env/layers.js';
import type { TerraformFact, TfAttr, TfResource, TfValue } from '../../facts/terraform/types.js';

/** What one side of the diff is. */
export type TfSideSpec = { kind: 'env'; env: EnvName } | { kind: 'root'; dir: string } | { kind: 'tfvars'; file: string };

export interface TfAttrValue {
  /** Canonical value compared (the default when absent, when known). */
  canonical: string;
  /** Shown value. */
  display: string;
  file: string;
  line: number;
}

export interface TfResourceSide {
  /** Directories of the root modules whose resources are compared. */
  roots: string[];
  /** address → attribute → value */
  resources: Map<string, { type: string; file: string; line: number; attrs: Map<string, TfAttrValue> }>;
  errors: { file?: string; line?: number; message: string }[];
  secrets: Set<string>;
}

/** Arguments compared per resource type (nested blocks joined with `.`). */
export const COMPARED: Record<string, string[]> = {
  aws_db_instance: ['engine', 'engine_version', 'instance_class', 'allocated_storage', 'storage_type', 'storage_encrypted', 'multi_az', 'deletion_protection', 'backup_retention_period', 'backup_window', 'maintenance_window', 'parameter_group_name', 'auto_minor_version_upgrade', 'performance_insights_enabled', 'monitoring_interval', 'publicly_accessible'],
  aws_rds_cluster: ['engine', 'engine_version', 'engine_mode', 'db_cluster_instance_class', 'storage_encrypted', 'deletion_protection', 'backup_retention_period', 'preferred_backup_window'],
  aws_rds_cluster_instance: ['instance_class', 'engine_version', 'publicly_accessible'],
  aws_elasticache_cluster: ['engine', 'engine_version', 'node_type', 'num_cache_nodes', 'parameter_group_name', 'transit_encryption_enabled'],
  aws_elasticache_replication_group: ['engine', 'engine_version', 'node_type', 'num_cache_clusters', 'automatic_failover_enabled', 'multi_az_enabled', 'at_rest_encryption_enabled', 'transit_encryption_enabled'],
  aws_ecs_service: ['desired_count', 'launch_type', 'platform_version'],
  aws_ecs_task_definition: ['cpu', 'memory'],
  aws_lb: ['load_balancer_type', 'internal'],
  aws_lb_listener: ['port', 'protocol', 'ssl_policy'],
  aws_cloudfront_distribution: ['price_class', 'http_version', 'viewer_certificate.minimum_protocol_version'],
  aws_ecr_repository: ['image_tag_mutability', 'image_scanning_configuration.scan_on_push'],
  aws_instance: ['instance_type', 'ami'],
};

const SKIP = new Set(['.git', 'node_modules', '.terraform', '.honban', 'venv', '.venv', '.terragrunt-cache']);
const MAX_FILES = 5000;

/** Every Terraform file of the repository (bounded walk). */
function terraformFiles(view: RepoView): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    for (const f of view.listDir(dir)) {
      if (out.length >= MAX_FILES) return;
      if (/\.(tf|tfvars|tfvars\.json)$/i.test(f) || (f.toLowerCase().endsWith('.json') && classifyKind(f, view.read(f)) === 'tfplan')) out.push(f);
    }
    if (depth >= 8) return;
    for (const d of view.listSubdirs(dir)) if (!SKIP.has(d.split('/').pop()!)) walk(d, depth + 1);
  };
  walk('', 0);
  return out.sort();
}

function customEnvs(config: HonbanConfig, extra: EnvName[]): string[] {
  return [...new Set([...extra, ...Object.keys(config.environments ?? {}), ...Object.values(config.environments ?? {}).flatMap((d) => d.aliases ?? [])])];
}

/** The side a `--from` / `--to` value names: a Terraform root directory or tfvars file of the repository, else an environment. */
export function sideSpec(value: string, view: RepoView, config: HonbanConfig): TfSideSpec {
  const rel = value.trim().replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  if (rel && !rel.startsWith('/') && !rel.split('/').includes('..')) {
    if (/\.tfvars(\.json)?$/i.test(rel) && view.read(rel) !== undefined) return { kind: 'tfvars', file: rel };
    if (view.listDir(rel).some((f) => f.endsWith('.tf'))) return { kind: 'root', dir: rel };
  }
  return { kind: 'env', env: resolveEnvName(value, config) };
}

function display(v: TfValue): string {
  switch (v.kind) {
    case 'string':
      return v.value;
    case 'number':
    case 'bool':
      return String(v.value);
    case 'null':
      return '(null)';
    case 'list':
      return `[${v.items.map(display).join(', ')}]`;
    case 'object':
      return `{${v.entries.map((e) => `${e.key} = ${display(e.value)}`).join(', ')}}`;
    case 'unknown':
      return `(${v.text ?? 'unknown'})`;
  }
}

function attrAtPath(r: TfResource, p: string): TfAttr | undefined {
  const parts = p.split('.');
  let body = r.body;
  for (const b of parts.slice(0, -1)) {
    const blk = body.blocks.find((x) => x.type === b);
    if (!blk) return undefined;
    body = blk.body;
  }
  return body.attrs[parts[parts.length - 1]!];
}

/** Evaluates the Terraform of one side. */
export async function terraformSide(view: RepoView, spec: TfSideSpec, config: HonbanConfig): Promise<TfResourceSide> {
  const side: TfResourceSide = { roots: [], resources: new Map(), errors: [], secrets: new Set() };
  const all = terraformFiles(view);
  if (!all.length) return side;
  const extra = spec.kind === 'env' ? [spec.env] : [];
  const envOf = (p: string) => {
    const e = classifyEnvironment(p, customEnvs(config, extra));
    return e === SHARED || e === EXAMPLE ? e : resolveEnvName(e, config);
  };
  let target: EnvName;
  let files = all;
  if (spec.kind === 'env') target = spec.env;
  else if (spec.kind === 'root') {
    const e = envOf(`${spec.dir}/main.tf`);
    target = e === SHARED || e === EXAMPLE ? 'production' : e;
  } else {
    const e = envOf(spec.file);
    target = e === SHARED || e === EXAMPLE ? 'production' : e;
    // Only this tfvars file (and the auto-loaded ones) configures the side.
    files = all.filter((f) => !/\.tfvars(\.json)?$/i.test(f) || f === spec.file || /(^|\/)(terraform\.tfvars(\.json)?|[^/]*\.auto\.tfvars(\.json)?)$/i.test(f));
  }
  const sources: SourceFile[] = [];
  for (const f of files) {
    const content = view.read(f);
    if (content === undefined) continue;
    const kind = classifyKind(f, content);
    if (kind !== 'terraform' && kind !== 'tfvars' && kind !== 'tfplan') continue;
    const environment = spec.kind === 'tfvars' && f === spec.file ? target : envOf(f);
    sources.push({ path: f, content, kind, environment, gitIgnored: false });
  }
  const { buildProject } = await import('../../collect/hcl/project.js');
  const { providerDefault, awsMajor } = await import('../../facts/terraform/provider-defaults.js');
  const project = await buildProject(sources, target);
  for (const s of project.secrets) side.secrets.add(s);
  for (const [file, e] of project.failures) side.errors.push({ file, line: e.line, message: e.message });
  const facts = [...project.facts.values()];
  const inSide = (f: TerraformFact): boolean => {
    if (f.kind === 'tfvars' || f.example) return false;
    if (spec.kind === 'root') return f.file.startsWith(`${spec.dir}/`) && !f.file.slice(spec.dir.length + 1).includes('/');
    return f.environment === target || f.environment === SHARED;
  };
  const roots = new Set<string>();
  for (const f of facts) {
    if (!inSide(f)) continue;
    for (const r of f.resources) {
      const attrsOf = COMPARED[r.type];
      if (r.mode !== 'managed' || !attrsOf || r.provider !== 'aws') continue;
      roots.add(r.module ? path.posix.dirname(r.module.call.file) || '.' : r.moduleDir);
      const attrs = new Map<string, TfAttrValue>();
      const major = awsMajor(facts, r.moduleDir);
      for (const p of attrsOf) {
        const a = attrAtPath(r, p);
        if (a && a.value.kind !== 'null') {
          // Where the value is written: a tfvars line, a variable default, the caller's module argument.
          const v = a.value.loc ?? a;
          attrs.set(p, { canonical: a.value.kind === 'unknown' ? `?${a.text || display(a.value)}` : display(a.value), display: display(a.value), file: v.file, line: v.line });
          continue;
        }
        const d = providerDefault(r, p, major);
        const at = r.module ? r.module.call : r;
        attrs.set(p, d ? { canonical: String(d.value), display: `${d.value} (not set: default)`, file: at.file, line: at.line } : { canonical: '(not set)', display: '(not set)', file: at.file, line: at.line });
      }
      const at = r.module ? r.module.call : r;
      side.resources.set(r.address, { type: r.type, file: at.file, line: at.line, attrs });
    }
  }
  side.roots = [...roots].sort();
  return side;
}
