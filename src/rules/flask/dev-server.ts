import { entryStatus, ownedElsewhere, reportsCommand } from '../../facts/commands.js';
import { recognizeDevServer } from '../../lib/dev-server.js';
import { shellWords } from '../../lib/shell.js';
import { isFlaskRun, judged, stringItems, usesFlask } from '../../facts/python/query.js';
import { projectOf } from '../../facts/projects.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'flask/dev-server',
  severity: 'high',
  environments: ['production', 'staging'],
  facts: ['python', 'projects', 'deployCommand'],
  title: { en: 'Flask development server used for production', ja: 'Flask の開発用サーバーを本番で使用' },
  description: {
    en: "`flask run` and `app.run()` start Werkzeug's development server: single process, no worker management or timeouts, not hardened or load-tested, and its own documentation says not to use it in production. Bound to 0.0.0.0 it is reachable from the network directly, usually without TLS. Production should run a WSGI server (gunicorn, uWSGI, waitress) behind a reverse proxy.",
    ja: '`flask run` や `app.run()` は Werkzeug の開発用サーバーを起動します。単一プロセスでワーカー管理やタイムアウトがなく、堅牢化も負荷試験もされておらず、公式ドキュメントでも本番利用は禁止されています。0.0.0.0 にバインドすると (多くは TLS なしで) ネットワークから直接到達できます。本番はリバースプロキシの背後で WSGI サーバー (gunicorn、uWSGI、waitress) を使います。',
  },
  fix: {
    en: 'Start production with a WSGI server, e.g. `gunicorn -w 3 -b 127.0.0.1:8000 app:app` behind nginx (or `-b 0.0.0.0:8000` inside a container), and keep `app.run()` under `if __name__ == "__main__":` for local use only.',
    ja: '本番は WSGI サーバーで起動します。例: nginx の背後で `gunicorn -w 3 -b 127.0.0.1:8000 app:app` (コンテナ内なら `-b 0.0.0.0:8000`)。`app.run()` は `if __name__ == "__main__":` の中に置き、ローカル専用にします。',
  },
  references: { cwe: ['CWE-1188', 'CWE-605'], equivalents: ['bandit B104'] },
  check(facts, ctx) {
    const commands = facts.deployCommand;
    // A deployment command that starts the development server.
    for (const c of commands.filter(reportsCommand)) {
      if (recognizeDevServer(c.argv ?? shellWords(c.text))?.tool !== 'flask') continue;
      ctx.report({
        file: c.file,
        line: c.line,
        column: c.column,
        message: { en: '`flask run` starts the Werkzeug development server as the production server', ja: '`flask run` が Werkzeug の開発用サーバーを本番サーバーとして起動します' },
      });
    }
    if (!usesFlask(facts.python)) return;
    for (const fact of facts.python) {
      for (const call of judged(fact.calls, ctx)) {
        if (!isFlaskRun(fact, call)) continue;
        const entry = call.inMainGuard ? entryStatus(commands.filter((c) => projectOf(facts.projects, c.file) === projectOf(facts.projects, fact.file)), fact.file) : { status: 'runs' as const, invocation: undefined };
        if (entry.status === 'other') continue;
        // A Dockerfile or compose command that runs this file is docker/dev-server's or compose/dev-server's finding (they name this line).
        if (entry.invocation && ownedElsewhere(entry.invocation.command)) continue;
        const hostArg = call.kwargs.host ?? call.args[0];
        const host = stringItems(hostArg)[0]?.value ?? (typeof hostArg?.resolved === 'string' ? hostArg.resolved : undefined);
        const publicHost = host === '0.0.0.0' || host === '::' || host === '';
        const cmd = entry.invocation?.command;
        if (cmd) {
          ctx.report({
            file: fact.file,
            line: call.line,
            column: call.column,
            message: {
              en: `${call.callee}() starts the Werkzeug development server, and ${cmd.file}:${cmd.line} runs this file in production`,
              ja: `${call.callee}() は Werkzeug の開発用サーバーを起動し、${cmd.file}:${cmd.line} が本番でこのファイルを実行します`,
            },
          });
        } else if (!call.inMainGuard) {
          ctx.report({
            file: fact.file,
            line: call.line,
            column: call.column,
            message: {
              en: `${call.callee}() runs at import time, outside \`if __name__ == "__main__":\`: the development server starts wherever this module is imported${publicHost ? `, listening on ${host || 'all interfaces'}` : ''}`,
              ja: `${call.callee}() が \`if __name__ == "__main__":\` の外にあり、このモジュールを import しただけで開発用サーバーが起動します${publicHost ? ` (${host || '全インターフェース'} で待ち受け)` : ''}`,
            },
          });
        } else if (publicHost && hostArg) {
          ctx.report({
            file: fact.file,
            line: hostArg.line,
            column: hostArg.column,
            severity: 'medium',
            message: {
              en: `${call.callee}(host='${host}') exposes the Werkzeug development server on every interface whenever this file is started directly; no deployment command shows a WSGI server instead`,
              ja: `${call.callee}(host='${host}') は、このファイルを直接起動すると Werkzeug の開発用サーバーを全インターフェースに公開します。WSGI サーバーで起動するデプロイ設定が見当たりません`,
            },
          });
        }
      }
    }
  },
});
