// A team's own rule for honban: production images are built only from the company registry.
// Loaded through `plugins:` in honban.yml; `honban rules` lists it, waivers and --rule work on it.
import { defineRule } from 'honban';

export default defineRule({
  id: 'acme/base-image-registry',
  severity: 'high',
  facts: ['dockerfile'],
  title: {
    en: 'Base image not from the company registry',
    ja: '社内レジストリ以外のベースイメージ',
  },
  description: {
    en: 'Production images must start from images mirrored and scanned in the company registry: a base image pulled from a public registry skips the vulnerability scan and can change under the same tag.',
    ja: '本番のイメージは、社内レジストリにミラーされ脆弱性スキャン済みのイメージから作る必要があります。公開レジストリのベースイメージはスキャンを通らず、同じタグのまま中身が変わることがあります。',
  },
  fix: {
    en: 'Use the mirrored image: `FROM registry.acme.example/python:3.12-slim` (ask the platform team to mirror a new one).',
    ja: 'ミラー済みのイメージを使います: `FROM registry.acme.example/python:3.12-slim` (新しいイメージはプラットフォームチームにミラーを依頼します)。',
  },
  docsUrl: 'https://wiki.acme.example/platform/base-images',
  check(facts, ctx) {
    // Rule options from honban.yml: rules: { acme/base-image-registry: { options: { registries: [...] } } }
    const registries = Array.isArray(ctx.options.registries) ? ctx.options.registries : ['registry.acme.example/'];
    for (const f of facts.dockerfile) {
      for (const stage of f.stages) {
        const image = stage.image;
        // `FROM scratch`, a previous stage, or an image named by a build argument are not pulled here.
        if (image.scratch || image.stage !== undefined || image.unresolved) continue;
        if (registries.some((r) => image.resolved.startsWith(r))) continue;
        ctx.report({
          file: f.file,
          line: image.line,
          column: image.column,
          message: {
            en: `${image.resolved} is not from ${registries.join(' or ')}`,
            ja: `${image.resolved} は ${registries.join('、')} のイメージではありません`,
          },
        });
      }
    }
  },
});
