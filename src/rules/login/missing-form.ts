import { defineRule } from '../define.js';
import { finalOf, isHtml, targetOf } from '../../facts/probe-queries.js';
import { loginForms } from './_util.js';

export default defineRule({
  id: 'login/missing-form',
  command: 'probe',
  severity: 'info',
  facts: ['probeTarget', 'probeResponse', 'probeForm'],
  title: { en: 'No login form found on the login page', ja: 'ログインページにログインフォームがない' },
  description: {
    en: 'The login page loads but its HTML has no form with a password field — it is probably rendered by JavaScript, so its CSRF protection could not be checked from the HTML.',
    ja: 'ログインページは表示されますが、HTML にパスワード欄のあるフォームがありません。JavaScript で描画されている可能性が高く、HTML からは CSRF 対策を確認できませんでした。',
  },
  fix: {
    en: 'Nothing to fix if the form is rendered client-side; check its CSRF protection (token header, SameSite cookies) by hand, or point --login-path at the server-rendered page.',
    ja: 'フォームをクライアント側で描画しているなら修正は不要です。CSRF 対策（トークンヘッダーや SameSite Cookie）を手動で確認するか、--login-path をサーバー側で描画されるページに向けてください。',
  },
  references: { cwe: [], equivalents: ['seed S0.17'] },
  check(facts, ctx) {
    const t = targetOf(facts);
    if (!t?.loginPath) return;
    const last = finalOf(facts.probeResponse, 'login');
    if (!last || last.status === undefined || last.status < 200 || last.status >= 300 || !isHtml(last)) return;
    if (loginForms(facts.probeForm.filter((f) => f.role === 'login')).length) return;
    ctx.report({ file: last.url, message: { en: 'The login page has no form with a password field in its HTML (rendered by JavaScript?)', ja: 'ログインページの HTML にパスワード欄のあるフォームがありません（JavaScript で描画？）' } });
  },
});
