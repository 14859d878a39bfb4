/**
 * Deriver `envVar` for `honban scan`: one variable per effective assignment (the last one of each
 * key) of every env file of the repository that is not a template — the same fact `honban env`
 * makes by resolving a target environment (src/collect/env/resolve.ts), so one env rule judges
 * both. Values are as written: `scan` does not know the runtime environment, so nothing is
 * interpolated, and a value that is only a reference (`${SECRET_KEY}`) is listed as unresolved.
 */
import type { Deriver } from '../contracts/collector.js';
import { effectiveEntries } from '../facts/dotenv.js';
import type { EnvVarFact } from '../facts/env.js';
import { catalogEntry } from '../lib/env-catalog.js';
import { isSecretName } from '../lib/secrets.js';
import { isReference } from '../lib/values.js';

/** Secret by the catalog or by its name (honban env also counts schema `secret:` and secret stores). */
export function isSecretKey(key: string): boolean {
  return catalogEntry(key)?.spec.secret === true || isSecretName(key);
}

/** `${NAME}` / `$NAME` / `{{ name }}` → the name referenced (`{{ … }}` templates keep their text). */
function referenced(value: string): string {
  const v = value.trim();
  const m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)/.exec(v) ?? /^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(v);
  return m ? m[1]! : v;
}

const deriver: Deriver<'envVar'> = {
  fact: 'envVar',
  needs: ['dotenv'],
  derive(facts) {
    const out: EnvVarFact[] = [];
    for (const f of facts.dotenv ?? []) {
      if (f.template) continue;
      for (const e of effectiveEntries(f)) {
        const ref = isReference(e.value);
        const name = ref ? referenced(e.value) : '';
        out.push({
          file: f.file,
          environment: f.environment,
          key: e.key,
          line: e.line,
          column: e.column,
          valueLine: e.valueLine,
          valueColumn: e.valueColumn,
          ...(e.quote ? { quote: e.quote } : {}),
          ...(f.loader ? { loader: f.loader } : {}),
          source: 'file',
          value: e.value,
          raw: e.value,
          secret: isSecretKey(e.key),
          shadowed: [],
          unresolved: ref ? [{ name, required: false, self: name === e.key }] : [],
          commandSubstitutions: 0,
          sharedWith: [],
        });
      }
    }
    return out;
  },
};

export default deriver;
