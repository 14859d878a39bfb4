import type { PyCall, PythonFact } from '../../facts/python/types.js';

/** The file uses FastAPI or Starlette. */
export function isAsgiFile(fact: PythonFact): boolean {
  return fact.imports.some((m) => m === 'fastapi' || m === 'starlette');
}

/** `uvicorn.run(...)` (also through `from uvicorn import run`). */
export function isUvicornRun(call: PyCall): boolean {
  const q = (call as PyCall & { qualified?: string }).qualified ?? call.callee;
  return q === 'uvicorn.run';
}
