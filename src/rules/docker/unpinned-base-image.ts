import { defineRule } from '../define.js';

/** Tags that move on every push of a development line. */
const MOVING_TAGS = new Set(['latest', 'edge', 'nightly', 'canary', 'unstable', 'rolling', 'master', 'main', 'dev', 'develop']);

export default defineRule({
  id: 'docker/unpinned-base-image',
  severity: 'medium',
  facts: ['dockerfile'],
  title: { en: 'Base image not pinned to a version', ja: 'ベースイメージのバージョンが固定されていない' },
  description: {
    en: 'A FROM names an image without a tag, or with `latest` (or another moving tag such as `edge` / `nightly`). Every build then pulls whatever was published last: a rebuild for a one-line fix can silently change the OS, the language runtime and their security patches, and two replicas built a day apart differ. Digest-pinned images (`@sha256:…`), `scratch` and references to earlier build stages are fine.',
    ja: 'FROM のイメージにタグがないか、`latest`（または `edge` / `nightly` など常に動くタグ）が指定されています。ビルドのたびにその時点の最新が取得されるため、1 行の修正の再ビルドで OS や言語ランタイム、セキュリティパッチが黙って変わり、1 日違いでビルドしたレプリカ同士も中身が異なります。ダイジェスト固定 (`@sha256:…`)、`scratch`、前のビルドステージの参照は問題ありません。',
  },
  fix: {
    en: 'Pin a specific version tag (`FROM python:3.12.4-slim-bookworm`), or a digest for fully reproducible builds (`FROM python:3.12-slim@sha256:…`), and update it deliberately (Dependabot / Renovate can bump it).',
    ja: '具体的なバージョンタグ (`FROM python:3.12.4-slim-bookworm`) か、完全に再現可能にするならダイジェスト (`FROM python:3.12-slim@sha256:…`) を指定し、更新は意図して行ってください（Dependabot / Renovate で自動更新できます）。',
  },
  references: { cwe: ['CWE-1357'], equivalents: ['hadolint DL3006', 'hadolint DL3007', 'CKV_DOCKER_7'] },
  check(facts, ctx) {
    for (const f of facts.dockerfile) {
      for (const st of f.stages) {
        const img = st.image;
        if (img.stage !== undefined || img.scratch || img.digest || img.unresolved || !img.name) continue;
        const via = img.raw !== img.resolved ? { en: ` (${img.raw} resolves to ${img.resolved})`, ja: ` (${img.raw} は ${img.resolved} に解決されます)` } : { en: '', ja: '' };
        if (!img.tag) {
          ctx.report({
            file: f.file,
            line: img.line,
            column: img.column,
            message: { en: `FROM ${img.resolved} has no tag${via.en}: every build pulls whatever "latest" is at that moment`, ja: `FROM ${img.resolved} にタグがありません${via.ja}。ビルドのたびにその時点の latest が取得されます` },
            fix: { en: `Pin a version: \`FROM ${img.resolved}:<version>\` (or @sha256:<digest>).`, ja: `バージョンを固定してください: \`FROM ${img.resolved}:<バージョン>\`（または @sha256:<ダイジェスト>）。` },
          });
        } else if (MOVING_TAGS.has(img.tag.toLowerCase())) {
          ctx.report({
            file: f.file,
            line: img.line,
            column: img.column,
            message: { en: `FROM ${img.resolved} uses the moving tag "${img.tag}"${via.en}: the base image changes under every build`, ja: `FROM ${img.resolved} は常に動くタグ "${img.tag}" を使っています${via.ja}。ビルドのたびにベースイメージが変わります` },
            fix: { en: `Replace "${img.tag}" with a specific version: \`FROM ${img.name}:<version>\` (or @sha256:<digest>).`, ja: `"${img.tag}" を具体的なバージョンに置き換えてください: \`FROM ${img.name}:<バージョン>\`（または @sha256:<ダイジェスト>）。` },
          });
        }
      }
    }
  },
});
