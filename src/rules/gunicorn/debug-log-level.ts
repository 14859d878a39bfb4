import { defineRule } from '../define.js';

export default defineRule({
  id: 'gunicorn/debug-log-level',
  severity: 'low',
  environments: ['production', 'staging'],
  facts: ['gunicornDeployment'],
  title: { en: 'gunicorn logs at debug level', ja: 'gunicorn のログレベルが debug' },
  description: {
    en: 'loglevel debug writes every request header set and internal event to the error log: volume that fills small disks and log budgets, and request details (cookies, Authorization headers in some setups) that should not sit in logs.',
    ja: 'loglevel が debug だと、リクエストヘッダーや内部イベントをすべてエラーログに書き出します。小さなディスクやログの予算を圧迫し、ログに残すべきでないリクエストの詳細 (構成によっては Cookie や Authorization ヘッダー) も記録されます。',
  },
  fix: { en: "Use `loglevel = 'info'` (or `--log-level info`) in production, with `accesslog = '-'` and `errorlog = '-'` so the platform collects logs from stdout/stderr.", ja: "本番では `loglevel = 'info'` (または `--log-level info`) にし、`accesslog = '-'`・`errorlog = '-'` でプラットフォームが stdout/stderr からログを集めるようにします。" },
  references: { cwe: ['CWE-532'] },
  check(facts, ctx) {
    for (const d of facts.gunicornDeployment) {
      const s = d.settings.loglevel;
      if (typeof s?.value !== 'string' || s.value.toLowerCase() !== 'debug') continue;
      ctx.report({ file: s.file, line: s.line, column: s.column, message: { en: `gunicorn log level is debug${s.from === 'config' ? ` in ${s.file}` : ''}`, ja: `gunicorn のログレベルが debug です${s.from === 'config' ? ` (${s.file})` : ''}` } });
    }
  },
});
