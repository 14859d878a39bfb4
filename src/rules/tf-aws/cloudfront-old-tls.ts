import { assumedDefault, attrOr, blocks, bool, defineAwsRule, isUnset, label, msg, report, resourcesOf, str, via } from './_util.js';

const OLD: Record<string, 'medium' | 'low'> = {
  SSLv3: 'medium',
  TLSv1: 'medium',
  TLSv1_2016: 'medium',
  'TLSv1.1_2016': 'medium',
  'TLSv1.2_2018': 'low',
  'TLSv1.2_2019': 'low',
};

export default defineAwsRule({
  id: 'tf-aws/cloudfront-old-tls',
  severity: 'medium',
  facts: ['terraform'],
  title: { en: 'CloudFront accepts old TLS versions or ciphers', ja: 'CloudFront が古い TLS バージョンや暗号スイートを受け付ける' },
  description: {
    en: 'The distribution\'s `viewer_certificate.minimum_protocol_version` is below TLSv1.2_2021: SSLv3 / TLSv1 / TLSv1.1 policies accept deprecated protocols (RFC 8996), and TLSv1.2_2018 / _2019 still offer CBC ciphers without forward secrecy. With a custom certificate and no minimum_protocol_version, CloudFront uses TLSv1.',
    ja: 'ディストリビューションの `viewer_certificate.minimum_protocol_version` が TLSv1.2_2021 未満です。SSLv3 / TLSv1 / TLSv1.1 のポリシーは廃止済みのプロトコル（RFC 8996）を受け付け、TLSv1.2_2018 / _2019 も前方秘匿性のない CBC 暗号を提供します。独自証明書で minimum_protocol_version を指定しない場合、CloudFront は TLSv1 を使います。',
  },
  fix: { en: 'Set `minimum_protocol_version = "TLSv1.2_2021"` in `viewer_certificate` (with `ssl_support_method = "sni-only"`).', ja: '`viewer_certificate` に `minimum_protocol_version = "TLSv1.2_2021"`（と `ssl_support_method = "sni-only"`）を設定します。' },
  references: { cwe: ['CWE-327'], equivalents: ['CKV_AWS_174'] },
  check(facts, ctx) {
    const tf = facts.terraform;
    for (const r of resourcesOf(tf, 'aws_cloudfront_distribution')) {
      const vcs = blocks(r.body, 'viewer_certificate');
      if (!vcs.length) {
        // The provider requires the block; without it nothing but the default certificate could apply.
        ctx.report(report(r, msg(`${label(r)}: `, { en: 'no viewer_certificate block: only the default *.cloudfront.net certificate could serve it, and its security policy is TLSv1', ja: 'viewer_certificate ブロックがありません: 既定の *.cloudfront.net 証明書しか使えず、そのセキュリティポリシーは TLSv1 です' }), { severity: 'low' }));
        continue;
      }
      for (const vc of vcs) {
        if (bool(vc.body.attrs['cloudfront_default_certificate']?.value) === true) {
          // *.cloudfront.net: CloudFront fixes the policy at TLSv1; only a custom domain can raise it.
          ctx.report(report(attrOr(vc.body.attrs['cloudfront_default_certificate'], r), msg(`${label(r)}: `, { en: 'uses the default *.cloudfront.net certificate, whose security policy is fixed at TLSv1 (viewers can connect with TLS 1.0)', ja: '既定の *.cloudfront.net 証明書を使っています。そのセキュリティポリシーは TLSv1 に固定されています（TLS 1.0 で接続できます）' }), { severity: 'low' }));
          continue;
        }
        const a = vc.body.attrs['minimum_protocol_version'];
        if (isUnset(a)) {
          const custom = !isUnset(vc.body.attrs['acm_certificate_arn']) || !isUnset(vc.body.attrs['iam_certificate_id']);
          const d = assumedDefault(tf, r, 'viewer_certificate.minimum_protocol_version');
          ctx.report(report(r.module ? r : { file: vc.file, line: vc.line, column: vc.column, example: r.example }, msg(`${label(r)}: `, { en: 'viewer_certificate has no minimum_protocol_version: CloudFront then accepts TLSv1', ja: 'viewer_certificate に minimum_protocol_version がありません: CloudFront は TLSv1 を受け付けます' }, d.note), { severity: custom ? 'medium' : 'low' }));
          continue;
        }
        const v = str(a!.value);
        const sev = v ? OLD[v] : undefined;
        if (!sev) continue;
        ctx.report(report(attrOr(a!, r), msg(`${label(r)}: `, { en: `minimum_protocol_version is ${v} (below TLSv1.2_2021)`, ja: `minimum_protocol_version が ${v} です（TLSv1.2_2021 未満）` }, via(a!.value)), { severity: sev }));
      }
    }
  },
});
