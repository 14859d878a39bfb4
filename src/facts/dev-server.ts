/**
 * Recognizes development servers, auto-reloaders and debuggers in a container's command line.
 * Shared by docker/dev-server and compose/dev-server.
 */
import type { ScriptRef, ShellWord } from './dockerfile.js';
import type { Localized } from '../contracts/types.js';

export interface DevServerMatch {
  /** What was found, as the user wrote it in short (`flask run`, `uvicorn --reload`). */
  what: string;
  /** Why it does not belong in production. */
  why: Localized;
  fix: Localized;
  /** Where: the word that gave it away. */
  line?: number;
  column?: number;
}

interface Cmd {
  argv: string[];
  words?: ShellWord[];
  line?: number;
  column?: number;
}

const base = (w: string) => w.split('/').pop() ?? w;
const isPython = (w: string) => /^python[0-9.]*$/.test(base(w));

/** Drops wrappers that do not change what runs: env assignments, exec, npx, bundle exec, poetry run, tini, gosu … */
function unwrap(argv: readonly string[]): { words: string[]; offset: number; assigns: string[] } {
  let i = 0;
  const assigns: string[] = [];
  for (let guard = 0; guard < 20 && i < argv.length; guard++) {
    const w = argv[i]!;
    const b = base(w);
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) {
      assigns.push(w);
      i++;
    } else if (['exec', 'nohup', 'command', 'then', 'do', 'else', '{', 'time', 'npx', 'dumb-init', 'sudo'].includes(b)) {
      i++;
    } else if (b === 'tini' || b === 'tini-static') {
      i++;
      while (i < argv.length && argv[i]!.startsWith('-')) i++;
    } else if (b === 'env') {
      i++;
      while (i < argv.length && argv[i]!.startsWith('-')) i++;
    } else if ((b === 'bundle' && argv[i + 1] === 'exec') || (['poetry', 'pipenv', 'uv', 'pdm', 'hatch', 'rye'].includes(b) && argv[i + 1] === 'run')) {
      i += 2;
    } else if (['gosu', 'su-exec', 'chpst', 's6-setuidgid'].includes(b)) {
      i += 2;
    } else if (w === '--') {
      i++;
    } else break;
  }
  return { words: argv.slice(i), offset: i, assigns };
}

const NODE_DEV_SCRIPTS = /^(dev|develop|development|start:dev|dev:.+|watch|serve:dev)$/;

