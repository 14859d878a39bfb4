import type { ExecLine } from '../../facts/systemd.js';
import { splitShell } from '../../facts/commands.js';
import { defineRule } from '../define.js';

interface Hit {
  what: string;
  whatJa: string;
  index: number;
}

const base = (w: string) => w.split('/').pop() ?? w;

/** What development server or debug switch a command line runs, if any. */
export function devServer(words: string[]): Hit | undefined {
  // `sh -c "…"` bodies are split and judged too.
  for (let i = 0; i < words.length - 2; i++) {
    if (/^(ba|da|z)?sh$/.test(base(words[i]!)) && /^-\w*c\w*$/.test(words[i + 1]!)) {
      const inner = devServer(splitShell(words[i + 2]!));
      if (inner) return { ...inner, index: i + 2 };
    }
  }
  const b = words.map(base);
  for (let i = 0; i < words.length; i++) {
    const w = b[i]!;
    const next = words[i + 1];
    // flask [--app x] [--debug] run …
    if (w === 'flask' && words.slice(i + 1).some((a, k, rest) => a === 'run' && !['--app', '-A', '--env-file', '-e'].includes(rest[k - 1] ?? ''))) return { what: 'flask run (the Werkzeug development server)', whatJa: 'flask run（Werkzeug の開発用サーバー）', index: i };
    if (/^python[\d.]*$/.test(w) && next === '-m' && words[i + 2] === 'flask' && words.includes('run')) return { what: 'python -m flask run (the Werkzeug development server)', whatJa: 'python -m flask run（Werkzeug の開発用サーバー）', index: i };
    if ((w === 'manage.py' || w === 'django-admin') && next === 'runserver') return { what: `${w} runserver (Django's development server)`, whatJa: `${w} runserver（Django の開発用サーバー）`, index: i };
    if (w === 'rails' && (next === 's' || next === 'server')) {
      const rest = words.slice(i + 2);
      const env = rest.findIndex((a) => a === '-e' || a === '--environment');
      const val = env >= 0 ? rest[env + 1] : rest.find((a) => a.startsWith('--environment='))?.split('=')[1];
      if (val && /^dev(elopment)?$/.test(val)) return { what: `rails ${next} -e ${val}`, whatJa: `rails ${next} -e ${val}`, index: i };
    }
    if ((w === 'npm' || w === 'pnpm' || w === 'yarn' || w === 'bun') && (next === 'dev' || (next === 'run' && words[i + 2] === 'dev'))) return { what: `${w} ${next === 'run' ? 'run dev' : 'dev'} (the development script)`, whatJa: `${w} ${next === 'run' ? 'run dev' : 'dev'}（開発用スクリプト）`, index: i };
    if (w === 'nodemon') return { what: 'nodemon (restarts on file changes)', whatJa: 'nodemon（ファイル変更で再起動）', index: i };
    if (w === 'next' && next === 'dev') return { what: 'next dev (the Next.js development server)', whatJa: 'next dev（Next.js の開発用サーバー）', index: i };
    if (w === 'ng' && next === 'serve') return { what: 'ng serve (the Angular development server)', whatJa: 'ng serve（Angular の開発用サーバー）', index: i };
    if (w === 'webpack-dev-server' || (w === 'webpack' && next === 'serve')) return { what: 'webpack dev server', whatJa: 'webpack の開発用サーバー', index: i };
    if (w === 'artisan' && next === 'serve') return { what: "php artisan serve (Laravel's development server)", whatJa: "php artisan serve（Laravel の開発用サーバー）", index: i };
    if (['gunicorn', 'uvicorn', 'hypercorn'].includes(w)) {
      const r = words.slice(i + 1).findIndex((a) => a === '--reload' || a.startsWith('--reload='));
      if (r >= 0) return { what: `${w} --reload (reloads on file changes)`, whatJa: `${w} --reload（ファイル変更で再読み込み）`, index: i + 1 + r };
    }
  }
  const d = words.findIndex((a) => a === '--debug' || a === '--debugger' || a === '--debug=true' || a === '--debug=True');
  if (d >= 0) return { what: `the debug switch ${words[d]}`, whatJa: `デバッグスイッチ ${words[d]}`, index: d };
  return undefined;
}

export default defineRule({
  id: 'systemd/dev-server',
  severity: 'high',
  environments: ['production', 'staging'],
  facts: ['systemd'],
  title: {
    en: 'Service runs a development server or debug mode',
    ja: 'サービスが開発用サーバーまたはデバッグモードで動作している',
  },
  description: {
    en: 'Development servers (flask run, manage.py runserver, npm run dev, nodemon, --reload) are single-process, unhardened and watch the source tree; debug switches add interactive debuggers that execute code from the browser (the Werkzeug console) and print stack traces with settings to anyone. A production unit should start a production server (gunicorn, uvicorn without --reload, puma, node dist/server.js).',
    ja: '開発用サーバー（flask run、manage.py runserver、npm run dev、nodemon、--reload）はシングルプロセスでハードニングされておらず、ソースツリーを監視します。デバッグスイッチは、ブラウザからコードを実行できる対話型デバッガー（Werkzeug コンソール）や、設定値を含むスタックトレースを誰にでも表示する機能を有効にします。本番のユニットは本番用サーバー（gunicorn、--reload なしの uvicorn、puma、node dist/server.js など）を起動すべきです。',
  },
  fix: {
    en: 'Start the app with a production server, e.g. `ExecStart=/srv/app/venv/bin/gunicorn -w 3 -b 127.0.0.1:8000 app:app`, and drop --reload / --debug.',
    ja: '本番用サーバーで起動します（例: `ExecStart=/srv/app/venv/bin/gunicorn -w 3 -b 127.0.0.1:8000 app:app`）。--reload / --debug は外します。',
  },
  references: { cwe: ['CWE-489'] },
  check(facts, ctx) {
    for (const unit of facts.systemd) {
      for (const cmd of unit.commands as ExecLine[]) {
        const hit = devServer(cmd.argv ?? []);
        if (!hit) continue;
        const w = cmd.words[hit.index] ?? cmd.words[0];
        ctx.report({
          file: cmd.file,
          line: w?.line ?? cmd.line,
          column: w?.column ?? cmd.column,
          message: { en: `ExecStart runs ${hit.what} in a deployed service`, ja: `ExecStart がデプロイ先のサービスで ${hit.whatJa} を実行しています` },
        });
      }
    }
  },
});
