import type { Rule } from '../../contracts/types.js';
import debugEnabled from './debug-enabled.js';
import docsExposed from './docs-exposed.js';
import errorDetailsExposed from './error-details-exposed.js';
import permissiveCors from './permissive-cors.js';
import uvicornReload from './uvicorn-reload.js';

/** Rules of the `fastapi` domain (FastAPI, Starlette, uvicorn). */
export const rules: Rule<any>[] = [debugEnabled, uvicornReload, permissiveCors, docsExposed, errorDetailsExposed];
