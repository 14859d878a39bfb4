import { lbOf, lbTypeOf, listenersOf } from './_alb.js';
import { attrOr, blocks, bool, defineAwsRule, msg, num, report, resourceIndex, str } from './_util.js';

export default defineAwsRule({
  id: 'tf-aws/alb-http-listener',
  severity: 'medium',
  facts: ['terraform'],
  title: { en: 'Load balancer serves plain HTTP instead of redirecting to HTTPS', ja: 'ロードバランサーが HTTPS にリダイレクトせず平文 HTTP で応答している' },
  description: {
    en: 'An HTTP listener (port 80) forwards requests to the application instead of redirecting to HTTPS. Logins, cookies and personal data can then travel unencrypted, and anyone on the network path can read or change them.',
    ja: 'HTTP リスナー（ポート 80）が HTTPS へリダイレクトせず、リクエストをそのままアプリへ転送しています。ログイン情報・Cookie・個人情報が暗号化されずに流れ、経路上の誰でも盗聴・改ざんできます。',
  },
  fix: {
    en: 'Make the port-80 listener\'s default action `type = "redirect"` with `redirect { protocol = "HTTPS", port = "443", status_code = "HTTP_301" }`, and serve the application on an HTTPS listener.',
    ja: 'ポート 80 のリスナーのデフォルトアクションを `type = "redirect"`、`redirect { protocol = "HTTPS", port = "443", status_code = "HTTP_301" }` にし、アプリは HTTPS リスナーで提供します。',
  },
  references: { cwe: ['CWE-319'], equivalents: ['CKV_AWS_2', 'CKV2_AWS_20'] },
  check(facts, ctx) {
    const byId = resourceIndex(facts.terraform);
    for (const l of listenersOf(facts.terraform)) {
      const protoAttr = l.body.attrs['protocol'];
      const proto = str(protoAttr?.value)?.toUpperCase();
      const port = num(l.body.attrs['port']?.value);
      let http = proto === 'HTTP';
      if (!protoAttr && port === 80 && lbTypeOf(l, byId) === 'application') http = true;
      if (!http) continue;
      let serves = false;
      let unknown = false;
      for (const act of blocks(l.body, 'default_action')) {
        const type = str(act.body.attrs['type']?.value);
        if (type === undefined) unknown = true;
        else if (type === 'redirect') {
          const p = str(blocks(act.body, 'redirect')[0]?.body.attrs['protocol']?.value);
          if (p === undefined && blocks(act.body, 'redirect')[0]?.body.attrs['protocol']) unknown = true;
          else if (p?.toUpperCase() !== 'HTTPS') serves = true;
        } else if (type !== 'fixed-response') serves = true;
      }
      if (!serves || unknown) continue;
      // An internal load balancer is not reachable from the internet: still plain text, but inside the VPC.
      const internal = bool(lbOf(l, byId)?.body.attrs['internal']?.value) === true;
      ctx.report(
        report(
          attrOr(protoAttr ?? l.body.attrs['port'], l),
          msg(`${l.address}: `, { en: `HTTP listener${port !== undefined ? ` on port ${port}` : ''} forwards requests instead of redirecting to HTTPS`, ja: `HTTP リスナー${port !== undefined ? `（ポート ${port}）` : ''}が HTTPS へリダイレクトせずリクエストを転送しています` }, internal ? { en: ' (internal load balancer)', ja: '（内部ロードバランサー）' } : { en: '', ja: '' }),
          internal ? { severity: 'low' } : {},
        ),
      );
    }
  },
});
