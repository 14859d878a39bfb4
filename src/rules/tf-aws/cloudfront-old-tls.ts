import { defineRule } from '../define.js';
import { blocks, bool, isUnset, msg, report, resourcesOf, str, via } from './_util.js';

const OLD: Record<string, 'medium' | 'low'> = {
  SSLv3: 'medium',
  TLSv1: 'medium',
  TLSv1_2016: 'medium',
  'TLSv1.1_2016': 'medium',
  'TLSv1.2_2018': 'low',
  'TLSv1.2_2019': 'low',
};

export default defineRule({
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
    for (const r of resourcesOf(facts.terraform, 'aws_cloudfront_distribution')) {
      for (const vc of blocks(r.body, 'viewer_certificate')) {
        if (bool(vc.body.attrs['cloudfront_default_certificate']?.value) === true) continue; // *.cloudfront.net: the version cannot be chosen
        const a = vc.body.attrs['minimum_protocol_version'];
        if (isUnset(a)) {
          if (isUnset(vc.body.attrs['acm_certificate_arn']) && isUnset(vc.body.attrs['iam_certificate_id'])) continue;
          ctx.report(report(vc, msg(`${r.address}: `, { en: 'viewer_certificate has no minimum_protocol_version: CloudFront then accepts TLSv1', ja: 'viewer_certificate に minimum_protocol_version がありません: CloudFront は TLSv1 を受け付けます' })));
          continue;
        }
        const v = str(a!.value);
        const sev = v ? OLD[v] : undefined;
        if (!sev) continue;
        ctx.report(report(a!, msg(`${r.address}: `, { en: `minimum_protocol_version is ${v} (below TLSv1.2_2021)`, ja: `minimum_protocol_version が ${v} です（TLSv1.2_2021 未満）` }, via(a!.value)), { severity: sev }));
      }
    }
  },
});
