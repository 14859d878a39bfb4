/**
 * Deriver `envFile` for `honban scan`: the env files of the repository that are not templates, with
 * their permission bits — the fact `honban env` makes for the files of a resolved environment, so
 * one rule (env/world-readable-file) judges both.
 */
import type { Deriver } from '../contracts/collector.js';
import { effectiveEntries } from '../facts/dotenv.js';
import type { EnvFileFact } from '../facts/env.js';
import { isPlaceholder } from '../lib/secrets.js';
import { isReference } from '../lib/values.js';
import { isSecretKey } from './env-vars.js';

const deriver: Deriver<'envFile'> = {
  fact: 'envFile',
  needs: ['dotenv'],
  derive(facts) {
    const out: EnvFileFact[] = [];
    for (const f of facts.dotenv ?? []) {
      if (f.template) continue;
      const entries = effectiveEntries(f);
      out.push({
        file: f.file,
        environment: f.environment,
        ...(f.mode !== undefined ? { mode: f.mode } : {}),
        keys: entries.map((e) => e.key),
        // A placeholder (`changethis`) is no secret to protect: env/placeholder-value reports it.
        secretCount: entries.filter((e) => isSecretKey(e.key) && e.value.trim() !== '' && !isReference(e.value) && !isPlaceholder(e.value.trim())).length,
      });
    }
    return out;
  },
};

export default deriver;
