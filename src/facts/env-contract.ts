/** Fact `envContract`: which variables the code reads and which deployment surfaces provide them (derived by src/derive/env-contract.ts). */
import type { BaseFact } from '../contracts/collector.js';
import type { EnvName } from '../contracts/types.js';
import type { ProvidedVar, CodeEnvRead } from './common.js';

/** One deployment surface (a file) as the contract sees it. */
export interface ContractSurface {
  file: string;
  /** How messages name it: `.env.production`, `docker-compose.prod.yml`, `ECS task definition (infra/ecs.tf)`. */
  label: string;
  /** The fact it came from: dotenv, compose, dockerfile, kubernetes, systemd, terraform. */
  fact: string;
  environment: EnvName;
  /** Defines a runtime environment (env file, compose, k8s, systemd, ECS). A Dockerfile's ENV only sets image defaults. */
  defining: boolean;
  hasSecretMechanism: boolean;
  provides: ProvidedVar[];
  /** Sources honban cannot see into (an EnvironmentFile= outside the repository, envFrom a ConfigMap …). */
  opaque: ProvidedVar[];
}

export interface ContractVariable {
  name: string;
  /** Reads that count for the target environment (dev-only branches, tests and tool configuration excluded). */
  reads: CodeEnvRead[];
  /** Reads without any fallback. */
  requiredReads: CodeEnvRead[];
  /** Provided by the platform / runtime (PORT, HOME, AWS_REGION on ECS …): never required from a surface. */
  platform: boolean;
  /** Provided by surfaces of the target environment (or shared ones). */
  provided: ProvidedVar[];
  /** Named in templates (`.env.example`): documented, not provided. */
  documented: ProvidedVar[];
  /** Provided only by surfaces of other environments (`.env.development`). */
  elsewhere: ProvidedVar[];
}

export interface EnvContract extends BaseFact {
  /** The environment the contract is computed for. */
  target: EnvName;
  /** The project (derive/projects.ts) it belongs to: '' for the scanned root. One contract per project. */
  project: string;
  variables: ContractVariable[];
  /** Surfaces of the target environment and shared ones. */
  surfaces: ContractSurface[];
  templates: ContractSurface[];
  /** Surfaces of other environments (named in messages, never counted as providers). */
  otherSurfaces: ContractSurface[];
  /** Surface files of the target environment honban could not read (parse error, collector not available). */
  unread: string[];
  /** Reads left out, and why. */
  ignoredReads: { read: CodeEnvRead; reason: 'dev-only' | 'test-or-tool' | 'other-environment'; }[];
}

declare module '../contracts/types.js' {
  interface FactTypes {
    envContract: EnvContract;
  }
}
