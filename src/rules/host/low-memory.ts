import { defineRule } from '../define.js';
import { gb, GB } from './_util.js';

export default defineRule({
  id: 'host/low-memory',
  severity: 'medium',
  command: 'host',
  facts: ['hostMemory', 'hostSettings'],
  title: { en: 'Less memory than production needs', ja: 'メモリが本番に必要な量より少ない' },
  description: {
    en: 'The checklist asks for 4 GB or more (8 GB recommended; honban.yml `host.minMemoryGb`). Below that, the workers, nginx and the database swap or the kernel\'s OOM killer ends one of them — typically the application, in the middle of a request.',
    ja: 'チェックリストは 4 GB 以上 (推奨 8 GB、honban.yml の `host.minMemoryGb`) を求めています。これを下回るとワーカー・nginx・データベースがスワップするか、カーネルの OOM killer がどれか (たいていリクエスト処理中のアプリ) を終了させます。',
  },
  fix: { en: 'Resize the instance, or reduce the number of workers to what the memory holds and record the decision as a waiver.', ja: 'インスタンスを大きくするか、メモリに収まる数までワーカーを減らし、その判断を waiver として記録します。' },
  check(facts, ctx) {
    const min = facts.hostSettings[0]!.minMemoryGb;
    for (const m of facts.hostMemory) {
      // Installed 4 GB shows as ~3.8 GiB in MemTotal (the kernel keeps some): allow 10 %.
      if (m.totalBytes >= min * GB * 0.9) continue;
      ctx.report({ file: m.file, line: m.line, message: { en: `${gb(m.totalBytes)} GB of memory; production needs at least ${min} GB`, ja: `メモリが ${gb(m.totalBytes)} GB です。本番には ${min} GB 以上必要です` } });
    }
  },
});
