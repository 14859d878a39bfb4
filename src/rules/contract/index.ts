import type { Rule } from '../../contracts/types.js';
import missingVariable from './missing-variable.js';
import missingDeploymentSurface from './missing-deployment-surface.js';
import placeholderValue from './placeholder-value.js';
import secretInPlainEnvironment from './secret-in-plain-environment.js';

/** Rules of the `contract` domain (the env contract: src/derive/env-contract.ts). */
export const rules: Rule<any>[] = [missingVariable, placeholderValue, secretInPlainEnvironment, missingDeploymentSurface];
