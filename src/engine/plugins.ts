/**
 * Custom rules (`plugins:` in honban.yml), checked against honban's own rules and fact names. The
 * loading and validation live in config/plugins.ts; this module gives them what only the layers
 * above the configuration know: the built-in rule ids, the collectors and derivers.
 */
import type { PluginLoader } from '../config/load.js';
import { loadPlugins } from '../config/plugins.js';
import { COLLECTORS } from '../collect/index.js';
import { DERIVERS } from '../derive/index.js';
import { DISCOVERY_FACTS } from '../facts/skipped.js';
import { RULE_IDS } from '../rules/catalog.js';

// The built-in rule ids come from the generated catalog: no rule module is loaded for them.
export const loadPluginRules: PluginLoader = (patterns, base, source) =>
  loadPlugins(patterns, base, source, {
    builtinIds: RULE_IDS,
    scanFacts: new Set([...Object.keys(COLLECTORS), ...Object.keys(DERIVERS), ...DISCOVERY_FACTS]),
  });
