import { defineRule } from '../define.js';
import { deployedStages } from '../../facts/docker-stages.js';

export default defineRule({
  id: 'docker/missing-healthcheck',
  severity: 'low',
  facts: ['dockerfile', 'compose'],
  title: { en: 'Image defines no HEALTHCHECK', ja: 'イメージに HEALTHCHECK がない' },
  description: {
    en: 'The final image has no HEALTHCHECK (or disables the inherited one with `HEALTHCHECK NONE`), and no compose service that builds it defines a `healthcheck:`. Docker then only knows whether the process exists: a hung worker, a deadlocked app or one that lost its database stays "running", restart policies never fire, and `depends_on: condition: service_healthy` cannot wait for it. Orchestrators with their own probes (Kubernetes, ECS health checks) make this less important.',
    ja: '最終イメージに HEALTHCHECK がなく（または `HEALTHCHECK NONE` で継承したものを無効にしており）、このイメージをビルドする compose のサービスにも `healthcheck:` がありません。Docker にはプロセスが存在するかどうかしか分からないため、ハングしたワーカーやデッドロックしたアプリ、データベースへの接続を失ったアプリも「running」のままで、再起動ポリシーは働かず、`depends_on: condition: service_healthy` で待つこともできません。独自のプローブを持つオーケストレーター（Kubernetes、ECS のヘルスチェック）を使う場合は重要度が下がります。',
  },
  fix: {
    en: 'Add a check of a cheap endpoint: `HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD curl -fsS http://localhost:8000/health || exit 1` (slim images without curl: `python -c "import urllib.request,sys; urllib.request.urlopen(\'http://localhost:8000/health\', timeout=4)"`), or a `healthcheck:` on the compose service.',
    ja: '軽いエンドポイントを確認するチェックを追加してください: `HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD curl -fsS http://localhost:8000/health || exit 1`（curl のない slim イメージでは `python -c "import urllib.request,sys; urllib.request.urlopen(\'http://localhost:8000/health\', timeout=4)"`）。または compose のサービスに `healthcheck:` を書きます。',
  },
  references: { equivalents: ['CKV_DOCKER_2'] },
  check(facts, ctx) {
    const checkedByCompose = new Set<string>();
    for (const c of facts.compose) {
      for (const s of c.services) if (s.build && s.healthcheck && !s.healthcheck.disabled) checkedByCompose.add(s.build.dockerfilePath);
    }
    for (const f of facts.dockerfile) {
      for (const last of deployedStages(f, facts.compose)) {
      const hc = last.effective.healthcheck;
      if (hc && !hc.none) continue;
      if (checkedByCompose.has(f.file)) continue;
      if (hc?.none) {
        ctx.report({
          file: f.file,
          line: hc.line,
          column: hc.column,
          message: { en: 'HEALTHCHECK NONE disables health checking for the final image', ja: 'HEALTHCHECK NONE により最終イメージのヘルスチェックが無効になっています' },
        });
      } else {
        ctx.report({
          file: f.file,
          line: last.line,
          column: last.column,
          message: { en: `The final stage (FROM ${last.image.raw}) defines no HEALTHCHECK: Docker cannot tell a hung container from a healthy one`, ja: `最終ステージ (FROM ${last.image.raw}) に HEALTHCHECK がありません。Docker はハングしたコンテナと正常なコンテナを区別できません` },
        });
      }
      }
    }
  },
});
