/**
 * The one development-server recognizer (issue 9: "one concept, one place"): is this command a
 * development server, an auto-reloader, a debugger or a development script? Used for Dockerfile
 * CMD / ENTRYPOINT, compose `command:` / `entrypoint:`, systemd `ExecStart=` and Procfile lines, and
 * through package.json scripts for all of them (`npm start` → `"start": "nodemon server.js"`).
 *
 * It reads words (argv), never text: callers tokenize with src/lib/shell.ts. `sh -c "…"` bodies,
 * `a && b` chains and wrappers (`exec`, `env`, `gosu`, `bundle exec`, `poetry run` …) are looked
 * through.
 */
import type { Localized } from '../contracts/types.js';
import { isOperatorWord, shellWords, unwrapCommand, shellScriptOf } from './shell.js';

export type DevServerKind =
  /** A development web server (`flask run`, `manage.py runserver`, `next dev`, `php -S`). */
  | 'dev-server'
  /** A file watcher that restarts the app (`nodemon`, `uvicorn --reload`, `node --watch`). */
  | 'reloader'
  /** A remote debugger or inspector (`node --inspect`, `python -m debugpy`). */
  | 'debugger'
  /** A package.json development script, known by its name only (`npm run dev`). */
  | 'dev-script'
  /** A bare `--debug` switch on some program (judged by systemd/dev-server only). */
  | 'debug-switch';

export interface DevServerFinding {
  kind: DevServerKind;
  /** The tool: `flask`, `django`, `rails`, `uvicorn`, `nodemon`, `vite`, `node`, `npm` … */
  tool: string;
  /** What was found, as the user wrote it in short (`flask run`, `uvicorn --reload`). */
  what: string;
  /** Why it does not belong in production (a sentence that follows `what`). */
  why: Localized;
  fix: Localized;
  /** Index in the argv given of the word that gave it away. */
  index: number;
  /** It was found inside package.json scripts: the file and the chain of script names (`start` → `watch`); `what` is then what the last script runs. */
  via?: { file: string; scripts: string[] };
}

/** A local Python script a command may run (`python app.py`), and whether it calls `app.run()`. */
export interface DevServerScript {
  arg: string;
  file?: string;
  flaskRun?: { line: number; debug: boolean };
}

export interface DevServerContext {
  /** Local scripts the command may run (the Dockerfile / compose collectors resolve them). */
  scripts?: readonly DevServerScript[];
  /** package.json scripts beside the command (name → command line), and the file they come from. */
  packageScripts?: { file: string; scripts: Readonly<Record<string, string>> };
}

const base = (w: string) => w.slice(w.lastIndexOf('/') + 1);
const isPython = (w: string) => /^python[0-9.]*$/.test(base(w));
/** How deep `sh -c` bodies and package.json scripts are followed. */
const MAX_NESTING = 4;

/** package.json scripts whose name says "development" (judged by name when their body says nothing). */
export const DEV_SCRIPT_NAME = /^(dev|develop|development|start:dev|dev:.+|watch|serve:dev)$/;

/** The npm / yarn / pnpm / bun script a command runs, if any: `npm run X`, `npm start`, `yarn X`. */
export function npmScriptName(argv: readonly string[]): string | undefined {
  const w = unwrapCommand(argv).words;
  const tool = w[0] === undefined ? undefined : base(w[0]);
  if (!tool || !['npm', 'yarn', 'pnpm', 'bun'].includes(tool)) return undefined;
  const rest = w.slice(1).filter((x) => !x.startsWith('-'));
  if (rest[0] === 'run' || rest[0] === 'run-script') return rest[1];
  if (rest[0] === 'start' || rest[0] === 'test') return rest[0];
  return tool !== 'npm' && rest[0] && !['install', 'add', 'ci', 'build', 'exec', 'dlx', 'x'].includes(rest[0]) ? rest[0] : undefined;
}

/** What development server, reloader or debugger a command runs, if any. */
export function recognizeDevServer(argv: readonly string[], ctx: DevServerContext = {}): DevServerFinding | undefined {
  return recognize(argv, ctx, 0, []);
}

