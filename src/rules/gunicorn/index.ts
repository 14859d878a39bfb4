import type { Rule } from '../../contracts/types.js';
import debugLogLevel from './debug-log-level.js';
import maxRequestsUnset from './max-requests-unset.js';
import reloadEnabled from './reload-enabled.js';
import singleWorker from './single-worker.js';
import timeoutDisabled from './timeout-disabled.js';

/** Rules of the `gunicorn` domain (gunicorn.conf.py and gunicorn command lines). */
export const rules: Rule<any>[] = [reloadEnabled, debugLogLevel, singleWorker, maxRequestsUnset, timeoutDisabled];
