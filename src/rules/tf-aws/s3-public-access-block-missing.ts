import type { TfResource } from '../../facts/terraform/types.js';
import { defineRule } from '../define.js';
import { bool, isUnset, msg, refIds, refersTo, report, resourcesOf, str, via } from './_util.js';

const FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'] as const;

export default defineRule({
  id: 'tf-aws/s3-public-access-block-missing',
  severity: 'medium',
  facts: ['terraform'],
  title: { en: 'S3 bucket without a complete public access block', ja: 'S3 バケットにパブリックアクセスブロックがない（不完全）' },
  description: {
    en: 'Without an `aws_s3_bucket_public_access_block` (all four flags true) — or an account-level `aws_s3_account_public_access_block` — one public ACL or bucket policy, added by anyone later, exposes the bucket to the internet. Serving through CloudFront with Origin Access Control does not need a public bucket.',
    ja: '`aws_s3_bucket_public_access_block`（4 つのフラグすべて true）またはアカウント単位の `aws_s3_account_public_access_block` がないと、後から誰かが公開 ACL やバケットポリシーを 1 つ追加しただけでバケットがインターネットに公開されます。CloudFront の Origin Access Control で配信する場合もバケットを公開する必要はありません。',
  },
  fix: {
    en: 'Add `resource "aws_s3_bucket_public_access_block"` for the bucket with `block_public_acls`, `block_public_policy`, `ignore_public_acls` and `restrict_public_buckets` all `true` (or block at the account level).',
    ja: 'バケットに `resource "aws_s3_bucket_public_access_block"` を追加し、`block_public_acls`・`block_public_policy`・`ignore_public_acls`・`restrict_public_buckets` をすべて `true` にします（またはアカウント単位でブロックします）。',
  },
  references: { cwe: ['CWE-732'], equivalents: ['CKV2_AWS_6', 'CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56'] },
  check(facts, ctx) {
    const tf = facts.terraform;
    const account = [...resourcesOf(tf, 'aws_s3_account_public_access_block')];
    if (account.some((a) => FLAGS.every((k) => bool(a.body.attrs[k]?.value) === true))) return;
    const blocks = [...resourcesOf(tf, 'aws_s3_bucket_public_access_block')];
    const buckets = [...resourcesOf(tf, 'aws_s3_bucket')];
    const bucketIds = new Set(buckets.map((b) => b.id));
    // A block whose bucket we cannot resolve might be the one: do not guess about missing blocks then.
    const unresolved = blocks.some((b) => {
      const v = b.body.attrs['bucket']?.value;
      return !str(v) && !refIds(v).some((id) => bucketIds.has(id));
    });
    const covers = (pab: TfResource, bucket: TfResource): boolean => {
      const v = pab.body.attrs['bucket']?.value;
      if (refersTo(v, bucket.id)) return true;
      const name = str(bucket.body.attrs['bucket']?.value);
      return name !== undefined && str(v) === name;
    };
    if (!unresolved) {
      for (const b of buckets) {
        if (blocks.some((p) => covers(p, b))) continue;
        ctx.report(report(b, msg(`${b.address}: `, { en: 'no aws_s3_bucket_public_access_block for this bucket: a later public ACL or policy would expose it', ja: 'このバケットの aws_s3_bucket_public_access_block がありません: 後から公開 ACL やポリシーを付けると公開されてしまいます' })));
      }
    }
    for (const p of [...blocks, ...account]) {
      const unset = FLAGS.filter((k) => isUnset(p.body.attrs[k]));
      for (const k of FLAGS) {
        const a = p.body.attrs[k];
        if (a && bool(a.value) === false) ctx.report(report(a, msg(`${p.address}: `, { en: `${k} is false`, ja: `${k} が false です` }, via(a.value))));
      }
      if (unset.length) ctx.report(report(p, msg(`${p.address}: `, { en: `${unset.join(', ')} not set (the default is false)`, ja: `${unset.join(', ')} が未設定です（デフォルトは false）` })));
    }
  },
});
