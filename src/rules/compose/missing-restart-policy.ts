import { defineRule } from '../define.js';
import { serviceGroups } from './_common.js';

export default defineRule({
  id: 'compose/missing-restart-policy',
  severity: 'low',
  facts: ['compose'],
  title: { en: 'Service has no restart policy', ja: 'サービスに再起動ポリシーがない' },
  description: {
    en: 'A service has no `restart:` (or `deploy.restart_policy`), or sets `restart: "no"`: when the process crashes, runs out of memory or the host reboots, it stays down until someone notices. Settings from the other compose files of the same directory that apply to the target environment count (docker-compose.yml + docker-compose.prod.yml). Services behind `profiles:` (one-off tools) are not judged.',
    ja: 'サービスに `restart:`（または `deploy.restart_policy`）がないか、`restart: "no"` になっています。プロセスのクラッシュ、メモリ不足、ホストの再起動のあと、誰かが気づくまで停止したままになります。同じディレクトリにある、対象環境に適用される他の compose ファイルの設定も考慮します (docker-compose.yml + docker-compose.prod.yml)。`profiles:` 付きのサービス（単発のツール）は判定しません。',
  },
  fix: {
    en: 'Add `restart: unless-stopped` (or `always`) to long-running services; `on-failure` for workers that may exit cleanly.',
    ja: '常駐するサービスに `restart: unless-stopped`（または `always`）を追加してください。正常終了しうるワーカーには `on-failure` を使います。',
  },
  check(facts, ctx) {
    for (const g of serviceGroups(facts.compose)) {
      if (g.all.some((d) => d.service.profiles.length > 0)) continue;
      const set = g.all.map((d) => d.service.restart).filter((r) => r !== undefined);
      const { fact, service } = g.primary;
      if (set.length === 0) {
        ctx.report({
          file: fact.file,
          line: service.line,
          column: service.column,
          message: { en: `Service "${service.name}" has no restart policy: it stays down after a crash or a host reboot`, ja: `サービス "${service.name}" に再起動ポリシーがありません。クラッシュやホストの再起動のあと停止したままになります` },
        });
        continue;
      }
      for (const d of g.all) {
        const r = d.service.restart;
        if (!r || !/^(no|none|"no")$/i.test(r.value.trim())) continue;
        if (set.some((x) => !/^(no|none)$/i.test(x!.value.trim()))) continue;
        ctx.report({
          file: d.fact.file,
          line: r.line,
          column: r.column,
          message: { en: `Service "${d.service.name}" sets restart: ${r.value}: it stays down after a crash or a host reboot`, ja: `サービス "${d.service.name}" が restart: ${r.value} を指定しています。クラッシュやホストの再起動のあと停止したままになります` },
        });
      }
    }
  },
});