/** The development server a simple command starts, if any. */
export function devServerOf(cmd: Cmd, scripts: readonly ScriptRef[] = []): DevServerMatch | undefined {
  const { words: w0, offset, assigns } = unwrap(cmd.argv);
  let w = w0;
  let off = offset;
  const posOf = (i: number) => {
    const word = cmd.words?.[off + i];
    return word ? { line: word.line, column: word.column } : { line: cmd.line, column: cmd.column };
  };
  if (!w.length) return undefined;
  // python -m <module> …  →  <module> …
  if (isPython(w[0]!) && w[1] === '-m' && w[2]) {
    const mod = w[2];
    if (mod === 'http.server' || mod === 'SimpleHTTPServer') {
      return { what: `python -m ${mod}`, why: { en: "is Python's built-in file server, meant for local testing only", ja: 'はローカルでの確認用の Python 組み込みファイルサーバーです' }, fix: { en: 'Serve static files with nginx (or the application server) instead of `python -m http.server`.', ja: '`python -m http.server` ではなく nginx（またはアプリケーションサーバー）で静的ファイルを配信してください。' }, ...posOf(0) };
    }
    if (mod === 'debugpy' || mod === 'ptvsd' || mod === 'pdb') {
      return { what: `python -m ${mod}`, why: { en: 'starts a remote debugger: anyone who reaches its port can run code in the container', ja: 'はリモートデバッガーを起動します。そのポートに届く人は誰でもコンテナ内でコードを実行できます' }, fix: { en: `Remove \`-m ${mod}\` from the production command; debug in a development image.`, ja: `本番のコマンドから \`-m ${mod}\` を外し、デバッグは開発用イメージで行ってください。` }, ...posOf(0) };
    }
    w = [mod, ...w.slice(3)];
    off += 2;
  }
  const cmd0 = base(w[0]!);
  const has = (flag: string) => w.some((x) => x === flag || x.startsWith(flag + '='));
  const idx = (x: string) => w.indexOf(x);

  if (cmd0 === 'flask' && w.includes('run')) {
    const debug = has('--debug') || has('--reload') || assigns.some((a) => /^FLASK_DEBUG=(1|true)$/i.test(a));
    return {
      what: debug ? 'flask run --debug' : 'flask run',
      why: { en: `starts Werkzeug, Flask's development server: single process, not hardened, not for production${debug ? ', and with the interactive debugger that runs arbitrary code' : ''}`, ja: `は Flask の開発用サーバー (Werkzeug) を起動します。単一プロセスで堅牢化されておらず、本番向けではありません${debug ? '。さらに任意のコードを実行できる対話型デバッガーが有効です' : ''}` },
      fix: { en: 'Run a WSGI server: `gunicorn --bind 0.0.0.0:8000 --workers 3 app:app` (module:variable of your Flask app).', ja: 'WSGI サーバーで起動してください: `gunicorn --bind 0.0.0.0:8000 --workers 3 app:app`（Flask アプリのモジュール:変数名）。' },
      ...posOf(0),
    };
  }
  const manage = w.findIndex((x) => base(x) === 'manage.py' || base(x) === 'django-admin' || base(x) === 'django-admin.py');
  if (manage >= 0 && w.some((x) => x === 'runserver' || x === 'runserver_plus')) {
    return {
      what: 'manage.py runserver',
      why: { en: "starts Django's development server, which Django's own documentation says must not be used in production", ja: 'は Django の開発用サーバーを起動します。Django 公式ドキュメントも本番で使ってはならないと明言しています' },
      fix: { en: 'Run a WSGI/ASGI server: `gunicorn myproject.wsgi:application --bind 0.0.0.0:8000` (or uvicorn with myproject.asgi).', ja: 'WSGI/ASGI サーバーで起動してください: `gunicorn myproject.wsgi:application --bind 0.0.0.0:8000`（または myproject.asgi を uvicorn で）。' },
      ...posOf(w.findIndex((x) => x === 'runserver' || x === 'runserver_plus')),
    };
  }
  if (isPython(w[0]!)) {
    const scriptArg = w.slice(1).find((x) => !x.startsWith('-'));
    const ref = scriptArg ? scripts.find((s) => s.arg === scriptArg) : undefined;
    if (ref?.flaskRun && scriptArg) {
      return {
        what: `python ${scriptArg}`,
        why: {
          en: `runs ${ref.file}, which starts Flask's development server with app.run() (${ref.file}:${ref.flaskRun.line})${ref.flaskRun.debug ? ' with debug=True: the interactive debugger runs arbitrary code' : ''}`,
          ja: `は ${ref.file} を実行し、app.run() で Flask の開発用サーバーを起動します (${ref.file}:${ref.flaskRun.line})${ref.flaskRun.debug ? '。debug=True のため任意のコードを実行できるデバッガーも有効です' : ''}`,
        },
        fix: { en: `Start the app with gunicorn instead of \`python ${scriptArg}\`: \`gunicorn --bind 0.0.0.0:8000 ${scriptArg.replace(/^.*\//, '').replace(/\.py$/, '')}:app\`; keep app.run() only under \`if __name__ == "__main__"\` for local use.`, ja: `\`python ${scriptArg}\` ではなく gunicorn で起動してください: \`gunicorn --bind 0.0.0.0:8000 ${scriptArg.replace(/^.*\//, '').replace(/\.py$/, '')}:app\`。app.run() はローカル用に \`if __name__ == "__main__"\` の中だけに残します。` },
        ...posOf(0),
      };
    }
  }
  if (['npm', 'yarn', 'pnpm', 'bun'].includes(cmd0)) {
    const rest = w.slice(1).filter((x) => !x.startsWith('-'));
    const script = rest[0] === 'run' || rest[0] === 'run-script' ? rest[1] : cmd0 !== 'npm' ? rest[0] : undefined;
    if (script && NODE_DEV_SCRIPTS.test(script)) {
      return {
        what: `${cmd0} ${rest[0] === 'run' || rest[0] === 'run-script' ? rest[0] + ' ' : ''}${script}`,
        why: { en: 'runs the project\'s development script (a watcher / dev server with hot reload, unminified builds and verbose errors)', ja: 'はプロジェクトの開発用スクリプト（ホットリロード付きの監視・開発サーバー、未圧縮ビルド、詳細なエラー表示）を実行します' },
        fix: { en: 'Build in the image (`npm run build`) and start the production server (`npm start` / `node dist/server.js` / `next start`) with NODE_ENV=production.', ja: 'イメージ内でビルド (`npm run build`) し、NODE_ENV=production で本番用サーバー（`npm start` / `node dist/server.js` / `next start` など）を起動してください。' },
        ...posOf(0),
      };
    }
  }
  const NODE_DEV: Record<string, (x: string[]) => boolean> = {
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
  if (NODE_DEV[cmd0]?.(w)) {
    return {
      what: w.slice(0, 2).join(' '),
      why: { en: 'is a development server / file watcher: it restarts on file changes, serves unoptimized code and is not built for production traffic', ja: 'は開発用サーバー／ファイル監視ツールです。変更のたびに再起動し、最適化されていないコードを配信し、本番のトラフィックを想定していません' },
      fix: { en: 'Build the app in the image and run its production server (`node dist/server.js`, `next start`, or static files behind nginx).', ja: 'イメージ内でビルドし、本番用サーバー（`node dist/server.js`、`next start`、または nginx で静的配信）で起動してください。' },
      ...posOf(0),
    };
  }
  if (cmd0 === 'node' || cmd0 === 'nodejs') {
    const i = w.findIndex((x) => /^--inspect(-brk)?(=|$)/.test(x));
    if (i > 0) {
      return {
        what: `node ${w[i]}`,
        why: { en: 'opens the Node.js inspector: whoever reaches its port can run arbitrary code in the process', ja: 'は Node.js のインスペクターを開きます。そのポートに届く人は誰でもプロセス内で任意のコードを実行できます' },
        fix: { en: `Remove \`${w[i]}\` from the production command.`, ja: `本番のコマンドから \`${w[i]}\` を外してください。` },
        ...posOf(i),
      };
    }
    if (has('--watch')) {
      return { what: 'node --watch', why: { en: 'restarts the process on every file change (a development watcher)', ja: 'はファイル変更のたびにプロセスを再起動する開発用の監視モードです' }, fix: { en: 'Remove `--watch` from the production command.', ja: '本番のコマンドから `--watch` を外してください。' }, ...posOf(idx('--watch')) };
    }
  }
  if (cmd0 === 'rails') {
    const sub = w[1];
    if (sub === 's' || sub === 'server') {
      let env: string | undefined;
      for (let i = 2; i < w.length; i++) {
        if (w[i] === '-e' || w[i] === '--environment') env = w[i + 1];
        else if (w[i]!.startsWith('--environment=')) env = w[i]!.slice(14);
        else if (/^-e./.test(w[i]!)) env = w[i]!.slice(2);
      }
      env ??= assigns.find((a) => a.startsWith('RAILS_ENV='))?.slice(10);
      if (env && /^(development|dev|test)$/.test(env)) {
        return {
          what: `rails server -e ${env}`,
          why: { en: `runs Rails in the ${env} environment: code reloading, full error pages with source and no production caching`, ja: `は Rails を ${env} 環境で起動します。コードの再読み込み、ソースを含む詳細なエラーページが有効で、本番用のキャッシュもありません` },
          fix: { en: 'Start Rails in production: `bin/rails server -e production` (or RAILS_ENV=production), behind a proper process manager.', ja: '本番環境で起動してください: `bin/rails server -e production`（または RAILS_ENV=production）。' },
          ...posOf(0),
        };
      }
    }
  }
  if (['uvicorn', 'gunicorn', 'hypercorn', 'granian', 'daphne'].includes(cmd0)) {
    const i = w.findIndex((x) => x === '--reload' || x.startsWith('--reload=') || x === '--reload-engine');
    if (i > 0) {
      return {
        what: `${cmd0} --reload`,
        why: { en: 'restarts the server whenever a file changes: a development convenience that watches the file system and reloads code in production', ja: 'はファイルが変わるたびにサーバーを再起動する開発用の機能です。本番でファイルを監視し、コードを再読み込みしてしまいます' },
        fix: { en: `Remove \`--reload\` and set the worker count instead (\`${cmd0 === 'uvicorn' ? '--workers 4' : '--workers 4'}\`).`, ja: `\`--reload\` を外し、代わりにワーカー数を指定してください (\`--workers 4\`)。` },
        ...posOf(i),
      };
    }
  }
  if (cmd0 === 'fastapi' && w[1] === 'dev') {
    return { what: 'fastapi dev', why: { en: 'starts FastAPI in development mode (auto-reload, bound for local use)', ja: 'は FastAPI を開発モード（自動リロード付き、ローカル用）で起動します' }, fix: { en: 'Use `fastapi run` (or `uvicorn main:app --workers 4`) in production.', ja: '本番では `fastapi run`（または `uvicorn main:app --workers 4`）を使ってください。' }, ...posOf(1) };
  }
  if (cmd0 === 'php' && (w.includes('-S') || (w[1]?.endsWith('artisan') && w[2] === 'serve'))) {
    return { what: w.includes('-S') ? 'php -S' : 'php artisan serve', why: { en: "starts PHP's built-in web server, which the PHP manual says is for development only", ja: 'は PHP 組み込みの Web サーバーを起動します。PHP マニュアルでも開発専用とされています' }, fix: { en: 'Serve PHP with php-fpm behind nginx (or Apache with mod_php).', ja: 'nginx + php-fpm（または Apache + mod_php）で配信してください。' }, ...posOf(0) };
  }
  return undefined;
}
