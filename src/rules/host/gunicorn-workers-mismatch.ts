import { defineRule } from '../define.js';

/** Memory one sync gunicorn worker of a typical Flask / Django app needs. */
const MB_PER_WORKER = 150;

export default defineRule({
  id: 'host/gunicorn-workers-mismatch',
  severity: 'low',
  command: 'host',
  facts: ['hostApp', 'hostCpu', 'hostMemory'],
  title: { en: 'gunicorn workers do not fit this machine', ja: 'gunicorn のワーカー数がこのマシンに合っていない' },
  description: {
    en: 'gunicorn\'s guidance (and the checklist) is about 2 × cores + 1 workers. Far fewer leaves cores idle while requests queue; far more makes workers fight for CPU and, worse, for memory: each sync worker holds its own copy of the application (≈ 150 MB), and a small instance then swaps or OOM-kills workers (seed 003: memory limits vs workers).',
    ja: 'gunicorn の指針 (とチェックリスト) はおよそ 2 × コア数 + 1 のワーカーです。大幅に少ないとリクエストが待たされる間もコアが遊び、大幅に多いとワーカーが CPU とメモリを奪い合います。sync ワーカーはそれぞれアプリの複製 (約 150 MB) を持つため、小さなインスタンスではスワップや OOM によるワーカーの強制終了が起きます (seed 003: メモリ上限とワーカー数)。',
  },
  fix: { en: 'Set workers to 2 × cores + 1 (e.g. `-w 5` on 2 cores) within the memory: workers × ≈150 MB must fit beside the database and nginx; use --threads for I/O-bound apps.', ja: 'メモリの範囲内でワーカーを 2 × コア数 + 1 にします (例: 2 コアなら `-w 5`)。ワーカー数 × 約 150 MB がデータベースや nginx と並んで収まる必要があります。I/O 待ちが多いアプリは --threads を使います。' },
  check(facts, ctx) {
    const cores = facts.hostCpu[0]?.count;
    const mem = facts.hostMemory[0]?.totalBytes;
    if (!cores) return;
    for (const app of facts.hostApp) {
      if (app.server !== 'gunicorn' || !app.workers || app.workers.value === undefined) continue;
      const w = app.workers.value;
      const ideal = 2 * cores + 1;
      const at = { file: app.workers.file, line: app.workers.line };
      if (mem && w * MB_PER_WORKER * 1024 * 1024 > mem * 0.7) {
        ctx.report({ ...at, severity: 'medium', message: { en: `gunicorn runs ${w} workers: about ${w * MB_PER_WORKER} MB, more than 70 % of the ${Math.round(mem / 1024 ** 2)} MB of memory`, ja: `gunicorn のワーカーが ${w} 個で約 ${w * MB_PER_WORKER} MB になり、メモリ ${Math.round(mem / 1024 ** 2)} MB の 70 % を超えます` } });
      } else if (w > ideal * 2 || w < Math.max(2, cores)) {
        ctx.report({ ...at, message: { en: `gunicorn runs ${w} workers on ${cores} core(s); about ${ideal} (2 × cores + 1) fits this machine`, ja: `${cores} コアで gunicorn のワーカーが ${w} 個です。このマシンには約 ${ideal} 個 (2 × コア数 + 1) が適切です` } });
      }
    }
  },
});
