/** Which stages of a Dockerfile end up deployed or shipped: pure accessors over the `dockerfile` and `compose` facts. */
import type { ComposeFact } from './compose.js';
import type { DockerfileFact, DockerStage } from './dockerfile.js';

/** The final stage of a Dockerfile (what `docker build` produces without `--target`). */
export function finalStage(f: DockerfileFact): DockerStage {
  return f.stages[f.final]!;
}

/**
 * The stages the judged environment deploys from this Dockerfile: the `target:` of every compose
 * service (of the files the rule judges) that builds it — the image that compose runs as-is — and
 * the image a plain `docker build` produces for production: the final stage, or, when the final
 * stage is a development stage (`dev-envs` of Docker Dev Environments, `development`, `debug`,
 * `test`), the last stage that is not. A Dockerfile whose stages are all development stages, built
 * by no compose service, is judged by its final stage.
 */
export function deployedStages(f: DockerfileFact, compose: readonly ComposeFact[] = []): DockerStage[] {
  const out = new Set<number>();
  for (const c of compose) {
    for (const s of c.services) {
      if (!s.build || s.build.dockerfilePath !== f.file) continue;
      const target = s.build.target?.toLowerCase();
      const st = target === undefined ? undefined : f.stages.find((x) => x.name?.toLowerCase() === target);
      if (st) out.add(st.index);
    }
  }
  const last = f.stages[f.final]!;
  const prod = last.development ? [...f.stages].reverse().find((x) => !x.development) : last;
  if (prod) out.add(prod.index);
  else if (out.size === 0) out.add(last.index);
  return [...out].sort((a, b) => a - b).map((i) => f.stages[i]!);
}

/** Stages whose layers end up in the image `docker build` produces: the final stage and those it builds FROM. */
export function shippedStages(f: DockerfileFact): Set<number> {
  const last = finalStage(f);
  return new Set([last.index, ...last.effective.chain]);
}
