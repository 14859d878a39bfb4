import { defineRule } from '../define.js';
import { msg, report, textOf, UNKNOWN_MARK } from './_util.js';

/** The tag of an image reference: undefined when untagged, null when it cannot be known. */
export function imageTag(image: string): string | undefined | null {
  if (image.includes('@sha256:') || image.includes('@' + UNKNOWN_MARK)) return null; // pinned by digest (or unknown digest)
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  if (colon > slash) {
    const tag = image.slice(colon + 1);
    return tag.includes(UNKNOWN_MARK) ? null : tag;
  }
  // No tag written: untagged, unless the name ends with an unknown part that could carry one.
  return image.endsWith(UNKNOWN_MARK) ? null : undefined;
}

export default defineRule({
  id: 'tf-aws/ecs-image-latest',
  severity: 'medium',
  facts: ['terraform'],
  title: { en: 'ECS container image is :latest or untagged', ja: 'ECS コンテナイメージが :latest またはタグなし' },
  description: {
    en: 'An image without a tag, or tagged `latest`, is not a version: each new task (scaling, a replaced host, a restart) may pull a different build, a rollback re-deploys whatever `latest` is now, and nobody can tell which code is running.',
    ja: 'タグなし、または `latest` タグのイメージはバージョンを示しません。新しいタスク（スケール、ホストの入れ替え、再起動）ごとに別のビルドを取得する可能性があり、ロールバックしても現在の `latest` が再デプロイされるだけで、どのコードが動いているか誰にも分かりません。',
  },
  fix: {
    en: 'Deploy an immutable tag (git SHA or release version) or a digest: `image = "${aws_ecr_repository.app.repository_url}:${var.image_tag}"` set by CI, and make the ECR repository IMMUTABLE.',
    ja: 'イミュータブルなタグ（git の SHA やリリース番号）かダイジェストでデプロイします: CI から渡す `image = "${aws_ecr_repository.app.repository_url}:${var.image_tag}"`。ECR リポジトリも IMMUTABLE にします。',
  },
  references: { cwe: ['CWE-1357'] },
  check(facts, ctx) {
    for (const f of facts.terraform) {
      for (const c of f.containers) {
        const img = c.image?.value;
        if (!img) continue;
        let text = textOf(img);
        // `image = aws_ecr_repository.app.repository_url` alone: an untagged repository URL.
        if (text === undefined && img.kind === 'unknown' && img.refs?.some((r) => r.endsWith('.repository_url')) && /repository_url$/.test(img.text ?? '')) text = UNKNOWN_MARK;
        if (text === undefined) continue;
        let tag = imageTag(text);
        if (text === UNKNOWN_MARK) tag = undefined;
        if (tag === null || (tag !== undefined && tag !== 'latest')) continue;
        const loc = img.loc ?? c;
        const who = `${c.taskDefinition}${c.name ? ` (${c.name})` : ''}`;
        ctx.report(report({ file: loc.file, line: loc.line, column: loc.column }, msg(`${who}: `, tag === 'latest' ? { en: 'image uses the "latest" tag', ja: 'image が "latest" タグを使っています' } : { en: 'image has no tag (pulls "latest")', ja: 'image にタグがありません（"latest" を取得します）' })));
      }
    }
  },
});
