import { listenersOf } from './_alb.js';
import { attrOr, defineAwsRule, msg, report, str, via } from './_util.js';

/** Policies that still accept TLS 1.0 / 1.1. */
export function isOldElbPolicy(name: string): boolean {
  return /^ELBSecurityPolicy-20\d\d-\d\d$/.test(name) || /(TLS13-1-[01]-|TLS-1-[01]-|FS-1-1-|FS-2018-06)/.test(name);
}

export default defineAwsRule({
  id: 'tf-aws/alb-old-tls-policy',
  severity: 'medium',
  facts: ['terraform'],
  title: { en: 'Load balancer listener accepts TLS 1.0 / 1.1', ja: 'ロードバランサーのリスナーが TLS 1.0 / 1.1 を受け付ける' },
  description: {
    en: 'The HTTPS / TLS listener\'s `ssl_policy` (ELBSecurityPolicy-2016-08, -TLS-1-0-…, -TLS-1-1-…, -FS-1-1-…) still negotiates TLS 1.0 and 1.1, deprecated by RFC 8996 and rejected by PCI DSS. Without `ssl_policy` the listener falls back to the API\'s default policy instead of one you chose.',
    ja: 'HTTPS / TLS リスナーの `ssl_policy`（ELBSecurityPolicy-2016-08、-TLS-1-0-…、-TLS-1-1-…、-FS-1-1-…）は、RFC 8996 で廃止され PCI DSS でも認められない TLS 1.0 / 1.1 をまだ受け付けます。`ssl_policy` がない場合は、選んだポリシーではなく API のデフォルトポリシーが使われます。',
  },
  fix: {
    en: 'Set `ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"` (TLS 1.3 and 1.2 only).',
    ja: '`ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"`（TLS 1.3 と 1.2 のみ）を設定します。',
  },
  references: { cwe: ['CWE-327'], equivalents: ['CKV_AWS_103'] },
  check(facts, ctx) {
    for (const l of listenersOf(facts.terraform)) {
      const proto = str(l.body.attrs['protocol']?.value)?.toUpperCase();
      if (proto !== 'HTTPS' && proto !== 'TLS') continue;
      const a = l.body.attrs['ssl_policy'];
      const name = a ? str(a.value) : undefined;
      if (!a) {
        ctx.report(report(attrOr(l.body.attrs['protocol'], l), msg(`${l.address}: `, { en: `${proto} listener has no ssl_policy: it uses the API default (historically ELBSecurityPolicy-2016-08, which accepts TLS 1.0)`, ja: `${proto} リスナーに ssl_policy がありません: API のデフォルト（従来は TLS 1.0 を受け付ける ELBSecurityPolicy-2016-08）が使われます` }), { severity: 'low' }));
      } else if (name && isOldElbPolicy(name)) {
        ctx.report(report(attrOr(a, l), msg(`${l.address}: `, { en: `ssl_policy ${name} accepts TLS 1.0/1.1`, ja: `ssl_policy ${name} は TLS 1.0/1.1 を受け付けます` }, via(a.value))));
      }
    }
  },
});
