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
import { ALL_RULES } from '../rules/index.js';

export const loadPluginRules: PluginLoader = (patterns, base, source) =>
  loadPlugins(patterns, base, source, {
    builtinIds: new Set(ALL_RULES.map((r) => r.id)),
    scanFacts: new Set([...Object.keys(COLLECTORS), ...Object.keys(DERIVERS), ...DISCOVERY_FACTS]),
  });
