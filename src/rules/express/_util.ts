/** Helpers shared by express/* rules. */
import type { JavascriptFacts, JsCall, JsProp, JsValue } from '../../facts/javascript.js';

export function prop(v: JsValue | undefined, key: string): JsProp | undefined {
  if (!v || v.kind !== 'object') return undefined;
  // the last definition wins (later `x.key = …` assignments are appended)
  const ps = (v.props ?? []).filter((p) => p.key === key);
  return ps[ps.length - 1];
}

/** Calls of a module's default export (`session(…)`, `cors(…)`), or of one named export. */
export function callsOf(facts: readonly JavascriptFacts[], module: string, imported?: string): { fact: JavascriptFacts; call: JsCall }[] {
  const out: { fact: JavascriptFacts; call: JsCall }[] = [];
  for (const fact of facts) {
    for (const call of fact.calls) {
      if (call.module !== module) continue;
      if (imported === undefined ? call.imported !== undefined || call.object !== undefined : call.imported !== imported && call.method !== imported) continue;
      out.push({ fact, call });
    }
  }
  return out;
}

/** Does the package set `trust proxy` (`app.set("trust proxy", …)` / `app.enable("trust proxy")`)? */
export function setsTrustProxy(facts: readonly JavascriptFacts[], packageDir: string): boolean {
  return facts.some(
    (f) =>
      f.packageDir === packageDir &&
      f.calls.some((c) => (c.method === 'set' || c.method === 'enable') && c.args[0]?.kind === 'string' && c.args[0].value === 'trust proxy' && (c.method === 'enable' || !isFalse(c.args[1]))),
  );
}

export function isFalse(v: JsValue | undefined): boolean {
  return !!v && ((v.kind === 'bool' && v.value === 'false') || (v.kind === 'number' && Number(v.value) === 0));
}

export function isTrue(v: JsValue | undefined): boolean {
  return !!v && v.kind === 'bool' && v.value === 'true';
}

/** String literals a value holds (a string, or an array of strings). */
export function literalStrings(v: JsValue | undefined): JsValue[] {
  if (!v) return [];
  if (v.kind === 'string') return [v];
  if (v.kind === 'array') return (v.items ?? []).filter((i) => i.kind === 'string');
  return [];
}
