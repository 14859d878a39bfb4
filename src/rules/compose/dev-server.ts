import type { ComposePort } from '../../facts/compose.js';
import { defineRule } from '../define.js';
import { packageScriptsOf, recognizeDevServer } from '../../lib/dev-server.js';

/** `--inspect=0.0.0.0:9229` (also -brk / -wait): the inspector bound to every interface of the container. */
const INSPECT = /^--inspect(?:-brk|-wait)?=(?:(0\.0\.0\.0|\[?::\]?|\*):)?(\d{1,5})$/;

/** The inspector a command line opens on every interface, when the service publishes its port. */
function publishedInspector(argvs: readonly (readonly string[])[], ports: readonly ComposePort[]): { bind: string; port: number; published: string } | undefined {
  for (const argv of argvs) {
    for (const w of argv) {
      const m = INSPECT.exec(w);
      if (!m || !m[1]) continue; // without a host the inspector binds 127.0.0.1: unreachable through a published port
      const port = Number(m[2]);
      const p = ports.find((x) => x.published !== undefined && x.targetRange && port >= x.targetRange[0] && port <= x.targetRange[1] && !/^(127\.|::1$|\[::1\]$|localhost$)/.test(x.hostIp ?? ''));
      if (p) return { bind: `${m[1]}:${port}`, port, published: p.raw };
    }
  }
  return undefined;
}

export default defineRule({
  id: 'compose/dev-server',
  severity: 'high',
  environments: ['production', 'staging'],
  facts: ['compose'],
  title: { en: 'Compose service starts a development server', ja: 'compose のサービスが開発用サーバーを起動する' },
  description: {
    en: "A service's `command:` / `entrypoint:` in a production or shared compose file starts a development server, auto-reloader or debugger (`flask run`, `manage.py runserver`, `python app.py` calling `app.run()`, `npm run dev`, `nodemon`, `uvicorn --reload`, `rails server -e development`, `node --inspect` …), overriding whatever the image would run. These servers are not built for production traffic and some expose a debugger that runs code. A development compose file is not judged for production. A command that runs a package.json script (`npm run start-watch`) is judged by what the script runs (`nodemon src/index.js`, read from the build context's package.json). When the command opens the Node.js inspector on every interface (`--inspect=0.0.0.0:9229`) and the service publishes that port, the finding is critical: the inspector runs any code it is sent.",
    ja: '本番用または共通の compose ファイルで、サービスの `command:` / `entrypoint:` が開発用サーバー、自動リロード、デバッガーを起動しており、イメージ本来のコマンドを上書きしています (`flask run`、`manage.py runserver`、`app.run()` を呼ぶ `python app.py`、`npm run dev`、`nodemon`、`uvicorn --reload`、`rails server -e development`、`node --inspect` など)。これらは本番のトラフィック向けではなく、中にはコードを実行できるデバッガーを公開するものもあります。開発用 compose ファイルは本番向けには判定しません。package.json のスクリプトを実行するコマンド (`npm run start-watch`) は、そのスクリプトが実行するもの (ビルドコンテキストの package.json から読む `nodemon src/index.js`) で判定します。コマンドが Node.js インスペクターを全インターフェースで開き (`--inspect=0.0.0.0:9229`)、サービスがそのポートを公開している場合は critical です: インスペクターは送られたコードを何でも実行します。',
  },
  fix: {
    en: 'Run the production server (gunicorn / uvicorn workers, `node dist/server.js`, `rails server -e production`) and keep the development command in docker-compose.dev.yml or compose.override.yml.',
    ja: '本番用サーバー（gunicorn / uvicorn のワーカー、`node dist/server.js`、`rails server -e production`）で起動し、開発用のコマンドは docker-compose.dev.yml や compose.override.yml に置いてください。',
  },
  references: { cwe: ['CWE-489'] },
  check(facts, ctx) {
    for (const f of facts.compose) {
      for (const svc of f.services) {
        const packageScripts = packageScriptsOf(svc.npmScripts);
        for (const cmd of [svc.entrypoint, svc.command]) {
          if (!cmd) continue;
          const candidates = [...cmd.commands];
          // entrypoint + command as one argv (`entrypoint: ["python"]`, `command: ["app.py"]`)
          if (cmd === svc.entrypoint && svc.command) candidates.push({ argv: [...cmd.argv, ...svc.command.argv], words: [], line: cmd.line, column: cmd.column });
          // Every command line this service runs, package.json scripts included: where an inspector may open.
          const argvs = [...candidates.map((c) => c.argv), ...(svc.npmScripts ?? []).flatMap((r) => r.commands.map((c) => c.argv))];
          const m = candidates.map((c) => recognizeDevServer(c.argv, { scripts: svc.scripts, packageScripts })).find((x) => x !== undefined && x.kind !== 'debug-switch');
          // (a bare --debug switch on some program is judged by systemd/dev-server only)
          if (!m) continue;
          const inspector = publishedInspector(argvs, svc.ports);
          // `npm run start-watch`: what the package.json script runs (`nodemon src/index.js --inspect=0.0.0.0:9229`).
          const via = m.via ? `runs the ${m.via.file} script "${m.via.scripts[0]}"${m.via.scripts.length > 1 ? ` (through "${m.via.scripts.slice(1).join('", "')}")` : ''}: ` : '';
          ctx.report({
            file: f.file,
            line: cmd.line,
            column: cmd.column,
            severity: inspector ? 'critical' : undefined,
            message: {
              en: `Service "${svc.name}" ${cmd.kind} ${via}${m.what} ${m.why.en}${inspector ? `; its Node.js inspector listens on ${inspector.bind} and the service publishes port ${inspector.port} (${inspector.published}): whoever reaches that port can run code in the container` : ''}`,
              ja: `サービス "${svc.name}" の ${cmd.kind} ${via}${m.what} ${m.why.ja}${inspector ? `。さらに Node.js インスペクターが ${inspector.bind} で待ち受け、サービスがポート ${inspector.port} を公開しています (${inspector.published}): そのポートに届く人は誰でもコンテナ内でコードを実行できます` : ''}`,
            },
            fix: m.fix,
          });
          break;
        }
      }
    }
  },
});
