import { defineRule } from '../define.js';
import { effectiveEntries, envLabel } from './_util.js';

const LOG_LEVEL_KEY = /^([A-Z0-9]+_)?LOG_?LEVEL$/i;
const VERBOSE = new Set(['debug', 'trace', 'verbose', 'silly', 'all', '10']);

export default defineRule({
  id: 'env/debug-log-level',
  severity: 'low',
  environments: ['production', 'staging'],
  facts: ['dotenv'],
  title: {
    en: 'Debug log level in a deployed environment',
    ja: 'デプロイ環境のログレベルが DEBUG',
  },
  description: {
    en: 'LOG_LEVEL (or APP_LOG_LEVEL, DJANGO_LOG_LEVEL …) is DEBUG or TRACE in an env file the target environment loads. Debug logs record request bodies, SQL with parameters, headers and tokens — sensitive values end up in log files and log services in clear text — and they multiply log volume and cost.',
    ja: 'ターゲット環境が読み込む env ファイルで LOG_LEVEL (APP_LOG_LEVEL、DJANGO_LOG_LEVEL など) が DEBUG または TRACE になっています。デバッグログはリクエストボディ、パラメーター付きの SQL、ヘッダーやトークンを記録するため、機密値が平文のままログファイルやログサービスに残り、ログの量とコストも大きく増えます。',
  },
  fix: {
    en: 'Use INFO or WARNING in deployed environments and raise the level temporarily only while investigating.',
    ja: 'デプロイ環境では INFO か WARNING にし、調査中だけ一時的に上げてください。',
  },
  references: { cwe: ['CWE-532'] },
  check(facts, ctx) {
    for (const f of facts.dotenv) {
      for (const e of effectiveEntries(f)) {
        if (!LOG_LEVEL_KEY.test(e.key) || !VERBOSE.has(e.value.trim().toLowerCase())) continue;
        ctx.report({
          file: f.file,
          line: e.valueLine,
          column: e.valueColumn,
          key: e.key,
          message: {
            en: `${e.key} is ${e.value.trim().toUpperCase()} in ${ctx.environment}: debug logs record request data and secrets in clear text`,
            ja: `${envLabel(ctx.environment).ja}環境で ${e.key} が ${e.value.trim().toUpperCase()} になっています: デバッグログはリクエストの内容や秘密値を平文で記録します`,
          },
        });
      }
    }
  },
});
