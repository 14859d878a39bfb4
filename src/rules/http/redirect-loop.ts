import { MAX_MAIN_REDIRECTS, type ProbeResponse } from '../../facts/probe.js';
import { defineRule } from '../define.js';
import { byRole, hdr } from '../../facts/probe-queries.js';

function target(r: ProbeResponse): string | undefined {
  const loc = hdr(r, 'location');
  if (!loc || r.status === undefined || r.status < 300 || r.status > 399) return undefined;
  try {
    return new URL(loc, r.url).href;
  } catch {
    return undefined;
  }
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

export default defineRule({
  id: 'http/redirect-loop',
  command: 'probe',
  severity: 'high',
  facts: ['probeResponse'],
  title: { en: 'The URL redirects in a loop or without end', ja: 'URL のリダイレクトがループする、または終わらない' },
  description: {
    en: 'Following the URL never reaches a page: each answer is another redirect on the same site, back to a URL already visited or on and on. Browsers give up with "too many redirects", so users see an error; the header, cookie, CSP and debug-page checks had no page to judge. Common causes: HTTPS redirect behind a TLS-terminating proxy that does not pass `X-Forwarded-Proto`, a login redirect that redirects itself, trailing-slash rules that fight.',
    ja: 'URL をたどってもページに到達しません。同じサイト内でのリダイレクトが、訪れた URL に戻るか、いつまでも続きます。ブラウザは「リダイレクトが多すぎます」で諦めるため利用者にはエラーが表示され、ヘッダー・Cookie・CSP・デバッグページのチェックも判定するページがありませんでした。よくある原因: TLS を終端するプロキシが `X-Forwarded-Proto` を渡さないまま HTTPS へリダイレクトしている、ログインへのリダイレクトが自分自身にリダイレクトしている、末尾スラッシュの規則同士がぶつかっている。',
  },
  fix: {
    en: 'Follow the chain (`curl -sIL --max-redirs 20 URL`) and remove the rule that sends the request back: pass `proxy_set_header X-Forwarded-Proto $scheme;` and trust it in the app (Django `SECURE_PROXY_SSL_HEADER`, Rails `config.assume_ssl`, Express `trust proxy`), and make each URL redirect at most once.',
    ja: 'チェーンをたどり（`curl -sIL --max-redirs 20 URL`）、リクエストを送り返している規則を取り除いてください。`proxy_set_header X-Forwarded-Proto $scheme;` を渡してアプリ側で信頼する（Django の `SECURE_PROXY_SSL_HEADER`、Rails の `config.assume_ssl`、Express の `trust proxy`）ようにし、各 URL のリダイレクトは 1 回までにします。',
  },
  references: { cwe: ['CWE-835'], equivalents: ['ERR_TOO_MANY_REDIRECTS'] },
  check(facts, ctx) {
    const chain = byRole(facts.probeResponse, 'main');
    const last = chain[chain.length - 1];
    if (!last || last.status === undefined) return;
    const next = target(last);
    // A redirect to another origin (a single sign-on page, a CDN) is where the probe stops on purpose.
    if (!next || !sameOrigin(next, chain[0]!.url)) return;
    const loop = chain.some((r) => r.url === next);
    if (!loop && chain.length <= MAX_MAIN_REDIRECTS) return;
    const path = [...chain.map((r) => r.url), next].map((u) => new URL(u).pathname + new URL(u).search);
    const shown = path.length > 6 ? [...path.slice(0, 3), '…', ...path.slice(-2)] : path;
    ctx.report({
      file: chain[0]!.url,
      message: loop
        ? { en: `The URL redirects in a loop (${shown.join(' → ')}): no page is ever served, so the page checks could not run`, ja: `URL のリダイレクトがループしています（${shown.join(' → ')}）。ページが返らないため、ページに関するチェックは実行できませんでした` }
        : { en: `The URL still redirects after ${chain.length} same-site redirects (${shown.join(' → ')}): no page is reached, so the page checks could not run`, ja: `同じサイト内で ${chain.length} 回リダイレクトしてもまだ終わりません（${shown.join(' → ')}）。ページに到達しないため、ページに関するチェックは実行できませんでした` },
      evidence: `${chain.length} redirects, last ${last.status} → ${new URL(next).pathname}`.slice(0, 200),
      fingerprint: loop ? 'redirect-loop' : 'redirect-endless',
    });
  },
});
