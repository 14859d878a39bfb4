/** Helpers shared by rails/* rules: which Rails config setting wins for the target environment. */
import type { RailsSetting, RubyFacts, RubyValue } from '../../facts/ruby.js';

/** The app a file belongs to: the path before `config/` (monorepos hold several apps). */
export function appRoot(path: string): string {
  const i = path.lastIndexOf('config/');
  return i < 0 ? '' : path.slice(0, i);
}

/** Load order: application.rb, then config/environments/<env>.rb, then initializers. */
const ORDER: Record<string, number> = { application: 0, environment: 1, initializer: 2 };

export interface EffectiveSetting {
  fact: RubyFacts;
  setting: RailsSetting;
}

/**
 * For each app, the setting `key` that wins among the facts the rule sees (target environment and
 * shared files): the last unconditional assignment in the file loaded last. Conditional ones
 * (inside `if` / `unless`) are returned only when nothing unconditional sets the key.
 */
export function effectiveSettings(facts: readonly RubyFacts[], key: string): EffectiveSetting[] {
  const byApp = new Map<string, { rank: number; conditional: boolean; e: EffectiveSetting }>();
  for (const f of facts) {
    if (f.source !== 'ruby' || !f.railsConfig || !(f.railsConfig in ORDER)) continue;
    for (const s of f.settings) {
      if (s.key !== key) continue;
      const root = appRoot(f.file);
      const rank = ORDER[f.railsConfig]! * 1e7 + s.line;
      const cur = byApp.get(root);
      const conditional = s.conditional === true;
      const better = !cur || (cur.conditional && !conditional) || (cur.conditional === conditional && rank > cur.rank);
      if (better) byApp.set(root, { rank, conditional, e: { fact: f, setting: s } });
    }
  }
  return [...byApp.values()].map((v) => v.e);
}

/** Environment config files (`config/environments/<target>.rb`) the rule sees. */
export function environmentFiles(facts: readonly RubyFacts[]): RubyFacts[] {
  return facts.filter((f) => f.source === 'ruby' && f.railsConfig === 'environment');
}

/** The value as a plain word when it is a literal symbol / string / bool / nil. */
export function literalWord(v: RubyValue): string | undefined {
  if (v.kind === 'symbol' || v.kind === 'string' || v.kind === 'bool' || v.kind === 'number') return v.value;
  if (v.kind === 'nil') return 'nil';
  return undefined;
}
