import { attrOr, blocks, deepBlocks, defineAwsRule, label, msg, report, resourcesOf, str, via } from './_util.js';

const PUBLIC: Record<string, { sev: 'critical' | 'high'; en: string; ja: string }> = {
  'public-read': { sev: 'high', en: 'anyone on the internet can list and read the objects', ja: 'インターネット上の誰でもオブジェクトを一覧・読み取りできます' },
  'public-read-write': { sev: 'critical', en: 'anyone on the internet can read, upload and overwrite objects', ja: 'インターネット上の誰でもオブジェクトを読み取り・アップロード・上書きできます' },
  'authenticated-read': { sev: 'high', en: 'any AWS account in the world can read the objects', ja: '世界中のあらゆる AWS アカウントがオブジェクトを読み取れます' },
};
const GROUPS: Record<string, string> = {
  'http://acs.amazonaws.com/groups/global/AllUsers': 'AllUsers',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers': 'AuthenticatedUsers',
};

export default defineAwsRule({
  id: 'tf-aws/s3-public-acl',
  severity: 'high',
  facts: ['terraform'],
  title: { en: 'S3 bucket ACL grants public access', ja: 'S3 バケットの ACL が公開アクセスを許可している' },
  description: {
    en: 'A canned ACL `public-read`, `public-read-write` or `authenticated-read` (or a grant to the AllUsers / AuthenticatedUsers groups) opens the bucket to everyone. Uploads, backups and user files stored there become downloadable, and with write access anyone can plant content or run up the bill.',
    ja: '既定 ACL の `public-read`・`public-read-write`・`authenticated-read`（または AllUsers / AuthenticatedUsers グループへの付与）はバケットを全員に開放します。アップロードファイル・バックアップ・ユーザーのファイルがダウンロード可能になり、書き込み権限があれば誰でもコンテンツを置いたり課金を膨らませたりできます。',
  },
  fix: {
    en: 'Use `acl = "private"` (or `object_ownership = "BucketOwnerEnforced"`, which disables ACLs), block public access, and serve public assets through CloudFront with Origin Access Control.',
    ja: '`acl = "private"`（または ACL 自体を無効にする `object_ownership = "BucketOwnerEnforced"`）にし、パブリックアクセスをブロックします。公開アセットは CloudFront の Origin Access Control 経由で配信します。',
  },
  references: { cwe: ['CWE-732'], equivalents: ['CKV_AWS_20', 'CKV_AWS_57'] },
  check(facts, ctx) {
    for (const r of resourcesOf(facts.terraform, ['aws_s3_bucket', 'aws_s3_bucket_acl'])) {
      const a = r.body.attrs['acl'];
      const acl = a ? str(a.value) : undefined;
      const p = acl ? PUBLIC[acl] : undefined;
      if (a && acl && p) ctx.report(report(attrOr(a, r), msg(`${label(r)}: `, { en: `ACL "${acl}": ${p.en}`, ja: `ACL "${acl}": ${p.ja}` }, via(a.value)), { severity: p.sev }));
      for (const pol of blocks(r.body, 'access_control_policy')) {
        for (const g of deepBlocks(pol.body, 'grantee')) {
          const u = g.body.attrs['uri'];
          const group = u ? GROUPS[str(u.value) ?? ''] : undefined;
          if (u && group) ctx.report(report(attrOr(u, r), msg(`${label(r)}: `, { en: `ACL grant to the ${group} group`, ja: `${group} グループへの ACL 付与があります` })));
        }
      }
    }
  },
});
