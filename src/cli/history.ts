/**
 * `honban history [DIR]` and `honban history diff [A] [B]`: the runs of honban check in the history
 * store, and what changed between two of them.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findConfig, loadConfig } from '../config/load.js';
import { UserError } from '../contracts/errors.js';
import { HISTORY_HELP } from './check-help.js';
import { L } from '../lib/i18n.js';
import { noSuchConfig, noSuchDirectory, oneDirectory } from '../lib/user-errors.js';
import { emit, parse, resolveFormat, resolveLang, SHARED_OPTIONS } from './common.js';

const HISTORY_OPTIONS = {
  dir: { type: 'string' },
  store: { type: 'string' },
  project: { type: 'string' },
  env: SHARED_OPTIONS.env,
  limit: { type: 'string' },
  format: SHARED_OPTIONS.format,
  output: SHARED_OPTIONS.output,
  lang: SHARED_OPTIONS.lang,
  config: SHARED_OPTIONS.config,
  quiet: SHARED_OPTIONS.quiet,
  help: SHARED_OPTIONS.help,
} as const;

const DEFAULT_LIMIT = 50;

function runId(arg: string): number {
  const n = Number(arg.replace(/^#/, ''));
  if (!Number.isInteger(n) || n < 1) throw new UserError(L(`a run is given by its id (a positive number from honban history), not "${arg}"`, `実行は ID (honban history に出る正の整数) で指定します ("${arg}" ではなく)`));
  return n;
}

export async function historyCommand(args: string[]): Promise<number> {
  const isDiff = args[0] === 'diff';
  const { values, positionals } = parse(isDiff ? args.slice(1) : args, HISTORY_OPTIONS, isDiff ? 'history diff' : 'history');
  if (values.help) {
    await emit(HISTORY_HELP[resolveLang(values.lang)], undefined);
    return 0;
  }
  let dirArg = values.dir;
  if (!isDiff) {
    if (positionals.length > 1) throw oneDirectory('honban history', positionals.length);
    if (positionals[0] !== undefined) {
      if (dirArg !== undefined) throw new UserError(L('give the directory either as DIR or as --dir, not both', 'ディレクトリは DIR か --dir のどちらか一方で指定してください'));
      dirArg = positionals[0];
    }
  } else if (positionals.length > 2) throw new UserError(L(`honban history diff compares two runs, not ${positionals.length} (see honban history --help)`, `honban history diff が比べる実行は 2 つです (${positionals.length} 個指定されました。honban history --help を参照)`));
  const dir = path.resolve(dirArg ?? '.');
  if (!existsSync(dir)) throw noSuchDirectory(dirArg ?? '.');
  if (values.config && !existsSync(values.config)) throw noSuchConfig(values.config);
  // Rule ids are not checked here: history reads the store, it runs no rule (and loads none).
  const config = await loadConfig(values.config ?? findConfig(dir));
  const lang = resolveLang(values.lang, config.lang);
  const format = resolveFormat(values.format, ['pretty', 'json', 'markdown']);
  let limit = DEFAULT_LIMIT;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UserError(L(`--limit must be a positive number, not "${values.limit}"`, `--limit は正の整数にしてください ("${values.limit}" ではなく)`));
  }

  const { storeSpec, openStore, storeUserError, StoreError } = await import('../commands/history/index.js');
  const { gitInfo, projectKey } = await import('../commands/check/git.js');
  const { resolveEnvName } = await import('../collect/env/layers.js');
  const environment = values.env ? resolveEnvName(values.env, config) : undefined;
  const project = projectKey(dir, values.project || config.history?.project ? {} : gitInfo(dir), values.project ?? config.history?.project);
  const fmt = await import('../commands/check/history-format.js');
  let spec;
  try {
    const given = values.store ?? (process.env.HONBAN_STORE || undefined);
    spec = given ? storeSpec(given, dir) : storeSpec(config.history?.store, dir, dir);
  } catch (e) {
    if (e instanceof StoreError) throw new UserError(e.text);
    throw e;
  }
  if (spec.kind === 'sqlite' && !existsSync(spec.target)) {
    throw new UserError(L(`no history at ${spec.display} yet: honban check stores a run each time it runs (or give --store)`, `${spec.display} にはまだ履歴がありません: honban check を実行するたびに記録されます (または --store を指定してください)`));
  }
  let store;
  try {
    store = await openStore(spec, { mustExist: true });
    let text: string;
    if (!isDiff) {
      const runs = await store.runs(project, { limit, ...(environment ? { environment } : {}) });
      const list = { project, store: spec.display, runs };
      text = format === 'json' ? fmt.formatRunsJson(list) : format === 'markdown' ? fmt.formatRunsMarkdown(list, lang) : fmt.formatRunsPretty(list, lang);
    } else {
      let ids: number[];
      if (positionals.length === 2) ids = positionals.map(runId);
      else {
        const last = await store.runs(project, { limit: 2, ...(environment ? { environment } : {}) });
        if (positionals.length === 1) ids = [runId(positionals[0]!), last[0]?.id ?? 0];
        else {
          if (last.length < 2) throw new UserError(L(`honban history diff needs two runs of ${project}; ${spec.display} has ${last.length}`, `honban history diff には ${project} の実行が 2 つ必要です (${spec.display} には ${last.length} 件)`));
          ids = [last[1]!.id, last[0]!.id];
        }
      }
      const [a, b] = await store.details(project, ids);
      const missing = (id: number | undefined) => new UserError(L(`no run #${id} of ${project} in ${spec.display} (see honban history)`, `${spec.display} に ${project} の実行 #${id} はありません (honban history を参照)`));
      if (!a) throw missing(ids[0]);
      if (!b) throw missing(ids[1]);
      const { diffRuns } = await import('../commands/history/diff.js');
      const d = diffRuns(a, b);
      text = format === 'json' ? fmt.formatDiffJson(d) : format === 'markdown' ? fmt.formatDiffMarkdown(d, lang) : fmt.formatDiffPretty(d, lang);
    }
    await emit(text, values.output);
    return 0;
  } catch (e) {
    if (e instanceof StoreError) throw storeUserError(e);
    throw e;
  } finally {
    await store?.close();
  }
}
