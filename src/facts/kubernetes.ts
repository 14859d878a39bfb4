/** Fact `kubernetes`: workloads, containers and the variables they receive (collected by src/collect/kubernetes.ts). */
import type { Loc, ImageRef } from './dockerfile.js';
import type { Located } from './compose.js';
import type { ProvidesVars, CommandLine } from './common.js';
import type { EnvName } from '../contracts/types.js';

export interface K8sEnvVar extends Loc {
  name: string;
  /** `value:` as written. */
  value?: string;
  source: 'value' | 'secretKeyRef' | 'configMapKeyRef' | 'fieldRef' | 'resourceFieldRef' | 'none';
  /** The Secret / ConfigMap key it reads. */
  ref?: { name: string; key: string; optional: boolean; };
}

export interface K8sEnvFrom extends Loc {
  kind: 'secretRef' | 'configMapRef';
  name: string;
  prefix?: string;
  optional: boolean;
  /** The referenced object is among the scanned files (its keys are in `provides`). */
  resolved: boolean;
}

export interface K8sContainer extends Loc {
  name: string;
  init: boolean;
  image?: ImageRef;
  env: K8sEnvVar[];
  envFrom: K8sEnvFrom[];
  command?: string[];
  args?: string[];
  resources: { limitsMemory?: Located<string>; limitsCpu?: Located<string>; requestsMemory?: Located<string>; requestsCpu?: Located<string>; };
  probes: { liveness: boolean; readiness: boolean; startup: boolean; };
  securityContext: {
    runAsNonRoot?: Located<boolean>;
    runAsUser?: Located<string>;
    privileged?: Located<boolean>;
    allowPrivilegeEscalation?: Located<boolean>;
    readOnlyRootFilesystem?: Located<boolean>;
  };
}

export interface K8sWorkload extends Loc {
  kind: string;
  name: string;
  namespace?: string;
  containers: K8sContainer[];
  hostNetwork?: Located<boolean>;
  hostPID?: Located<boolean>;
  hostIPC?: Located<boolean>;
  podRunAsNonRoot?: Located<boolean>;
  podRunAsUser?: Located<string>;
  serviceAccountName?: string;
}

export interface K8sConfigObject extends Loc {
  kind: 'ConfigMap' | 'Secret';
  name: string;
  namespace?: string;
  /** Keys of `data` / `stringData`, with where they are written. */
  keys: (Loc & { key: string; encoded: boolean; })[];
}

export interface KubernetesFact extends ProvidesVars {
  file: string;
  environment: EnvName;
  /** Number of YAML documents in the file. */
  documents: number;
  workloads: K8sWorkload[];
  configs: K8sConfigObject[];
  commands: CommandLine[];
}

declare module '../contracts/types.js' {
  interface FactTypes {
    kubernetes: KubernetesFact;
  }
}
