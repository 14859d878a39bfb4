import { entryStatus, ownedElsewhere } from '../../facts/commands.js';
import { fromEnv, isFlaskRun, isFlaskSetting, judged, placeOf, pyRepr, settingsOf, truthyValue, usesFlask } from '../../facts/python/query.js';
import { projectOf } from '../../facts/projects.js';
import { defineRule } from '../define.js';

const DEBUG_KEYS = new Set(['DEBUG', 'FLASK_DEBUG']);
const ENV_KEYS = new Set(['ENV', 'FLASK_ENV']);

export default defineRule({
  id: 'flask/debug-enabled',
  severity: 'high',
  environments: ['production', 'staging'],
  facts: ['python', 'projects', 'deployCommand'],
  title: { en: 'Flask debug mode is on', ja: 'Flask のデバッグモードが有効' },
  description: {
    en: "Debug mode turns on the Werkzeug interactive debugger: anyone who can trigger an error gets a Python console in the server process (remote code execution), plus full tracebacks with source and settings. `app.run(debug=True)`, `DEBUG = True` / `FLASK_DEBUG = True` in configuration production loads, or a debug default that applies whenever the variable is missing, all reach production this way. A string such as 'False' read from the environment is also on: Python treats every non-empty string as true.",
    ja: 'デバッグモードは Werkzeug の対話型デバッガを有効にします。エラーを起こせる人なら誰でもサーバープロセス内で Python コンソールを使え (リモートコード実行)、ソースや設定を含むトレースバックも表示されます。`app.run(debug=True)`、本番が読み込む設定の `DEBUG = True` / `FLASK_DEBUG = True`、変数が未設定のときに有効になるデフォルト値は、いずれも本番に持ち込まれます。環境変数から読んだ文字列 \'False\' も有効扱いです (Python では空でない文字列はすべて真)。',
  },
  fix: {
    en: "Remove `debug=True` from `app.run` and serve production with gunicorn (`gunicorn -w 4 app:app`). Read the flag from the environment with an off default: `DEBUG = os.environ.get('FLASK_DEBUG', '0') == '1'`, and keep `DEBUG = True` only in DevelopmentConfig.",
    ja: '`app.run` から `debug=True` を外し、本番は gunicorn で配信します (`gunicorn -w 4 app:app`)。フラグは無効をデフォルトにして環境変数から読みます: `DEBUG = os.environ.get(\'FLASK_DEBUG\', \'0\') == \'1\'`。`DEBUG = True` は DevelopmentConfig の中だけに置きます。',
  },
  references: { cwe: ['CWE-489', 'CWE-215', 'CWE-94'], equivalents: ['bandit B201'] },
  check(facts, ctx) {
    if (!usesFlask(facts.python)) return;
    const commands = facts.deployCommand;
    for (const fact of facts.python) {
      for (const call of judged(fact.calls, ctx)) {
        if (!isFlaskRun(fact, call)) continue;
        const entry = call.inMainGuard ? entryStatus(commands.filter((c) => projectOf(facts.projects, c.file) === projectOf(facts.projects, fact.file)), fact.file) : { status: 'runs' as const };
        if (entry.status === 'other') continue; // production starts a WSGI server; this block never runs there
        // docker/dev-server and compose/dev-server report `python app.py` with the debugger on at this very call.
        if ('invocation' in entry && entry.invocation && ownedElsewhere(entry.invocation.command)) continue;
        for (const kw of ['debug', 'use_debugger'] as const) {
          const v = call.kwargs[kw] ?? (kw === 'debug' ? call.args[2] : undefined);
          if (truthyValue(v) !== true) continue;
          const via = fromEnv(v) ? { en: ` (the default when ${v!.envNames!.join(', ')} is not set)`, ja: `(${v!.envNames!.join(', ')} が未設定のときのデフォルト)` } : { en: '', ja: '' };
          const unknown = entry.status === 'unknown';
          const runs = 'invocation' in entry && entry.invocation ? entry.invocation.command : undefined;
          ctx.report({
            file: fact.file,
            line: v!.line,
            column: v!.column,
            severity: unknown ? 'medium' : undefined,
            message: {
              en: `${call.callee}(${kw}=…) turns on the Werkzeug debugger${via.en}${runs ? `; ${runs.file}:${runs.line} starts this file in production` : unknown ? ' whenever this file is started directly' : ''}`,
              ja: `${call.callee}(${kw}=…) が Werkzeug デバッガを有効にします${via.ja}${runs ? `。${runs.file}:${runs.line} が本番でこのファイルを直接起動します` : unknown ? '。このファイルを直接起動すると有効になります' : ''}`,
            },
          });
        }
      }
    }
    for (const { fact, a } of settingsOf(facts.python, ctx, DEBUG_KEYS, isFlaskSetting)) {
      if (truthyValue(a.value) !== true) continue;
      const r = a.value.resolved;
      const where = placeOf(a);
      const isString = typeof r === 'string';
      const env = fromEnv(a.value);
      ctx.report({
        file: fact.file,
        line: a.line,
        column: a.column,
        message: isString
          ? {
              en: `${a.key} is a non-empty string${env ? ` (${a.value.envNames!.join(', ')} read without conversion)` : ''}${where.en}: Python treats any non-empty string, even 'False', as true, so debug mode is on`,
              ja: `${a.key} が空でない文字列です${env ? ` (${a.value.envNames!.join(', ')} を変換せずに代入)` : ''}${where.ja}。'False' を含め空でない文字列は真と扱われ、デバッグモードが有効になります`,
            }
          : env
            ? { en: `${a.key} defaults to on${where.en} when ${a.value.envNames!.join(', ')} is not set`, ja: `${a.key} は ${a.value.envNames!.join(', ')} が未設定のとき有効になります${where.ja}` }
            : { en: `${a.key} is set to ${pyRepr(r!)}${a.via === 'app-attribute' ? ` via ${a.target}` : ''}${where.en}`, ja: `${a.key} が ${pyRepr(r!)} に設定されています${a.via === 'app-attribute' ? ` (${a.target})` : ''}${where.ja}` },
        fix: isString
          ? { en: `Convert the variable: ${a.key} = os.environ.get('FLASK_DEBUG', '0').lower() in ('1', 'true')`, ja: `変数を真偽値に変換します: ${a.key} = os.environ.get('FLASK_DEBUG', '0').lower() in ('1', 'true')` }
          : undefined,
      });
    }
    // Flask < 2.3: ENV = 'development' turns debug on as well.
    for (const { fact, a } of settingsOf(facts.python, ctx, ENV_KEYS, isFlaskSetting)) {
      const r = a.value.resolved;
      if (typeof r !== 'string' || !/^(development|dev)$/i.test(r)) continue;
      ctx.report({
        file: fact.file,
        line: a.line,
        column: a.column,
        severity: 'medium',
        message: {
          en: `${a.key} is '${r}'${fromEnv(a.value) ? ` when ${a.value.envNames!.join(', ')} is not set` : ''}${placeOf(a).en}: Flask before 2.3 turns on debug mode in the development environment`,
          ja: `${a.key} が '${r}' です${fromEnv(a.value) ? ` (${a.value.envNames!.join(', ')} が未設定のとき)` : ''}${placeOf(a).ja}。Flask 2.3 未満では development 環境でデバッグモードが有効になります`,
        },
      });
    }
  },
});
