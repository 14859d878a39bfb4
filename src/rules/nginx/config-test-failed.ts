import { existsSync } from 'node:fs';
import { findNginx, testNginxConfig, type NginxTestResult } from '../../collect/nginx-test.js';
import { defineRule } from '../define.js';

/**
 * Runs only when asked: `honban scan --nginx-test`, or in honban.yml
 * `rules: { nginx/config-test-failed: { options: { run: true } } }`.
 */
export default defineRule({
  id: 'nginx/config-test-failed',
  severity: 'high',
  facts: ['nginx'],
  title: {
    en: 'nginx -t rejects the configuration',
    ja: 'nginx -t が設定を拒否する',
  },
  description: {
    en: 'With --nginx-test, honban runs the real `nginx -t` on a temporary copy of each top-level nginx configuration. A configuration nginx rejects cannot be reloaded: the deploy that ships it either keeps the old configuration silently (reload) or takes the site down (restart). Certificates, log directories and upstream hosts that exist only on the server are substituted in the copy, and the output says so.',
    ja: '--nginx-test を付けると、honban はトップレベルの各 nginx 設定の一時コピーに対して本物の `nginx -t` を実行します。nginx が拒否する設定は reload できず、その設定を含むデプロイは古い設定のまま黙って動き続ける（reload）か、サイトを停止させます（restart）。サーバーにしか存在しない証明書・ログディレクトリ・upstream のホストはコピー内で置き換え、その旨を出力に示します。',
  },
  fix: {
    en: 'Fix the line nginx reports and run `nginx -t` again (on the server: `sudo nginx -t` before every reload).',
    ja: 'nginx が示す行を直し、もう一度 `nginx -t` を実行します（サーバーでは reload の前に毎回 `sudo nginx -t`）。',
  },
  async check(facts, ctx) {
    if (ctx.options.run !== true) return;
    const log = typeof ctx.options.log === 'function' ? (ctx.options.log as (line: string) => void) : undefined;
    if (!facts.nginx.length) return;
    // `options.nginx`: the binary to use (default: nginx on PATH).
    const wanted = typeof ctx.options.nginx === 'string' ? ctx.options.nginx : undefined;
    const nginx = wanted ? (existsSync(wanted) ? wanted : undefined) : findNginx();
    if (!nginx) throw new Error(`--nginx-test: ${wanted ? `${wanted} does not exist` : 'nginx is not installed (not on PATH)'}; install it (e.g. apt-get install nginx) or run without --nginx-test`);
    for (const cfg of facts.nginx) {
      let r: NginxTestResult;
      try {
        r = await testNginxConfig(cfg, { nginx });
      } catch (e) {
        throw new Error(`--nginx-test: cannot test ${cfg.file}: ${(e as Error).message}`);
      }
      const notes = r.notes.length ? ` (${r.notes.join('; ')})` : '';
      log?.(`nginx -t ${cfg.file}: ${r.ok ? 'ok' : 'failed'}${notes}`);
      if (r.ok) continue;
      const fatal = r.messages.find((m) => m.level === 'emerg' || m.level === 'alert' || m.level === 'crit') ?? r.messages[r.messages.length - 1];
      const text = fatal?.text ?? 'nginx -t failed without a message';
      const notesJa = r.notes.length ? `（この環境での置き換え: ${r.notes.join('; ')}）` : '';
      ctx.report({
        file: fatal?.file ?? cfg.file,
        line: fatal?.file ? fatal.line : undefined,
        message: {
          en: `nginx -t fails for ${cfg.file}: ${text}${notes}`,
          ja: `${cfg.file} に対する nginx -t が失敗します: ${text}${notesJa}`,
        },
        evidence: `nginx: [${fatal?.level ?? 'emerg'}] ${text}`,
        fingerprint: `${cfg.file} ${text}`,
      });
    }
  },
});
