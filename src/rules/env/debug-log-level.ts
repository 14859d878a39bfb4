import { catalogEntry } from '../../lib/env-catalog.js';
import { schemaControlsValue } from '../../lib/env-spec.js';
import { defineRule } from '../define.js';
import { at, isSet } from './_common.js';
import { envLabel } from './_util.js';

/** Verbose level names of other logging libraries (log4j FINEST / FINER, winston silly …). */
const VERBOSE_MORE = new Set(['DEBUG', 'TRACE', 'ALL', 'VERBOSE', 'SILLY', 'FINEST', 'FINER']);

const LOG_LEVEL_KEY = /^([A-Z0-9]+_)?LOG_?LEVEL$/i;
const VERBOSE = new Set(['debug', 'trace', 'verbose', 'silly', 'all', '10']);

export default defineRule({
  id: 'env/debug-log-level',
  severity: 'low',
  environments: ['production', 'staging'],
  command: ['scan', 'env'],
  facts: ['envVar'],
  title: {
    en: 'Debug log level in a deployed environment',
    ja: 'デプロイ環境のログレベルが DEBUG',
  },
  description: {
    en: 'LOG_LEVEL (or APP_LOG_LEVEL, DJANGO_LOG_LEVEL …) is DEBUG or TRACE in an env file the target environment loads. Debug logs record request bodies, SQL with parameters, headers and tokens — sensitive values end up in log files and log services in clear text — and they multiply log volume and cost. `honban scan` judges the env files of the repository and `honban env` the resolved environment (every layer, secrets and the process environment included): both report this one id, which replaces env/verbose-log-level.',
    ja: 'ターゲット環境が読み込む env ファイルで LOG_LEVEL (APP_LOG_LEVEL、DJANGO_LOG_LEVEL など) が DEBUG または TRACE になっています。デバッグログはリクエストボディ、パラメーター付きの SQL、ヘッダーやトークンを記録するため、機密値が平文のままログファイルやログサービスに残り、ログの量とコストも大きく増えます。 `honban scan` はリポジトリの env ファイルを、`honban env` は解決後の環境 (すべてのレイヤー、シークレット、プロセス環境変数を含む) を判定し、どちらもこの 1 つの ID で報告します (env/verbose-log-level はこの ID に統合されました)。',
  },
  fix: {
    en: 'Use INFO or WARNING in deployed environments and raise the level temporarily only while investigating.',
    ja: 'デプロイ環境では INFO か WARNING にし、調査中だけ一時的に上げてください。',
  },
  references: { cwe: ['CWE-532'] },
  check(facts, ctx) {
    for (const v of facts.envVar) {
      if (!isSet(v) || schemaControlsValue(v.spec)) continue;
      if (!LOG_LEVEL_KEY.test(v.key) && catalogEntry(v.key)?.role !== 'log-level') continue;
      const level = v.value.trim().toUpperCase();
      // Names (DEBUG, TRACE, SILLY …) and Python's numeric levels at or below DEBUG (10).
      if (!VERBOSE.has(level.toLowerCase()) && !VERBOSE_MORE.has(level) && !(/^\d+$/.test(level) && Number(level) <= 10)) continue;
      ctx.report({
        ...(v.valueLine ? { file: v.file, line: v.valueLine, column: v.valueColumn, key: v.key } : at(v)),
        message: {
          en: `${v.key} is ${level} in ${ctx.environment}: debug logs record request data and secrets in clear text`,
          ja: `${envLabel(ctx.environment).ja}環境で ${v.key} が ${level} です: デバッグログにはリクエストの内容や秘密値が平文で記録されます`,
        },
      });
    }
  },
});
