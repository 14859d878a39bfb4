import { parseBoolean } from '../../lib/values.js';
import { defineRule } from '../define.js';
import { asCanonical, at, withRole } from './_common.js';

/** Debug switches that turn on Werkzeug's interactive debugger: remote code execution. */
const CONSOLE = /^(FLASK_DEBUG|WERKZEUG_DEBUG|WERKZEUG_DEBUG_PIN)$/i;

export default defineRule({
  id: 'env/debug-mode-on',
  severity: 'high',
  command: 'env',
  environments: ['production', 'staging'],
  facts: ['envVar'],
  title: {
    en: 'Debug mode on in the resolved environment',
    ja: '解決後の環境でデバッグモードが有効',
  },
  description: {
    en: 'A debug switch (DEBUG, FLASK_DEBUG, DJANGO_DEBUG, APP_DEBUG …) resolves to true for a production-like environment. Debug pages show source, settings and environment variables to anyone who triggers an error; Flask/Werkzeug\'s debugger even runs code typed into the browser.',
    ja: 'デバッグスイッチ (DEBUG、FLASK_DEBUG、DJANGO_DEBUG、APP_DEBUG など) が本番相当の環境で true に解決されます。デバッグページはエラーを起こした誰にでもソースコード、設定、環境変数を見せます。Flask/Werkzeug のデバッガーはブラウザから入力されたコードまで実行します。',
  },
  fix: {
    en: 'Set it to false (or remove it) in this environment\'s source, and check that no later source (secrets, process environment) turns it back on.',
    ja: 'この環境のソースで false にする (または削除する) とともに、より優先されるソース (シークレット、プロセス環境変数) で再び有効になっていないか確認してください。',
  },
  references: { cwe: ['CWE-489', 'CWE-215'], equivalents: ['Django security.W018'] },
  check(facts, ctx) {
    for (const v of withRole(facts.envVar, 'debug')) {
      if (parseBoolean(v.value) !== true) continue;
      const c = asCanonical(v.key);
      ctx.report({
        ...at(v),
        severity: CONSOLE.test(v.key) ? 'critical' : undefined,
        message: {
          en: `${v.key} is on ("${v.value.trim()}") in ${ctx.environment}${c.en}${CONSOLE.test(v.key) ? ': the Werkzeug debugger runs code from the browser' : ''}`,
          ja: `${v.key} が ${ctx.environment} で有効 ("${v.value.trim()}") です${c.ja}${CONSOLE.test(v.key) ? '。Werkzeug のデバッガーはブラウザからのコードを実行します' : ''}`,
        },
        fix: { en: `Set ${v.key}=False in ${v.file}${v.line ? '' : ' (the process environment)'} for ${ctx.environment}.`, ja: `${ctx.environment} の ${v.file} で ${v.key}=False にしてください。` },
        fingerprint: `${v.key} debug`,
      });
    }
  },
});
