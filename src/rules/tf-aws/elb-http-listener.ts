import { attrOr, blocks, bool, defineAwsRule, label, msg, report, resourcesOf, str } from './_util.js';

export default defineAwsRule({
  id: 'tf-aws/elb-http-listener',
  severity: 'medium',
  facts: ['terraform'],
  title: { en: 'Classic load balancer listens on plain HTTP', ja: 'Classic Load Balancer が平文 HTTP で待ち受けている' },
  description: {
    en: 'A classic `aws_elb` listener with `lb_protocol = "http"` takes requests in clear text, and a classic load balancer cannot redirect them to HTTPS. With no HTTPS / SSL listener beside it, the whole site — logins, cookies, personal data — travels unencrypted. With one beside it, the HTTP listener only protects users if the application itself redirects every request (reported at low severity as a reminder).',
    ja: 'Classic Load Balancer（`aws_elb`）の `lb_protocol = "http"` のリスナーはリクエストを平文で受け取り、Classic Load Balancer には HTTPS へリダイレクトする機能がありません。HTTPS / SSL のリスナーがなければ、ログイン情報・Cookie・個人情報を含むサイト全体が暗号化されずに流れます。HTTPS のリスナーもある場合は、アプリ自身がすべてのリクエストをリダイレクトしている時に限り安全です（確認を促すため low で報告します）。',
  },
  fix: {
    en: 'Serve the site on an HTTPS listener (`lb_protocol = "https"` with `ssl_certificate_id`), or better migrate to an Application Load Balancer whose port-80 listener redirects to HTTPS.',
    ja: 'HTTPS のリスナー（`lb_protocol = "https"` と `ssl_certificate_id`）で提供するか、ポート 80 のリスナーを HTTPS へリダイレクトできる Application Load Balancer へ移行します。',
  },
  references: { cwe: ['CWE-319'], equivalents: ['CKV_AWS_127'] },
  check(facts, ctx) {
    for (const r of resourcesOf(facts.terraform, 'aws_elb')) {
      const listeners = blocks(r.body, 'listener');
      const protos = listeners.map((l) => str(l.body.attrs['lb_protocol']?.value)?.toLowerCase());
      const tls = protos.some((p) => p === 'https' || p === 'ssl');
      const internal = bool(r.body.attrs['internal']?.value) === true;
      for (const l of listeners) {
        const a = l.body.attrs['lb_protocol'];
        if (str(a?.value)?.toLowerCase() !== 'http') continue;
        const port = str(l.body.attrs['lb_port']?.value);
        const where = port ? ` on port ${port}` : '';
        const text = tls
          ? { en: `HTTP listener${where} beside an HTTPS one: a classic load balancer cannot redirect, so only the application can send users to HTTPS`, ja: `HTTPS リスナーと並ぶ HTTP リスナー${port ? `（ポート ${port}）` : ''}です: Classic Load Balancer はリダイレクトできないため、HTTPS への誘導はアプリ任せです` }
          : { en: `HTTP-only: the listener${where} serves plain HTTP and the load balancer has no HTTPS / SSL listener`, ja: `HTTP のみです: リスナー${port ? `（ポート ${port}）` : ''}が平文 HTTP で提供し、HTTPS / SSL のリスナーがありません` };
        const note = internal ? { en: ' (internal load balancer)', ja: '（内部ロードバランサー）' } : { en: '', ja: '' };
        ctx.report(report(attrOr(a, r), msg(`${label(r)}: `, text, note), tls || internal ? { severity: 'low' } : {}));
      }
    }
  },
});
