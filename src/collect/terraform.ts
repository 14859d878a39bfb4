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
import { buildProject, type Project } from './hcl/project.js';

/** One project per scan (keyed by the scan's file list), built on the first Terraform file. */
const projects = new WeakMap<readonly SourceFile[], { env: string; project: Promise<Project>; registered: boolean }>();

function projectFor(ctx: CollectContext): { project: Promise<Project>; first: boolean } {
  let p = projects.get(ctx.files);
  if (!p || p.env !== ctx.environment) {
    p = { env: ctx.environment, project: buildProject(ctx.files, ctx.environment), registered: false };
    projects.set(ctx.files, p);
  }
  const first = !p.registered;
  p.registered = true;
  return { project: p.project, first };
}

const collector: Collector<'terraform'> = {
  fact: 'terraform',
  kinds: ['terraform', 'tfvars'],
  async collect(file, ctx) {
    const { project: pending, first } = projectFor(ctx);
    const project = await pending;
    if (first) for (const s of project.secrets) ctx.registerSecret(s);
    const failure = project.failures.get(file.path);
    if (failure) throw new ParseError(failure.message, failure.line, failure.column);
    return project.facts.get(file.path);
  },
};
export default collector;
