/** Helpers shared by the docker/* rules. */
import type { DockerfileFact, DockerStage } from '../../facts/dockerfile.js';
import type { Localized } from '../../contracts/types.js';

/** "the final stage (FROM python:3.12-slim)" / "stage \"build\" (FROM node:20)". */
export function stageName(f: DockerfileFact, stage: DockerStage): Localized {
  const from = `FROM ${stage.image.raw}`;
  if (stage.index === f.final) return { en: `the final stage (${from})`, ja: `最終ステージ (${from})` };
  if (stage.name) return { en: `stage "${stage.name}" (${from})`, ja: `ステージ "${stage.name}" (${from})` };
  return { en: `stage ${stage.index + 1} (${from})`, ja: `${stage.index + 1} 番目のステージ (${from})` };
}
