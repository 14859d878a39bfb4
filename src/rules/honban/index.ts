import type { Rule } from '../../contracts/types.js';
import ignoreWithoutReason from './ignore-without-reason.js';
import skippedTargetFile from './skipped-target-file.js';

/** Rules about honban's own directives. */
export const rules: Rule<any>[] = [ignoreWithoutReason, skippedTargetFile];
