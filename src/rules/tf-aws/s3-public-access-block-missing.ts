import type { TfResource } from '../../facts/terraform/types.js';
import { attrOr, bool, defineAwsRule, isUnset, label, msg, refersToResource, refIds, report, resourcesOf, str, via } from './_util.js';

const FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'] as const;

export default defineAwsRule({
  id: 'tf-aws/s3-public-access-block-missing',
  severity: 'medium',
  facts: ['terraform'],
  title: { en: 'S3 bucket without a complete public access block', ja: 'S3 バケットにパブリックアクセスブロックがない（不完全）' },
  description: {
    en: 'A public access block with a flag set to false (or left unset: the provider default is false) lets a public ACL or bucket policy expose the bucket to the internet (medium). A bucket with no `aws_s3_bucket_public_access_block` at all — and no account-level `aws_s3_account_public_access_block` — is reported at low severity: S3 turns Block Public Access on for buckets created since April 2023, but nothing in the configuration keeps it on, and buckets created earlier (or imported) have none. Serving through CloudFront with Origin Access Control does not need a public bucket.',
    ja: 'フラグが false（または未設定: provider のデフォルトは false）のパブリックアクセスブロックは、公開 ACL やバケットポリシーによるバケットのインターネット公開を許します（medium）。`aws_s3_bucket_public_access_block` もアカウント単位の `aws_s3_account_public_access_block` もないバケットは low で報告します。2023 年 4 月以降に作成されたバケットでは S3 がパブリックアクセスブロックを既定で有効にしますが、構成の中にそれを維持するものがなく、それ以前に作成された（またはインポートした）バケットにはありません。CloudFront の Origin Access Control で配信する場合もバケットを公開する必要はありません。',
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
    const bucketIds = new Set(buckets.flatMap((b) => [b.id, ...(b.aliases ?? [])]));
    // A block whose bucket we cannot resolve might be the one: do not guess about missing blocks then.
    const unresolved = blocks.some((b) => {
      const v = b.body.attrs['bucket']?.value;
      return !str(v) && !refIds(v).some((id) => bucketIds.has(id));
    });
    const covers = (pab: TfResource, bucket: TfResource): boolean => {
      const v = pab.body.attrs['bucket']?.value;
      if (refersToResource(v, bucket)) return true;
      const name = str(bucket.body.attrs['bucket']?.value);
      return name !== undefined && str(v) === name;
    };
    if (!unresolved) {
      for (const b of buckets) {
        if (blocks.some((p) => covers(p, b))) continue;
        ctx.report(report(b, msg(`${label(b)}: `, { en: 'no aws_s3_bucket_public_access_block for this bucket: nothing in the configuration keeps Block Public Access on (S3 enables it only on buckets created since April 2023)', ja: 'このバケットの aws_s3_bucket_public_access_block がありません: パブリックアクセスブロックを維持するものが構成にありません（S3 が既定で有効にするのは 2023 年 4 月以降に作成されたバケットだけです）' }), { severity: 'low' }));
      }
    }
    for (const p of [...blocks, ...account]) {
      const unset = FLAGS.filter((k) => isUnset(p.body.attrs[k]));
      // False flags, one finding per place they are written (module defaults share the module call).
      const byPlace = new Map<string, { at: ReturnType<typeof attrOr>; flags: string[]; a: NonNullable<(typeof p.body.attrs)[string]> }>();
      for (const k of FLAGS) {
        const a = p.body.attrs[k];
        if (!a || bool(a.value) !== false) continue;
        const at = attrOr(a, p);
        const key = `${at.file}:${at.line}:${at.column}`;
        const g = byPlace.get(key);
        if (g) g.flags.push(k);
        else byPlace.set(key, { at, flags: [k], a });
      }
      for (const { at, flags, a } of byPlace.values()) {
        const verb = flags.length > 1 ? 'are' : 'is';
        ctx.report(report(at, msg(`${label(p)}: `, { en: `${flags.join(', ')} ${verb} false`, ja: `${flags.join('、')} が false です` }, via(a.value))));
      }
      if (unset.length) ctx.report(report(p, msg(`${label(p)}: `, { en: `${unset.join(', ')} not set (the default is false)`, ja: `${unset.join(', ')} が未設定です（デフォルトは false）` })));
    }
  },
});
