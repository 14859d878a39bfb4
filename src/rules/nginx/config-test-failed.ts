import { defineRule } from '../define.js';

/**
 * Judges the `nginxTest` fact, which exists only when asked: `honban scan --nginx-test`, or in
 * honban.yml `rules: { nginx/config-test-failed: { options: { run: true } } }`.
 */
export default defineRule({
  id: 'nginx/config-test-failed',
  severity: 'high',
  facts: ['nginxTest'],
  title: {
    en: 'nginx -t rejects the configuration',
    ja: 'nginx -t が設定を拒否する',
  },
  description: {
    en: 'With --nginx-test, honban runs the real `nginx -t` on a temporary copy of each top-level nginx configuration. A configuration nginx rejects cannot be reloaded: the deploy that ships it either keeps the old configuration silently (reload) or takes the site down (restart). Certificates, log directories and upstream hosts that exist only on the server are substituted in the copy, and the output says so. No code from the repository runs: `load_module` of anything but the installed nginx\'s own modules, and Perl, njs and Lua directives, are removed from the copy (and named in the output).',
    ja: '--nginx-test を付けると、honban はトップレベルの各 nginx 設定の一時コピーに対して本物の `nginx -t` を実行します。nginx が拒否する設定は reload できず、その設定を含むデプロイは古い設定のまま黙って動き続ける（reload）か、サイトを停止させます（restart）。サーバーにしか存在しない証明書・ログディレクトリ・upstream のホストはコピー内で置き換え、その旨を出力に示します。リポジトリのコードは実行しません: インストール済み nginx 自身のモジュール以外の `load_module` と、Perl・njs・Lua のディレクティブはコピーから取り除き、出力に名前を示します。',
  },
  fix: {
    en: 'Fix the line nginx reports and run `nginx -t` again (on the server: `sudo nginx -t` before every reload).',
    ja: 'nginx が示す行を直し、もう一度 `nginx -t` を実行します（サーバーでは reload の前に毎回 `sudo nginx -t`）。',
  },
  check(facts, ctx) {
    for (const r of facts.nginxTest) {
      if (r.ok) continue;
      const fatal = r.messages.find((m) => m.level === 'emerg' || m.level === 'alert' || m.level === 'crit') ?? r.messages[r.messages.length - 1];
      const text = fatal?.text ?? 'nginx -t failed without a message';
      const notes = r.notes.length ? ` (${r.notes.join('; ')})` : '';
      const notesJa = r.notes.length ? `（この環境での置き換え: ${r.notes.join('; ')}）` : '';
      ctx.report({
        file: fatal?.file ?? r.file,
        line: fatal?.file ? fatal.line : undefined,
        message: {
          en: `nginx -t fails for ${r.file}: ${text}${notes}`,
          ja: `${r.file} に対する nginx -t が失敗します: ${text}${notesJa}`,
        },
        evidence: `nginx: [${fatal?.level ?? 'emerg'}] ${text}`,
        fingerprint: `${r.file} ${text}`,
      });
    }
  },
});