function recognize(argv: readonly string[], ctx: DevServerContext, depth: number, chain: readonly string[]): DevServerFinding | undefined {
  // `a && b`, `a; b`: each simple command on its own.
  let start = 0;
  let debugSwitch: DevServerFinding | undefined;
  for (let i = 0; i <= argv.length; i++) {
    if (i < argv.length && !isOperatorWord(argv[i]!)) continue;
    if (i > start) {
      const f = simple(argv.slice(start, i), ctx, depth, chain);
      if (f && f.kind !== 'debug-switch') return { ...f, index: f.index + start };
      if (f && !debugSwitch) debugSwitch = { ...f, index: f.index + start };
    }
    start = i + 1;
  }
  return debugSwitch;
}

function simple(argv: readonly string[], ctx: DevServerContext, depth: number, chain: readonly string[]): DevServerFinding | undefined {
  // `sh -c "…"`: the script's words (positions point at the script argument).
  const script = shellScriptOf(argv);
  if (script !== undefined) {
    if (depth >= MAX_NESTING) return undefined;
    const at = argv.indexOf(script);
    const inner = recognize(shellWords(script), ctx, depth + 1, chain);
    return inner && { ...inner, index: at };
  }
  const { words, offset, assigns } = unwrapCommand(argv);
  const found = program(words, assigns, ctx, depth, chain);
  return found && { ...found, index: found.index + offset };
}

type Found = DevServerFinding;

const WERKZEUG = (debug: boolean): Pick<Found, 'why' | 'fix'> => ({
  why: { en: `starts Werkzeug, Flask's development server: single process, not hardened, not for production${debug ? ', and with the interactive debugger that runs arbitrary code' : ''}`, ja: `は Flask の開発用サーバー (Werkzeug) を起動します。単一プロセスで堅牢化されておらず、本番向けではありません${debug ? '。さらに任意のコードを実行できる対話型デバッガーが有効です' : ''}` },
  fix: { en: 'Run a WSGI server: `gunicorn --bind 0.0.0.0:8000 --workers 3 app:app` (module:variable of your Flask app).', ja: 'WSGI サーバーで起動してください: `gunicorn --bind 0.0.0.0:8000 --workers 3 app:app`（Flask アプリのモジュール名:変数名）。' },
});
const NODE_WATCHER: Pick<Found, 'why' | 'fix'> = {
  why: { en: 'is a development server / file watcher: it restarts on file changes, serves unoptimized code and is not built for production traffic', ja: 'は開発用サーバー／ファイル監視ツールです。変更のたびに再起動し、最適化されていないコードを配信し、本番のトラフィックを想定していません' },
  fix: { en: 'Build the app in the image and run its production server (`node dist/server.js`, `next start`, or static files behind nginx).', ja: 'イメージ内でビルドし、本番用サーバー（`node dist/server.js`、`next start`、または nginx で静的配信）で起動してください。' },
};
/** Node tools that serve or watch in development: does this argv run them that way? */
const NODE_DEV: Record<string, (x: readonly string[]) => boolean> = {
  nodemon: () => true,
  'ts-node-dev': () => true,
  'node-dev': () => true,
  'webpack-dev-server': () => true,
  webpack: (x) => x[1] === 'serve' || x.includes('--watch'),
  next: (x) => x[1] === 'dev',
  nuxt: (x) => x[1] === 'dev',
  nuxi: (x) => x[1] === 'dev',
  remix: (x) => x[1] === 'dev',
  astro: (x) => x[1] === 'dev',
  vite: (x) => x[1] === undefined || x[1] === 'dev' || x[1] === 'serve' || (x[1]!.startsWith('-') && !x.includes('build') && !x.includes('preview')),
  ng: (x) => x[1] === 'serve',
  'react-scripts': (x) => x[1] === 'start',
  'vue-cli-service': (x) => x[1] === 'serve',
  tsx: (x) => x[1] === 'watch',
};
/** Flask CLI options that take a value (`flask --app run run` runs the app named "run"). */
const FLASK_VALUED = new Set(['--app', '-A', '--env-file', '-e']);

