import { attrOr, defineAwsRule, isUnset, label, msg, report, resourcesOf, str, via } from './_util.js';

export default defineAwsRule({
  id: 'tf-aws/ecr-mutable-tags',
  severity: 'low',
  facts: ['terraform'],
  title: { en: 'ECR repository allows overwriting image tags', ja: 'ECR リポジトリでイメージタグを上書きできる' },
  description: {
    en: 'With mutable tags (the default), pushing the same tag again silently replaces the image: a deployed tag no longer identifies the code, rollbacks can pull something else, and a compromised CI credential can swap a running version.',
    ja: 'タグがミュータブル（デフォルト）だと、同じタグを再プッシュしたときに黙ってイメージが置き換わります。デプロイ済みのタグがコードを特定しなくなり、ロールバックで別物を取得したり、漏れた CI 認証情報で稼働中のバージョンをすり替えられたりします。',
  },
  fix: { en: 'Set `image_tag_mutability = "IMMUTABLE"` and tag images with the git SHA or release version.', ja: '`image_tag_mutability = "IMMUTABLE"` を設定し、イメージには git の SHA やリリース番号でタグを付けます。' },
  references: { equivalents: ['CKV_AWS_51'] },
  check(facts, ctx) {
    for (const r of resourcesOf(facts.terraform, 'aws_ecr_repository')) {
      const a = r.body.attrs['image_tag_mutability'];
      if (isUnset(a)) ctx.report(report(attrOr(undefined, r), msg(`${label(r)}: `, { en: 'image_tag_mutability is not set (the default is MUTABLE)', ja: 'image_tag_mutability が未設定です（デフォルトは MUTABLE）' })));
      else if (str(a!.value) === 'MUTABLE') ctx.report(report(attrOr(a, r), msg(`${label(r)}: `, { en: 'image_tag_mutability is MUTABLE', ja: 'image_tag_mutability が MUTABLE です' }, via(a!.value))));
    }
  },
});
