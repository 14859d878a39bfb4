import { attrOr, blocks, defineAwsRule, label, msg, report, resourcesOf, str, via } from './_util.js';

export default defineAwsRule({
  id: 'tf-aws/cloudfront-http-allowed',
  severity: 'medium',
  facts: ['terraform'],
  title: { en: 'CloudFront serves plain HTTP (viewer_protocol_policy = allow-all)', ja: 'CloudFront が平文 HTTP で配信している（viewer_protocol_policy = allow-all）' },
  description: {
    en: 'A cache behavior with `viewer_protocol_policy = "allow-all"` answers plain HTTP requests as well: pages, cookies and tokens can be read or modified on the way, and links or bookmarks to http:// never upgrade.',
    ja: '`viewer_protocol_policy = "allow-all"` のキャッシュビヘイビアは平文 HTTP にもそのまま応答します。ページ・Cookie・トークンが経路上で盗聴・改ざんされうるうえ、http:// のリンクやブックマークも HTTPS に切り替わりません。',
  },
  fix: { en: 'Use `viewer_protocol_policy = "redirect-to-https"` (or `https-only`) on every cache behavior.', ja: 'すべてのキャッシュビヘイビアで `viewer_protocol_policy = "redirect-to-https"`（または `https-only`）を使います。' },
  references: { cwe: ['CWE-319'], equivalents: ['CKV_AWS_34'] },
  check(facts, ctx) {
    for (const r of resourcesOf(facts.terraform, 'aws_cloudfront_distribution')) {
      for (const kind of ['default_cache_behavior', 'ordered_cache_behavior']) {
        for (const b of blocks(r.body, kind)) {
          const a = b.body.attrs['viewer_protocol_policy'];
          if (a && str(a.value) === 'allow-all') {
            const path = str(b.body.attrs['path_pattern']?.value);
            ctx.report(report(attrOr(a, r), msg(`${label(r)} ${kind}${path ? ` "${path}"` : ''}: `, { en: 'viewer_protocol_policy is allow-all: plain HTTP is served', ja: 'viewer_protocol_policy が allow-all です: 平文 HTTP でも配信されます' }, via(a.value))));
          }
        }
      }
    }
  },
});
