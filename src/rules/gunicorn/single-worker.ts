import { defineRule } from '../define.js';
import { label } from './_deployments.js';

export default defineRule({
  id: 'gunicorn/single-worker',
  severity: 'info',
  environments: ['production', 'staging'],
  facts: ['gunicornDeployment'],
  title: { en: 'gunicorn runs a single worker', ja: 'gunicorn のワーカーが 1 つだけ' },
  description: {
    en: "gunicorn's default is one worker. With the sync worker class one slow request (a file upload, an external API call) blocks every other request, and a crashed worker means an outage until it restarts. gunicorn's documentation suggests (2 × CPU cores) + 1 workers as a starting point (seed 001).",
    ja: 'gunicorn のデフォルトはワーカー 1 つです。sync ワーカーでは 1 つの遅いリクエスト (ファイルアップロード、外部 API 呼び出し) が他のすべてをブロックし、ワーカーが落ちると再起動まで停止します。gunicorn のドキュメントは (2 × CPU コア数) + 1 を出発点として勧めています (seed 001)。',
  },
  fix: { en: "Set workers for the machine: `workers = multiprocessing.cpu_count() * 2 + 1` in gunicorn.conf.py or `-w 3` on a 1-CPU host; use `--threads` or an async worker class for I/O-bound apps, within the memory limit.", ja: 'マシンに合わせてワーカー数を設定します: gunicorn.conf.py に `workers = multiprocessing.cpu_count() * 2 + 1`、1 CPU のホストなら `-w 3`。I/O 待ちが多いアプリはメモリ上限の範囲で `--threads` や非同期ワーカーを使います。' },
  references: {},
  check(facts, ctx) {
    for (const d of facts.gunicornDeployment) {
      const w = d.settings.workers;
      const threads = d.settings.threads?.value;
      if (typeof threads === 'number' && threads > 1) continue; // one process, several threads: a deliberate choice
      if (w) {
        if (w.value !== 1) continue;
        ctx.report({ file: w.file, line: w.line, column: w.column, message: { en: `gunicorn runs 1 worker (${label(d)}): one slow request blocks the others`, ja: `gunicorn のワーカーが 1 つです (${label(d)})。遅いリクエスト 1 つが他をブロックします` } });
      } else if (!d.external.includes('workers')) {
        ctx.report({ file: d.file, line: d.line, column: d.column, message: { en: `gunicorn workers is not set (${label(d)}), so gunicorn runs its default of 1 worker`, ja: `gunicorn の workers が設定されておらず (${label(d)})、デフォルトの 1 ワーカーで動きます` } });
      }
    }
  },
});