function program(w0: readonly string[], assigns: readonly string[], ctx: DevServerContext, depth: number, chain: readonly string[]): Found | undefined {
  let w = w0;
  let off = 0;
  if (!w.length) return undefined;
  // python -m <module> …  →  <module> …
  if (isPython(w[0]!) && w[1] === '-m' && w[2]) {
    const mod = w[2];
    if (mod === 'http.server' || mod === 'SimpleHTTPServer') {
      return { kind: 'dev-server', tool: 'python', what: `python -m ${mod}`, why: { en: "is Python's built-in file server, meant for local testing only", ja: 'はローカルでの確認用の Python 組み込みファイルサーバーです' }, fix: { en: 'Serve static files with nginx (or the application server) instead of `python -m http.server`.', ja: '`python -m http.server` ではなく nginx（またはアプリケーションサーバー）で静的ファイルを配信してください。' }, index: 0 };
    }
    if (mod === 'debugpy' || mod === 'ptvsd' || mod === 'pdb') {
      return { kind: 'debugger', tool: mod, what: `python -m ${mod}`, why: { en: 'starts a remote debugger: anyone who reaches its port can run code in the container', ja: 'はリモートデバッガーを起動します。そのポートに届く人は誰でもコンテナ内でコードを実行できます' }, fix: { en: `Remove \`-m ${mod}\` from the production command; debug in a development image.`, ja: `本番のコマンドから \`-m ${mod}\` を外し、デバッグは開発用イメージで行ってください。` }, index: 0 };
    }
    w = [mod, ...w.slice(3)];
    off = 2;
  }
  const cmd0 = base(w[0]!);
  const has = (flag: string) => w.some((x) => x === flag || x.startsWith(flag + '='));
  /** Index in the unwrapped argv of word i of `w` (after `python -m`). */
  const at = (i: number) => i + off;

  if (cmd0 === 'flask') {
    const run = w.findIndex((x, k) => k > 0 && x === 'run' && !FLASK_VALUED.has(w[k - 1]!));
    if (run > 0) {
      const debug = has('--debug') || has('--reload') || assigns.some((a) => /^FLASK_DEBUG=(1|true)$/i.test(a));
      return { kind: 'dev-server', tool: 'flask', what: debug ? 'flask run --debug' : 'flask run', ...WERKZEUG(debug), index: at(0) };
    }
  }
  const manage = w.findIndex((x) => base(x) === 'manage.py' || base(x) === 'django-admin' || base(x) === 'django-admin.py');
  const runserver = w.findIndex((x) => x === 'runserver' || x === 'runserver_plus');
  if (manage >= 0 && runserver > manage) {
    return {
      kind: 'dev-server',
      tool: 'django',
      what: 'manage.py runserver',
      why: { en: "starts Django's development server, which Django's own documentation says must not be used in production", ja: 'は Django の開発用サーバーを起動します。Django 公式ドキュメントも本番で使ってはならないと明言しています' },
      fix: { en: 'Run a WSGI/ASGI server: `gunicorn myproject.wsgi:application --bind 0.0.0.0:8000` (or uvicorn with myproject.asgi).', ja: 'WSGI/ASGI サーバーで起動してください: `gunicorn myproject.wsgi:application --bind 0.0.0.0:8000`（または myproject.asgi を uvicorn で）。' },
      index: at(runserver),
    };
  }
  if (isPython(w[0]!)) {
    const scriptArg = w.slice(1).find((x) => !x.startsWith('-'));
    const ref = scriptArg ? ctx.scripts?.find((s) => s.arg === scriptArg) : undefined;
    if (ref?.flaskRun && scriptArg) {
      const module = scriptArg.replace(/^.*\//, '').replace(/\.py$/, '');
      return {
        kind: 'dev-server',
        tool: 'flask',
        what: `python ${scriptArg}`,
        why: {
          en: `runs ${ref.file}, which starts Flask's development server with app.run() (${ref.file}:${ref.flaskRun.line})${ref.flaskRun.debug ? ' with debug=True: the interactive debugger runs arbitrary code' : ''}`,
          ja: `は ${ref.file} を実行し、app.run() で Flask の開発用サーバーを起動します (${ref.file}:${ref.flaskRun.line})${ref.flaskRun.debug ? '。debug=True のため任意のコードを実行できるデバッガーも有効です' : ''}`,
        },
        fix: { en: `Start the app with gunicorn instead of \`python ${scriptArg}\`: \`gunicorn --bind 0.0.0.0:8000 ${module}:app\`; keep app.run() only under \`if __name__ == "__main__"\` for local use.`, ja: `\`python ${scriptArg}\` ではなく gunicorn で起動してください: \`gunicorn --bind 0.0.0.0:8000 ${module}:app\`。app.run() はローカル用に \`if __name__ == "__main__"\` の中だけに残します。` },
        index: at(0),
      };
    }
  }
  if (['npm', 'yarn', 'pnpm', 'bun'].includes(cmd0)) {
    const script = npmScriptName(w);
    const rest = w.slice(1).filter((x) => !x.startsWith('-'));
    const shown = script === undefined ? '' : `${cmd0} ${rest[0] === 'run' || rest[0] === 'run-script' ? rest[0] + ' ' : ''}${script}`;
    // What the package.json script runs (`"start": "nodemon server.js"`).
    const pkg = ctx.packageScripts;
    const body = script !== undefined && pkg && Object.prototype.hasOwnProperty.call(pkg.scripts, script) ? pkg.scripts[script] : undefined;
    if (body !== undefined && depth < MAX_NESTING && !chain.includes(script!)) {
      const inner = recognize(shellWords(body), ctx, depth + 1, [...chain, script!]);
      if (inner && inner.kind !== 'debug-switch') {
        const scripts = [script!, ...(inner.via?.scripts ?? [])];
        return { ...inner, via: { file: pkg!.file, scripts }, index: at(0) };
      }
    }
    if (script && DEV_SCRIPT_NAME.test(script)) {
      return {
        kind: 'dev-script',
        tool: cmd0,
        what: shown,
        why: { en: "runs the project's development script (a watcher / dev server with hot reload, unminified builds and verbose errors)", ja: 'はプロジェクトの開発用スクリプト（ホットリロード付きの監視・開発サーバー、未圧縮ビルド、詳細なエラー表示）を実行します' },
        fix: { en: 'Build in the image (`npm run build`) and start the production server (`npm start` / `node dist/server.js` / `next start`) with NODE_ENV=production.', ja: 'イメージ内でビルド (`npm run build`) し、NODE_ENV=production で本番用サーバー（`npm start` / `node dist/server.js` / `next start` など）を起動してください。' },
        index: at(0),
      };
    }
  }
  if (NODE_DEV[cmd0]?.(w)) return { kind: cmd0 === 'nodemon' || cmd0 === 'ts-node-dev' || cmd0 === 'node-dev' || cmd0 === 'tsx' ? 'reloader' : 'dev-server', tool: cmd0, what: w.slice(0, 2).join(' '), ...NODE_WATCHER, index: at(0) };
  if (cmd0 === 'node' || cmd0 === 'nodejs') {
    const i = w.findIndex((x) => /^--inspect(-brk)?(=|$)/.test(x));
    if (i > 0) {
      return {
        kind: 'debugger',
        tool: 'node',
        what: `node ${w[i]}`,
        why: { en: 'opens the Node.js inspector: whoever reaches its port can run arbitrary code in the process', ja: 'は Node.js のインスペクターを開きます。そのポートに届く人は誰でもプロセス内で任意のコードを実行できます' },
        fix: { en: `Remove \`${w[i]}\` from the production command.`, ja: `本番のコマンドから \`${w[i]}\` を外してください。` },
        index: at(i),
      };
    }
    const watch = w.findIndex((x) => x === '--watch' || x.startsWith('--watch='));
    if (watch > 0) {
      return { kind: 'reloader', tool: 'node', what: 'node --watch', why: { en: 'restarts the process on every file change (a development watcher)', ja: 'はファイル変更のたびにプロセスを再起動する開発用の監視モードです' }, fix: { en: 'Remove `--watch` from the production command.', ja: '本番のコマンドから `--watch` を外してください。' }, index: at(watch) };
    }
  }
  if (cmd0 === 'rails' && (w[1] === 's' || w[1] === 'server')) {
    let env: string | undefined;
    for (let i = 2; i < w.length; i++) {
      if (w[i] === '-e' || w[i] === '--environment') env = w[i + 1];
      else if (w[i]!.startsWith('--environment=')) env = w[i]!.slice(14);
      else if (/^-e./.test(w[i]!)) env = w[i]!.slice(2);
    }
    env ??= assigns.find((a) => a.startsWith('RAILS_ENV='))?.slice(10);
    if (env && /^(development|dev|test)$/.test(env)) {
      return {
        kind: 'dev-server',
        tool: 'rails',
        what: `rails server -e ${env}`,
        why: { en: `runs Rails in the ${env} environment: code reloading, full error pages with source and no production caching`, ja: `は Rails を ${env} 環境で起動します。コードの再読み込み、ソースを含む詳細なエラーページが有効で、本番用のキャッシュもありません` },
        fix: { en: 'Start Rails in production: `bin/rails server -e production` (or RAILS_ENV=production), behind a proper process manager.', ja: '本番環境で起動してください: `bin/rails server -e production`（または RAILS_ENV=production）。' },
        index: at(0),
      };
    }
  }
  if (['uvicorn', 'gunicorn', 'hypercorn', 'granian', 'daphne'].includes(cmd0)) {
    const i = w.findIndex((x) => x === '--reload' || x.startsWith('--reload=') || x === '--reload-engine');
    if (i > 0) {
      return {
        kind: 'reloader',
        tool: cmd0,
        what: `${cmd0} --reload`,
        why: { en: 'restarts the server whenever a file changes: a development convenience that watches the file system and reloads code in production', ja: 'はファイルが変わるたびにサーバーを再起動する開発用の機能です。本番でファイルを監視し、コードを再読み込みしてしまいます' },
        fix: { en: 'Remove `--reload` and set the worker count instead (`--workers 4`).', ja: '`--reload` を外し、代わりにワーカー数を指定してください (`--workers 4`)。' },
        index: at(i),
      };
    }
  }
  if (cmd0 === 'fastapi' && w[1] === 'dev') {
    return { kind: 'dev-server', tool: 'fastapi', what: 'fastapi dev', why: { en: 'starts FastAPI in development mode (auto-reload, bound for local use)', ja: 'は FastAPI を開発モード（自動リロード付き、ローカル用）で起動します' }, fix: { en: 'Use `fastapi run` (or `uvicorn main:app --workers 4`) in production.', ja: '本番では `fastapi run`（または `uvicorn main:app --workers 4`）を使ってください。' }, index: at(1) };
  }
  const artisan = cmd0 === 'artisan' ? 0 : cmd0 === 'php' && w[1] !== undefined && base(w[1]) === 'artisan' ? 1 : -1;
  if ((cmd0 === 'php' && w.includes('-S')) || (artisan >= 0 && w[artisan + 1] === 'serve')) {
    return { kind: 'dev-server', tool: 'php', what: w.includes('-S') ? 'php -S' : 'php artisan serve', why: { en: "starts PHP's built-in web server, which the PHP manual says is for development only", ja: 'は PHP 組み込みの Web サーバーを起動します。PHP マニュアルでも開発専用とされています' }, fix: { en: 'Serve PHP with php-fpm behind nginx (or Apache with mod_php).', ja: 'nginx + php-fpm（または Apache + mod_php）で配信してください。' }, index: at(0) };
  }
  const d = w.findIndex((a) => a === '--debug' || a === '--debugger' || a === '--debug=true' || a === '--debug=True');
  if (d > 0) {
    return { kind: 'debug-switch', tool: cmd0, what: `the debug switch ${w[d]}`, why: { en: 'turns on debug mode: debuggers and stack traces with settings for whoever reaches the service', ja: 'はデバッグモードを有効にします。到達した人にデバッガーや設定を含むスタックトレースを見せてしまいます' }, fix: { en: `Remove \`${w[d]}\` from the production command.`, ja: `本番のコマンドから \`${w[d]}\` を外してください。` }, index: at(d) };
  }
  return undefined;
}

/** The recognizer's view of collected package.json script references (those of the first one's file). */
export function packageScriptsOf(refs: readonly { name: string; body: string; file: string }[] | undefined): DevServerContext['packageScripts'] {
  const first = refs?.[0];
  if (!first) return undefined;
  const scripts: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const r of refs!) if (r.file === first.file) scripts[r.name] = r.body;
  return { file: first.file, scripts };
}
