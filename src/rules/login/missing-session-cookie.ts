import { defineRule } from '../define.js';
import { finalOf, targetOf } from '../../facts/probe-queries.js';
import { hasCsrfToken, loginForms } from './_util.js';

export default defineRule({
  id: 'login/missing-session-cookie',
  command: 'probe',
  severity: 'medium',
  facts: ['probeTarget', 'probeResponse', 'probeForm', 'probeCookie'],
  title: { en: 'Login page sets no cookie for its CSRF token', ja: 'ログインページが CSRF トークン用の Cookie を設定しない' },
  description: {
    en: 'The login form carries a CSRF token, but loading the page set no cookie. Flask-WTF, Django and Rails check the token against the session (or csrftoken) cookie: without it the login POST is refused with 400 / 403 — the seed\'s "CSRF check fails with 403" (the session cookie is not stored, e.g. SESSION_COOKIE_SECURE on plain HTTP, a cookie Domain that does not match, or a proxy that drops Set-Cookie).',
    ja: 'ログインフォームには CSRF トークンがありますが、ページを読み込んでも Cookie が設定されませんでした。Flask-WTF・Django・Rails はトークンをセッション（または csrftoken）Cookie と照合するため、Cookie がないとログインの POST が 400 / 403 で拒否されます（「CSRF 検証で 403 になる」事例）。平文 HTTP で SESSION_COOKIE_SECURE が有効、Cookie の Domain が一致しない、プロキシが Set-Cookie を落としている、といった原因が考えられます。',
  },
  fix: {
    en: 'Make the login page set its session / CSRF cookie: check SESSION_COOKIE_DOMAIN / SESSION_COOKIE_SECURE against the real host and scheme, that SECRET_KEY is fixed, and that the proxy passes Set-Cookie through. A stateless CSRF scheme that needs no cookie can waive this rule.',
    ja: 'ログインページでセッション / CSRF 用の Cookie が設定されるようにしてください。SESSION_COOKIE_DOMAIN や SESSION_COOKIE_SECURE が実際のホストとスキームに合っているか、SECRET_KEY が固定されているか、プロキシが Set-Cookie をそのまま通しているかを確認します。Cookie を使わないステートレスな CSRF 方式なら、このルールを免除（waiver）してください。',
  },
  references: { cwe: ['CWE-352'], equivalents: ['seed S0.17'] },
  check(facts, ctx) {
    const t = targetOf(facts);
    if (!t?.loginPath || t.sentCookies.length) return; // logged-in probes get no new cookie
    const last = finalOf(facts.probeResponse, 'login');
    if (!last || last.status === undefined || last.status < 200 || last.status >= 300) return;
    const forms = loginForms(facts.probeForm.filter((f) => f.role === 'login')).filter(hasCsrfToken);
    if (!forms.length) return;
    if (facts.probeCookie.some((c) => c.role === 'login' && !c.expired)) return;
    ctx.report({
      file: last.url,
      message: { en: 'The login form carries a CSRF token but the page sets no cookie: the login POST will fail the CSRF check', ja: 'ログインフォームに CSRF トークンはありますが、ページが Cookie を設定しません: ログインの POST が CSRF 検証で失敗します' },
    });
  },
});
