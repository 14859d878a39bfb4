import { defineRule } from '../define.js';
import { label } from './_deployments.js';

export default defineRule({
  id: 'gunicorn/timeout-disabled',
  severity: 'low',
  environments: ['production', 'staging'],
  facts: ['gunicornDeployment'],
  title: { en: 'gunicorn worker timeout disabled', ja: 'gunicorn のワーカータイムアウトが無効' },
  description: {
    en: 'timeout = 0 switches off the watchdog that kills a worker stuck in one request (a hung upstream, a deadlock). Stuck workers then stay stuck, and with a few of them the site stops answering while every process still looks alive. The default 30 s (or a value matching the proxy timeout) keeps the pool healthy.',
    ja: 'timeout = 0 は、1 つのリクエストで固まったワーカー (応答しない上流、デッドロック) を強制終了する監視を無効にします。固まったワーカーはそのままになり、何個か溜まると、プロセスは生きているように見えるのにサイトが応答しなくなります。デフォルトの 30 秒 (またはプロキシのタイムアウトに合わせた値) でプールを健全に保てます。',
  },
  fix: { en: "Remove `timeout = 0` (default 30) or set it just above the proxy's read timeout, e.g. `timeout = 120` with nginx `proxy_read_timeout 120`.", ja: '`timeout = 0` を削除する (デフォルト 30) か、プロキシの読み取りタイムアウトより少し長くします。例: nginx の `proxy_read_timeout 120` に対して `timeout = 120`。' },
  references: { cwe: ['CWE-400'] },
  check(facts, ctx) {
    for (const d of facts.gunicornDeployment) {
      const s = d.settings.timeout;
      if (!s || s.value !== 0) continue;
      ctx.report({ file: s.file, line: s.line, column: s.column, message: { en: `gunicorn timeout is 0 (${label(d)}): hung workers are never restarted`, ja: `gunicorn の timeout が 0 です (${label(d)})。固まったワーカーが再起動されません` } });
    }
  },
});
