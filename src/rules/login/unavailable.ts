import { defineRule } from '../define.js';
import { finalOf, targetOf } from '../../facts/probe-queries.js';

export default defineRule({
  id: 'login/unavailable',
  command: 'probe',
  severity: 'medium',
  facts: ['probeTarget', 'probeResponse'],
  title: { en: 'Login page does not load', ja: 'ログインページが表示されない' },
  description: {
    en: 'The page given with --login-path does not answer 2xx (after following its same-site redirects): users cannot sign in. The seed checks that /login answers, sets a cookie and carries a CSRF token.',
    ja: '--login-path で指定したページが（同一サイト内のリダイレクトをたどった後）2xx を返しません。利用者がログインできません。ログインページが応答し、Cookie を設定し、CSRF トークンを含むことを確認する項目です。',
  },
  fix: {
    en: 'Check the route and the application logs for that path; make sure the proxy forwards it (location blocks) and that it does not redirect in a loop.',
    ja: 'そのパスのルーティングとアプリケーションのログを確認し、プロキシが転送しているか（location ブロック）、リダイレクトがループしていないかを確認してください。',
  },
  references: { cwe: [], equivalents: ['seed S0.17', 'seed S1.16'] },
  check(facts, ctx) {
    const t = targetOf(facts);
    if (!t?.loginPath) return;
    const last = finalOf(facts.probeResponse, 'login');
    if (!last) return;
    if (last.errorCode) {
      ctx.report({ file: last.url, message: { en: `The login page does not answer (${last.errorCode})`, ja: `ログインページが応答しません（${last.errorCode}）` }, evidence: last.errorCode });
    } else if (last.status !== undefined && (last.status < 200 || last.status >= 300)) {
      const redirect = last.status >= 300 && last.status < 400;
      ctx.report({
        file: last.url,
        message: redirect
          ? { en: `The login page keeps redirecting (${last.status}) after 5 hops or to another site`, ja: `ログインページのリダイレクト（${last.status}）が 5 回を超えるか、別サイトへ向かいます` }
          : { en: `The login page answers ${last.status}`, ja: `ログインページが ${last.status} を返します` },
        evidence: `HTTP ${last.status}`,
      });
    }
  },
});
