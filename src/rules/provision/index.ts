import type { Rule } from '../../contracts/types.js';
import curlPipeShell from './curl-pipe-shell.js';
import envFileSecret from './env-file-secret.js';
import worldWritable from './world-writable.js';

/** Rules of the `provision` domain (shell scripts, EC2 user-data). */
export const rules: Rule<any>[] = [envFileSecret, worldWritable, curlPipeShell];
