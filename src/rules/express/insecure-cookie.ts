import type { JsProp, JsValue } from '../../facts/javascript.js';
import { defineRule } from '../define.js';
import { callsOf, isFalse, prop } from './_util.js';

/** Cookies that scripts must read on purpose (double-submit CSRF tokens). */
const SCRIPT_READABLE = /xsrf|csrf/i;

export default defineRule({
  id: 'express/insecure-cookie',
  severity: 'medium',
  environments: ['production', 'staging'],
  facts: ['javascript'],
  title: {
    en: 'Cookie without Secure or HttpOnly',
    ja: 'Secure / HttpOnly のない Cookie',
  },
  description: {
    en: 'A cookie without Secure is also sent over plain HTTP, where anyone on the network path can read it; without HttpOnly any injected script can steal it. Reported: `secure: false` or `httpOnly: false` in express-session\'s `cookie` options, cookie-session options and `res.cookie(name, value, options)`; and an express-session cookie that never sets `secure` — express-session leaves Secure off by default. cookie-session decides Secure from the request protocol, so only an explicit false is reported for it. Script-readable CSRF token cookies (XSRF-TOKEN) may lack HttpOnly. A value computed at run time (`secure: process.env.NODE_ENV === "production"`) is not judged.',
    ja: 'Secure のない Cookie は平文 HTTP でも送られ、通信経路上の誰にでも読まれます。HttpOnly がなければ、注入されたスクリプトに盗まれます。報告対象は、express-session の `cookie` オプション、cookie-session のオプション、`res.cookie(name, value, options)` での `secure: false` / `httpOnly: false`、および `secure` を一度も設定しない express-session の Cookie です (express-session の既定では Secure が付きません)。cookie-session はリクエストのプロトコルから Secure を決めるため、明示的な false のみ報告します。スクリプトから読む CSRF トークンの Cookie (XSRF-TOKEN) は HttpOnly がなくても構いません。実行時に決まる値 (`secure: process.env.NODE_ENV === "production"`) は判定しません。',
  },
  fix: {
    en: 'Set `cookie: { secure: true, httpOnly: true, sameSite: "lax" }` for express-session (and `app.set("trust proxy", 1)` behind a TLS-terminating proxy), and pass `{ secure: true, httpOnly: true, sameSite: "lax" }` to res.cookie.',
    ja: 'express-session には `cookie: { secure: true, httpOnly: true, sameSite: "lax" }` を設定し (TLS を終端するプロキシの後ろでは `app.set("trust proxy", 1)` も)、res.cookie には `{ secure: true, httpOnly: true, sameSite: "lax" }` を渡してください。',
  },
  references: { cwe: ['CWE-614', 'CWE-1004'], equivalents: ['Mozilla Observatory cookies', 'seed S0.10'] },
  check(facts, ctx) {
    const flag = (file: string, owner: string, p: JsProp | undefined, attr: 'Secure' | 'HttpOnly') => {
      if (!p || !isFalse(p.value)) return;
      ctx.report({
        file,
        line: p.line,
        column: p.column,
        key: p.key,
        message:
          attr === 'Secure'
            ? { en: `${owner} sets secure: false: the cookie is also sent over plain HTTP`, ja: `${owner} が secure: false です: Cookie が平文 HTTP でも送信されます` }
            : { en: `${owner} sets httpOnly: false: any script on the page can read the cookie`, ja: `${owner} が httpOnly: false です: ページ上の任意のスクリプトから Cookie を読めます` },
      });
    };
    for (const { fact, call } of callsOf(facts.javascript, 'express-session')) {
      const opts = call.args[0];
      if (!opts || opts.kind !== 'object') continue;
      const cookieProp = prop(opts, 'cookie');
      const cookie: JsValue | undefined = cookieProp?.value;
      flag(fact.file, 'express-session cookie', prop(cookie, 'secure'), 'Secure');
      flag(fact.file, 'express-session cookie', prop(cookie, 'httpOnly'), 'HttpOnly');
      const cookieKnown = !cookieProp || (cookie?.kind === 'object' && !cookie.spread);
      if (cookieKnown && !opts.spread && !prop(cookie, 'secure')) {
        const at = cookieProp ?? call;
        ctx.report({
          file: fact.file,
          line: at.line,
          column: at.column,
          key: 'secure',
          message: {
            en: 'express-session cookie never sets secure: express-session leaves the Secure attribute off by default, so the session id is also sent over plain HTTP',
            ja: 'express-session の cookie に secure の設定がありません: 既定では Secure 属性が付かず、セッション ID が平文 HTTP でも送信されます',
          },
        });
      }
    }
    for (const { fact, call } of callsOf(facts.javascript, 'cookie-session')) {
      flag(fact.file, 'cookie-session', prop(call.args[0], 'secure'), 'Secure');
      flag(fact.file, 'cookie-session', prop(call.args[0], 'httpOnly'), 'HttpOnly');
    }
    for (const f of facts.javascript) {
      for (const call of f.calls) {
        if (call.method !== 'cookie' || call.module || call.args.length < 3) continue;
        const name = call.args[0]?.kind === 'string' ? call.args[0].value! : undefined;
        const owner = name !== undefined ? `res.cookie("${name}")` : 'res.cookie';
        flag(f.file, owner, prop(call.args[2], 'secure'), 'Secure');
        if (!(name && SCRIPT_READABLE.test(name))) flag(f.file, owner, prop(call.args[2], 'httpOnly'), 'HttpOnly');
      }
    }
  },
});
