import { catalogEntry } from '../../lib/env-catalog.js';
import { schemaControlsValue } from '../../lib/env-spec.js';
import { DEBUG_KEYS, isTruthy, parseBoolean } from '../../lib/values.js';
import type { EnvVarFact } from '../../facts/env.js';
import { defineRule } from '../define.js';
import { asCanonical, at, isSet } from './_common.js';
import { envLabel } from './_util.js';

/** Node.js options that open the inspector (remote code execution for anyone who reaches the port). */
const INSPECT = /(^|\s)--inspect(-brk|-wait)?(=|\s|$)/;

/** Debug switches that turn on Werkzeug's interactive debugger: remote code execution. */
const CONSOLE = /^(FLASK_DEBUG|WERKZEUG_DEBUG|WERKZEUG_DEBUG_PIN)$/i;

/** A debug switch: a framework name (DEBUG_KEYS) or the catalog's debug role (`MKS_DEBUG` reads as DEBUG). */
function isDebugKey(v: EnvVarFact): boolean {
  if (schemaControlsValue(v.spec)) return false;
  return DEBUG_KEYS.has(v.key.toUpperCase()) || catalogEntry(v.key)?.role === 'debug';
}

export default defineRule({
  id: 'env/debug-enabled',
  severity: 'high',
  environments: ['production', 'staging'],
  command: ['scan', 'env'],
  facts: ['envVar'],
  title: {
    en: 'Debug mode switched on in an env file',
    ja: 'env ファイルでデバッグモードが有効',
  },
  description: {
    en: 'An env file the target environment loads turns on a framework debug switch (DEBUG, FLASK_DEBUG, DJANGO_DEBUG, APP_DEBUG, UVICORN_RELOAD …) or the Node.js inspector (NODE_OPTIONS=--inspect). Debug pages show source code, settings and environment variables to anyone who triggers an error; the Werkzeug debugger and the Node inspector let a visitor run code on the server. Files for development (`.env.development`) are not judged for production. `honban scan` judges the env files of the repository and `honban env` the resolved environment (every layer, secrets and the process environment included): both report this one id, which replaces env/debug-mode-on. A `.flaskenv` is loaded by the Flask CLI in every environment (never by gunicorn or uWSGI): a debug switch there is reported at medium severity.',
    ja: 'ターゲット環境が読み込む env ファイルで、フレームワークのデバッグスイッチ (DEBUG、FLASK_DEBUG、DJANGO_DEBUG、APP_DEBUG、UVICORN_RELOAD など) や Node.js のインスペクター (NODE_OPTIONS=--inspect) が有効になっています。デバッグページはエラーを起こした誰にでもソースコード、設定、環境変数を見せてしまい、Werkzeug デバッガーや Node のインスペクターはサーバー上でコードを実行させてしまいます。開発用のファイル (`.env.development`) は本番の判定対象外です。 `honban scan` はリポジトリの env ファイルを、`honban env` は解決後の環境 (すべてのレイヤー、シークレット、プロセス環境変数を含む) を判定し、どちらもこの 1 つの ID で報告します (env/debug-mode-on はこの ID に統合されました)。`.flaskenv` は Flask CLI がどの環境でも読み込む (gunicorn や uWSGI は読まない) ため、そこでのデバッグスイッチは medium として報告します。',
  },
  fix: {
    en: 'Set the switch to false (`DEBUG=False`) in the production env file, or remove it so the framework default (off) applies; keep debug only in `.env.development`.',
    ja: '本番用 env ファイルではスイッチを false (`DEBUG=False`) にするか、行を削除してフレームワークの既定値 (無効) にしてください。デバッグは `.env.development` だけで有効にします。',
  },
  references: { cwe: ['CWE-489', 'CWE-215'], equivalents: ['Django security.W018'] },
  check(facts, ctx) {
    for (const v of facts.envVar) {
      if (!isSet(v)) continue;
      if (isDebugKey(v) && (isTruthy(v.value) || parseBoolean(v.value) === true)) {
        const c = asCanonical(v.key);
        const console = CONSOLE.test(v.key) || CONSOLE.test(catalogEntry(v.key)?.key ?? '');
        if (v.loader === 'flask-cli') {
          // .flaskenv: every `flask` command reads it wherever the code is checked out; gunicorn does not.
          ctx.report({
            ...at(v),
            severity: 'medium',
            message: {
              en: `${v.key} turns debug mode on in ${v.file}, which the Flask CLI loads in every environment: \`flask run\` (and app.run() with python-dotenv) starts the Werkzeug debugger on any server where the variable is not set to 0; gunicorn and uWSGI do not read the file`,
              ja: `${v.key} が ${v.file} でデバッグモードを有効にしています。このファイルは Flask CLI がどの環境でも読み込むため、変数を 0 にしていないサーバーで \`flask run\` (python-dotenv がある場合の app.run() も) を実行すると Werkzeug デバッガーが起動します (gunicorn や uWSGI はこのファイルを読みません)`,
            },
            fix: {
              en: `Remove ${v.key} from ${v.file} (it is committed and shared by every environment) and set it only in the developer's untracked .env.`,
              ja: `${v.file} から ${v.key} を削除し (このファイルはコミットされ全環境で共有されます)、開発者の追跡されない .env だけで設定してください。`,
            },
          });
          continue;
        }
        ctx.report({
          ...at(v),
          severity: console ? 'critical' : undefined,
          message: {
            en: `${v.key} turns debug mode on ("${v.value.trim()}") in ${ctx.environment}${c.en}${console ? ': the Werkzeug debugger runs code typed into the browser' : ''}`,
            ja: `${envLabel(ctx.environment).ja}環境で ${v.key} がデバッグモードを有効にしています ("${v.value.trim()}")${c.ja}${console ? '。Werkzeug のデバッガーはブラウザから入力されたコードを実行します' : ''}`,
          },
          fix: {
            en: `Set ${v.key}=False in ${v.file}${v.line ? '' : ' (the process environment)'} (or delete it); enable debug only in .env.development.`,
            ja: `${v.file} で ${v.key}=False にする (または削除する) ようにし、デバッグは .env.development だけで有効にしてください。`,
          },
        });
      } else if (v.key.toUpperCase() === 'NODE_OPTIONS' && INSPECT.test(v.value)) {
        ctx.report({
          ...at(v),
          severity: 'critical',
          message: {
            en: `NODE_OPTIONS opens the Node.js inspector (--inspect) in ${ctx.environment}: anyone who reaches its port can run code in the process`,
            ja: `${envLabel(ctx.environment).ja}環境で NODE_OPTIONS が Node.js インスペクター (--inspect) を開いています: そのポートに到達できる人は誰でもプロセス内でコードを実行できます`,
          },
          fix: {
            en: `Remove --inspect from NODE_OPTIONS in ${v.file}; attach a debugger only to a local or tunnelled process.`,
            ja: `${v.file} の NODE_OPTIONS から --inspect を削除してください。デバッガーはローカルまたはトンネル経由のプロセスにだけ接続します。`,
          },
        });
      }
    }
  },
});
