import { attrOr, blocks, defineAwsRule, label, msg, report, resourcesOf, strings, via } from './_util.js';

const WRITE = new Set(['PUT', 'POST', 'DELETE']);

export default defineAwsRule({
  id: 'tf-aws/s3-cors-wildcard-write',
  severity: 'medium',
  facts: ['terraform'],
  title: { en: 'S3 CORS allows writes from any origin', ja: 'S3 の CORS が任意のオリジンからの書き込みを許可している' },
  description: {
    en: 'A CORS rule with `allowed_origins = ["*"]` and PUT / POST / DELETE lets scripts on any website send write requests to the bucket from a visitor\'s browser. With presigned URLs or a public write policy, another site can upload or delete objects through your users; it also hides which front-end really needs access.',
    ja: '`allowed_origins = ["*"]` と PUT / POST / DELETE を組み合わせた CORS ルールは、任意の Web サイトのスクリプトが訪問者のブラウザからバケットへ書き込みリクエストを送ることを許します。署名付き URL や公開書き込みポリシーと組み合わさると、他サイトが利用者を経由してオブジェクトをアップロード・削除できます。どのフロントエンドが本当にアクセスを必要としているかも分からなくなります。',
  },
  fix: {
    en: 'List the real origins: `allowed_origins = ["https://${var.domain_name}", "https://www.${var.domain_name}"]`; keep `*` only for GET/HEAD on public assets.',
    ja: '実際のオリジンを列挙します: `allowed_origins = ["https://${var.domain_name}", "https://www.${var.domain_name}"]`。`*` を使うのは公開アセットへの GET/HEAD だけにします。',
  },
  references: { cwe: ['CWE-942'] },
  check(facts, ctx) {
    for (const r of resourcesOf(facts.terraform, ['aws_s3_bucket_cors_configuration', 'aws_s3_bucket'])) {
      for (const rule of blocks(r.body, 'cors_rule')) {
        const o = rule.body.attrs['allowed_origins'];
        const origins = strings(o?.value);
        const methods = strings(rule.body.attrs['allowed_methods']?.value)?.map((m) => m.toUpperCase());
        if (!o || !origins?.includes('*') || !methods) continue;
        const writes = methods.filter((m) => WRITE.has(m) || m === '*');
        if (!writes.length) continue;
        ctx.report(report(attrOr(o, r), msg(`${label(r)}: `, { en: `CORS allows ${writes.join(', ')} from any origin ("*")`, ja: `CORS が任意のオリジン（"*"）からの ${writes.join(', ')} を許可しています` }, via(o.value))));
      }
    }
  },
});
