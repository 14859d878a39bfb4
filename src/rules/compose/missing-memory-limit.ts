import { defineRule } from '../define.js';
import { serviceGroups } from './_common.js';

export default defineRule({
  id: 'compose/missing-memory-limit',
  severity: 'low',
  facts: ['compose'],
  title: { en: 'Service has no memory limit', ja: 'サービスにメモリ上限がない' },
  description: {
    en: 'A service sets no memory limit (`deploy.resources.limits.memory`, or the legacy `mem_limit`). A leak or a traffic spike in one container can then take all the host memory, and the kernel OOM killer picks a victim — often the database, or dockerd itself. On small instances (1–2 GB) this is the most common way one service takes the others down. Limits in the other compose files of the same directory that apply to the target environment count.',
    ja: 'サービスにメモリ上限 (`deploy.resources.limits.memory`、または旧形式の `mem_limit`) がありません。1 つのコンテナのメモリリークやアクセス急増でホストのメモリを使い切ると、カーネルの OOM キラーが犠牲を選びます。多くの場合それはデータベースや dockerd 自身です。小さなインスタンス (1〜2 GB) では、1 つのサービスが他を巻き込んで落ちる典型的な原因です。同じディレクトリにある、対象環境に適用される他の compose ファイルの上限も考慮します。',
  },
  fix: {
    en: 'Set a limit sized from observed usage: `deploy: { resources: { limits: { memory: 512M } } }` (and for Gunicorn-style apps keep workers × per-worker memory under it).',
    ja: '実際の使用量から上限を決めて設定してください: `deploy: { resources: { limits: { memory: 512M } } }`（Gunicorn などはワーカー数 × 1 ワーカーのメモリがこの範囲に収まるようにします）。',
  },
  references: { cwe: ['CWE-770'] },
  check(facts, ctx) {
    for (const g of serviceGroups(facts.compose)) {
      if (g.all.some((d) => d.service.profiles.length > 0 || d.service.memLimit)) continue;
      const { fact, service } = g.primary;
      ctx.report({
        file: fact.file,
        line: service.line,
        column: service.column,
        message: { en: `Service "${service.name}" has no memory limit: one leak or spike can exhaust the host`, ja: `サービス "${service.name}" にメモリ上限がありません。1 つのリークや急増でホストのメモリを使い切る可能性があります` },
      });
    }
  },
});
