import { defineRule } from '../define.js';

const MOVING_TAGS = new Set(['latest', 'edge', 'nightly', 'canary', 'unstable', 'rolling', 'master', 'main', 'dev', 'develop']);

export default defineRule({
  id: 'compose/unpinned-image',
  severity: 'medium',
  facts: ['compose'],
  title: { en: 'Service image not pinned to a version', ja: 'サービスのイメージのバージョンが固定されていない' },
  description: {
    en: 'A service uses an image without a tag, or with `latest` (or another moving tag). Each `docker compose pull` / new host can start a different version of the database or proxy — including a major upgrade whose data format is incompatible with the volume it mounts. Services that also `build:` are not judged (their `image:` names the image they build).',
    ja: 'サービスがタグなし、または `latest`（などの常に動くタグ）のイメージを使っています。`docker compose pull` や新しいホストのたびに、データベースやプロキシの別のバージョンが起動する可能性があり、マウントしているボリュームとデータ形式が互換しないメジャーアップグレードが入ることもあります。`build:` もあるサービスは判定しません（その `image:` はビルドするイメージの名前です）。',
  },
  fix: {
    en: 'Pin a version tag (`image: postgres:16.4`) or a digest (`image: postgres:16@sha256:…`) and upgrade deliberately.',
    ja: 'バージョンタグ (`image: postgres:16.4`) かダイジェスト (`image: postgres:16@sha256:…`) で固定し、更新は意図して行ってください。',
  },
  references: { cwe: ['CWE-1357'] },
  check(facts, ctx) {
    for (const f of facts.compose) {
      for (const svc of f.services) {
        const img = svc.image;
        if (!img || svc.build || img.digest || img.unresolved || !img.name) continue;
        if (img.tag && !MOVING_TAGS.has(img.tag.toLowerCase())) continue;
        ctx.report({
          file: f.file,
          line: img.line,
          column: img.column,
          message: img.tag
            ? { en: `Service "${svc.name}" uses ${img.resolved}: the moving tag "${img.tag}" changes what runs on every pull`, ja: `サービス "${svc.name}" が ${img.resolved} を使っています。常に動くタグ "${img.tag}" のため、pull のたびに動くものが変わります` }
            : { en: `Service "${svc.name}" uses ${img.resolved} without a tag: every pull takes whatever "latest" is`, ja: `サービス "${svc.name}" が ${img.resolved} をタグなしで使っています。pull のたびにその時点の latest が取得されます` },
          fix: { en: `Pin a version: \`image: ${img.name}:<version>\`.`, ja: `バージョンを固定してください: \`image: ${img.name}:<バージョン>\`。` },
        });
      }
    }
  },
});
