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

// The built-in rules load only when a honban.yml names plugins (a start-up without plugins loads none).
export const loadPluginRules: PluginLoader = async (patterns, base, source) =>
  loadPlugins(patterns, base, source, {
    builtinIds: new Set((await import('../rules/index.js')).ALL_RULES.map((r) => r.id)),
    scanFacts: new Set([...Object.keys(COLLECTORS), ...Object.keys(DERIVERS), ...DISCOVERY_FACTS]),
  });
