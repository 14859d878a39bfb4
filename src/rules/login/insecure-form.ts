import { defineRule } from '../define.js';
import { loginForms } from './_util.js';

export default defineRule({
  id: 'login/insecure-form',
  command: 'probe',
  severity: 'high',
  facts: ['probeForm'],
  title: { en: 'Login form sends the password insecurely', ja: 'ログインフォームがパスワードを安全でない方法で送る' },
  description: {
    en: 'The password form posts to an http:// URL (the password crosses the network in clear text) or uses method GET (the password lands in the URL: browser history, proxy and server logs, Referer headers).',
    ja: 'パスワードのフォームが http:// の URL に送信している（パスワードが平文でネットワークを流れる）か、GET メソッドを使っている（パスワードが URL に入り、ブラウザの履歴、プロキシやサーバーのログ、Referer ヘッダーに残る）状態です。',
  },
  fix: {
    en: 'Use `<form method="post" action="/login">` (a relative or https:// action) — never GET for credentials, never an http:// action.',
    ja: '`<form method="post" action="/login">`（相対パスか https:// の action）にしてください。資格情報に GET を使ったり、http:// の action を指定したりしないでください。',
  },
  references: { cwe: ['CWE-319', 'CWE-598'], equivalents: [] },
  check(facts, ctx) {
    for (const f of loginForms(facts.probeForm)) {
      if (f.actionUrl.startsWith('http:')) {
        ctx.report({
          file: f.url,
          message: { en: `The login form posts the password to ${f.actionUrl} over plain HTTP`, ja: `ログインフォームがパスワードを平文の HTTP（${f.actionUrl}）に送信します` },
          evidence: `action="${f.action ?? ''}"`.slice(0, 160),
        });
      }
      if (f.method === 'get') {
        ctx.report({
          file: f.url,
          message: { en: 'The login form uses method GET: the password ends up in the URL and in logs', ja: 'ログインフォームが GET メソッドを使っています: パスワードが URL やログに残ります' },
          evidence: 'method="get"',
        });
      }
    }
  },
});
