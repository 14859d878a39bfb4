import { attrAt, attrOr, blocks, bool, defineAwsRule, isUnset, label, msg, report, resourcesOf, via } from './_util.js';

export default defineAwsRule({
  id: 'tf-aws/ecr-scan-on-push-disabled',
  severity: 'medium',
  facts: ['terraform'],
  title: { en: 'ECR repository does not scan images on push', ja: 'ECR リポジトリがプッシュ時にイメージをスキャンしない' },
  description: {
    en: 'Without `image_scanning_configuration { scan_on_push = true }` (or registry-level scanning) images are pushed and deployed without anyone seeing their known vulnerabilities (OS packages, language runtimes).',
    ja: '`image_scanning_configuration { scan_on_push = true }`（またはレジストリ単位のスキャン）がないと、既知の脆弱性（OS パッケージや言語ランタイム）を誰も確認しないままイメージがプッシュ・デプロイされます。',
  },
  fix: {
    en: 'Add `image_scanning_configuration { scan_on_push = true }`, or configure `aws_ecr_registry_scanning_configuration` (enhanced scanning with Amazon Inspector) for every repository, and act on the findings in CI.',
    ja: '`image_scanning_configuration { scan_on_push = true }` を追加するか、全リポジトリに対して `aws_ecr_registry_scanning_configuration`（Amazon Inspector による拡張スキャン）を設定し、CI で結果を確認します。',
  },
  references: { cwe: ['CWE-1104'], equivalents: ['CKV_AWS_163'] },
  check(facts, ctx) {
    if ([...resourcesOf(facts.terraform, 'aws_ecr_registry_scanning_configuration')].length) return;
    for (const r of resourcesOf(facts.terraform, 'aws_ecr_repository')) {
      const a = attrAt(r.body, 'image_scanning_configuration', 'scan_on_push');
      if (isUnset(a)) {
        const blk = blocks(r.body, 'image_scanning_configuration')[0];
        ctx.report(report(attrOr(undefined, blk ?? r), msg(`${label(r)}: `, { en: 'scan_on_push is not enabled (image_scanning_configuration is missing or has no scan_on_push)', ja: 'scan_on_push が有効ではありません（image_scanning_configuration がないか scan_on_push が未設定です）' })));
      } else if (bool(a!.value) === false) {
        ctx.report(report(attrOr(a, r), msg(`${label(r)}: `, { en: 'scan_on_push is false', ja: 'scan_on_push が false です' }, via(a!.value))));
      }
    }
  },
});
