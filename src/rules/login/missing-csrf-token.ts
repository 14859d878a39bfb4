import { defineRule } from '../define.js';
import { hasCsrfToken, loginForms } from './_util.js';

export default defineRule({
  id: 'login/missing-csrf-token',
  command: 'probe',
  severity: 'high',
  facts: ['probeForm'],
  title: { en: 'Login form without a CSRF token', ja: 'CSRF トークンのないログインフォーム' },
  description: {
    en: 'The login form has no hidden CSRF token (csrf_token, csrfmiddlewaretoken, authenticity_token, _token …) and the page no csrf meta tag. CSRF protection is switched off — often the development shortcut DISABLE_WTF_CSRF / WTF_CSRF_ENABLED = False that reached production — so other sites can submit forms as the user (login CSRF, and every other form).',
    ja: 'ログインフォームに CSRF トークンの hidden 項目（csrf_token、csrfmiddlewaretoken、authenticity_token、_token など）がなく、ページに csrf 用の meta タグもありません。CSRF 対策が無効になっており（開発時の DISABLE_WTF_CSRF や WTF_CSRF_ENABLED = False が本番に残っていることが多い）、他のサイトが利用者になりすましてフォームを送信できます（ログイン CSRF、その他すべてのフォーム）。',
  },
  fix: {
    en: 'Turn CSRF protection on: Flask-WTF CSRFProtect(app) with WTF_CSRF_ENABLED = True and {{ form.csrf_token }} / {{ csrf_token() }} in the form; Django {% csrf_token %}; Rails protect_from_forgery with form helpers; Express csrf-sync / csrf-csrf.',
    ja: 'CSRF 対策を有効にしてください。Flask-WTF なら CSRFProtect(app) と WTF_CSRF_ENABLED = True、フォームに {{ form.csrf_token }} か {{ csrf_token() }}、Django なら {% csrf_token %}、Rails なら protect_from_forgery とフォームヘルパー、Express なら csrf-sync / csrf-csrf です。',
  },
  references: { cwe: ['CWE-352'], equivalents: ['seed S0.9', 'seed S0.17'] },
  check(facts, ctx) {
    for (const f of loginForms(facts.probeForm)) {
      if (hasCsrfToken(f)) continue;
      ctx.report({
        file: f.url,
        message: { en: `The login form (form #${f.index + 1}, ${f.method.toUpperCase()} ${f.action ?? '(same URL)'}) carries no CSRF token`, ja: `ログインフォーム（${f.index + 1} 番目のフォーム、${f.method.toUpperCase()} ${f.action ?? '（同じ URL）'}）に CSRF トークンがありません` },
        evidence: `hidden inputs: ${f.inputs.filter((i) => i.type === 'hidden').map((i) => i.name ?? '?').join(', ') || '(none)'}`.slice(0, 160),
      });
    }
  },
});
