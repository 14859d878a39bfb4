/**
 * Terraform collector: `.tf`, `.tfvars` and `.tfvars.json` files, parsed with tree-sitter
 * (tree-sitter-terraform.wasm). All `.tf` files of one directory form a module; the whole project is
 * built once per scan (modules, module calls, tfvars) and every value is resolved for the target
 * environment. Each file gets one `TerraformFact` with the blocks it declares.
 *
 * Also provides the env contract's view of ECS: container `environment` (mechanism
 * `ecs-environment`) and `secrets` (`ecs-secret`, through the secret store).
 */
import type { CollectContext, Collector } from '../contracts/collector.js';
import { ParseError } from '../contracts/errors.js';
import type { SourceFile } from '../contracts/types.js';
import type { TerraformFact } from '../facts/terraform/types.js';
import { buildProject, type Project } from './hcl/project.js';

/** One project per scan (keyed by the scan's file list), built on the first Terraform file. */
const projects = new WeakMap<readonly SourceFile[], { env: string; project: Promise<Project>; registered: boolean }>();

function projectFor(ctx: CollectContext): { project: Promise<Project>; first: boolean } {
  let p = projects.get(ctx.files);
  if (!p || p.env !== ctx.environment) {
    p = { env: ctx.environment, project: buildProject(ctx.files, ctx.environment, ctx.checkpoint), registered: false };
    projects.set(ctx.files, p);
  }
  const first = !p.registered;
  p.registered = true;
  return { project: p.project, first };
}

const collector: Collector<'terraform'> = {
  fact: 'terraform',
  kinds: ['terraform', 'tfvars', 'tfplan'],
  async collect(file, ctx) {
    const { project: pending, first } = projectFor(ctx);
    const project = await pending;
    if (first) for (const s of project.secrets) ctx.registerSecret(s);
    const failure = project.failures.get(file.path);
    if (failure) throw new ParseError(failure.message, failure.line, failure.column);
    const fact = project.facts.get(file.path);
    return fact && plainFact(fact);
  },
};

/**
 * The fact as plain data: string values carry a `CharMap` (the evaluator's way back from a
 * character to its source position, holding the file's line index) that no rule reads; facts cross
 * threads and go to the cache, so it stays behind. Shared sub-objects stay shared.
 */
function plainFact(fact: TerraformFact): TerraformFact {
  const seen = new Map<object, unknown>();
  const copy = (x: unknown): unknown => {
    if (!x || typeof x !== 'object') return x;
    const done = seen.get(x);
    if (done !== undefined) return done;
    if (Array.isArray(x)) {
      const out: unknown[] = [];
      seen.set(x, out);
      for (const v of x) out.push(copy(v));
      return out;
    }
    const out: Record<string, unknown> = Object.getPrototypeOf(x) === null ? Object.create(null) : {};
    seen.set(x, out);
    for (const [k, v] of Object.entries(x)) {
      if (k === 'map' && v && typeof (v as { loc?: unknown }).loc === 'function') continue;
      out[k] = copy(v);
    }
    return out;
  };
  return copy(fact) as TerraformFact;
}
export default collector;
