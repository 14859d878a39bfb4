import { reportsCommand } from '../../facts/commands.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'gunicorn/reload-enabled',
  severity: 'medium',
  environments: ['production', 'staging'],
  facts: ['gunicornDeployment'],
  title: { en: 'gunicorn reload is on', ja: 'gunicorn の reload が有効' },
  description: {
    en: '`--reload` / `reload = True` restarts workers whenever a source file changes. It is meant for development: in production it adds a file watcher to every worker, restarts workers mid-request when anything under the code tree is written (uploads, caches, logs), and hides deploy mistakes by picking up half-copied files.',
    ja: '`--reload` / `reload = True` はソースファイルが変わるたびにワーカーを再起動します。開発用の機能で、本番ではすべてのワーカーにファイル監視が加わり、コードツリー配下への書き込み (アップロード、キャッシュ、ログ) でリクエスト中にワーカーが再起動し、コピー途中のファイルを読み込んでデプロイの失敗を隠します。',
  },
  fix: { en: 'Remove `--reload` / `reload = True` from production; deploy by restarting the service (`systemctl reload app` sends HUP for a graceful reload).', ja: '本番から `--reload` / `reload = True` を外します。デプロイはサービスの再起動で行います (`systemctl reload app` は HUP を送り、グレースフルにリロードします)。' },
  references: { cwe: ['CWE-1188'] },
  check(facts, ctx) {
    for (const d of facts.gunicornDeployment) {
      const s = d.settings.reload;
      if (!s || s.value === undefined || !s.value || s.value === 'False' || s.value === 'false') continue;
      if (s.from === 'command' && d.command && !reportsCommand(d.command)) continue; // docker/compose/systemd dev-server rules report it
      ctx.report({
        file: s.file,
        line: s.line,
        column: s.column,
        message: s.from === 'command'
          ? { en: 'gunicorn runs with --reload in production: workers restart whenever a file changes', ja: 'gunicorn が本番で --reload 付きで動いています。ファイルが変わるたびにワーカーが再起動します' }
          : { en: `reload is on in ${s.file}${s.envNames?.length ? ` when ${s.envNames.join(', ')} is not set` : ''}: workers restart whenever a file changes`, ja: `${s.file} で reload が有効です${s.envNames?.length ? ` (${s.envNames.join(', ')} が未設定のとき)` : ''}。ファイルが変わるたびにワーカーが再起動します` },
      });
    }
  },
});
