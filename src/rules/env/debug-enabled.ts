import { DEBUG_KEYS, isTruthy } from '../../lib/values.js';
import { defineRule } from '../define.js';
import { effectiveEntries, envLabel } from './_util.js';

/** Node.js options that open the inspector (remote code execution for anyone who reaches the port). */
const INSPECT = /(^|\s)--inspect(-brk|-wait)?(=|\s|$)/;

export default defineRule({
  id: 'env/debug-enabled',
  severity: 'high',
  environments: ['production', 'staging'],
  facts: ['dotenv'],
  title: {
    en: 'Debug mode switched on in an env file',
    ja: 'env ファイルでデバッグモードが有効',
  },
  description: {
    en: 'An env file the target environment loads turns on a framework debug switch (DEBUG, FLASK_DEBUG, DJANGO_DEBUG, APP_DEBUG, UVICORN_RELOAD …) or the Node.js inspector (NODE_OPTIONS=--inspect). Debug pages show source code, settings and environment variables to anyone who triggers an error; the Werkzeug debugger and the Node inspector let a visitor run code on the server. Files for development (`.env.development`) are not judged for production.',
    ja: 'ターゲット環境が読み込む env ファイルで、フレームワークのデバッグスイッチ (DEBUG、FLASK_DEBUG、DJANGO_DEBUG、APP_DEBUG、UVICORN_RELOAD など) や Node.js のインスペクター (NODE_OPTIONS=--inspect) が有効になっています。デバッグページはエラーを起こした誰にでもソースコード、設定、環境変数を見せてしまい、Werkzeug デバッガーや Node のインスペクターはサーバー上でコードを実行させてしまいます。開発用のファイル (`.env.development`) は本番の判定対象外です。',
  },
  fix: {
    en: 'Set the switch to false (`DEBUG=False`) in the production env file, or remove it so the framework default (off) applies; keep debug only in `.env.development`.',
    ja: '本番用 env ファイルではスイッチを false (`DEBUG=False`) にするか、行を削除してフレームワークの既定値 (無効) にしてください。デバッグは `.env.development` だけで有効にします。',
  },
  references: { cwe: ['CWE-489', 'CWE-215'], equivalents: ['Django security.W018'] },
  check(facts, ctx) {
    for (const f of facts.dotenv) {
      for (const e of effectiveEntries(f)) {
        const key = e.key.toUpperCase();
        if (DEBUG_KEYS.has(key) && isTruthy(e.value)) {
          ctx.report({
            file: f.file,
            line: e.line,
            column: e.column,
            key: e.key,
            message: {
              en: `${e.key} turns debug mode on in an env file loaded in ${ctx.environment}`,
              ja: `${envLabel(ctx.environment).ja}環境で読み込まれる env ファイルで ${e.key} がデバッグモードを有効にしています`,
            },
            fix: {
              en: `Set ${e.key}=False in ${f.file} (or delete the line); enable debug only in .env.development.`,
              ja: `${f.file} で ${e.key}=False にする (または行を削除する) ようにし、デバッグは .env.development だけで有効にしてください。`,
            },
          });
        } else if (key === 'NODE_OPTIONS' && INSPECT.test(e.value)) {
          ctx.report({
            file: f.file,
            line: e.line,
            column: e.column,
            key: e.key,
            severity: 'critical',
            message: {
              en: `NODE_OPTIONS opens the Node.js inspector (--inspect) in ${ctx.environment}: anyone who reaches its port can run code in the process`,
              ja: `${envLabel(ctx.environment).ja}環境で NODE_OPTIONS が Node.js インスペクター (--inspect) を開いています: そのポートに到達できる人は誰でもプロセス内でコードを実行できます`,
            },
            fix: {
              en: `Remove --inspect from NODE_OPTIONS in ${f.file}; attach a debugger only to a local or tunnelled process.`,
              ja: `${f.file} の NODE_OPTIONS から --inspect を削除してください。デバッガーはローカルまたはトンネル経由のプロセスにだけ接続します。`,
            },
          });
        }
      }
    }
  },
});
