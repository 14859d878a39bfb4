import { callsOf, fromEnv, isFlaskApp, isFlaskSetting, isTalisman, placeOf, pyRepr, settingsOf, truthyValue, usesFlask, readInFull } from '../../facts/python/query.js';
import { projectOf } from '../../facts/projects.js';
import type { Severity } from '../../contracts/types.js';
import { defineRule } from '../define.js';

interface Flag {
  key: string;
  /** Talisman keyword that sets it (and is on by default). */
  talisman?: string;
  /** Flask's default is unsafe: an absent setting is a finding. */
  unsafeDefault: boolean;
  severity: Severity;
  why: { en: string; ja: string };
}

const FLAGS: Flag[] = [
  { key: 'SESSION_COOKIE_SECURE', talisman: 'session_cookie_secure', unsafeDefault: true, severity: 'medium', why: { en: 'the session cookie is also sent over plain HTTP, where it can be stolen', ja: 'セッション Cookie が平文 HTTP でも送信され、盗まれる可能性があります' } },
  { key: 'SESSION_COOKIE_HTTPONLY', talisman: 'session_cookie_http_only', unsafeDefault: false, severity: 'medium', why: { en: 'scripts on the page (and any XSS) can read the session cookie', ja: 'ページ上のスクリプト (と XSS) からセッション Cookie を読み取れます' } },
  { key: 'SESSION_COOKIE_SAMESITE', talisman: 'session_cookie_samesite', unsafeDefault: true, severity: 'low', why: { en: 'browsers attach the session cookie to cross-site requests, which helps CSRF', ja: 'ブラウザがクロスサイトのリクエストにもセッション Cookie を付け、CSRF を助長します' } },
  { key: 'REMEMBER_COOKIE_SECURE', unsafeDefault: false, severity: 'medium', why: { en: "Flask-Login's remember-me cookie is also sent over plain HTTP", ja: 'Flask-Login の remember-me Cookie が平文 HTTP でも送信されます' } },
  { key: 'REMEMBER_COOKIE_HTTPONLY', unsafeDefault: false, severity: 'medium', why: { en: "scripts can read Flask-Login's remember-me cookie", ja: 'スクリプトから Flask-Login の remember-me Cookie を読み取れます' } },
];

function unsafe(flag: Flag, v: { resolved?: unknown }): boolean {
  const r = v.resolved;
  if (flag.key === 'SESSION_COOKIE_SAMESITE') return r === null || r === false || (typeof r === 'string' && (r === '' || r.toLowerCase() === 'none'));
  return r !== undefined && truthyValue(v as never) === false;
}

/** Extensions that keep state in Flask's session cookie. */
const SESSION_MODULES = /^(flask_login|flask_wtf|flask_session|flask_security|flask_security_too|flask_admin|flask_dance|flask_oauthlib|authlib|flask_principal|flask_user|flask_praetorian|flask_babel)$/;

function usesSession(python: readonly { imports: string[]; importedNames?: string[] }[]): boolean {
  return python.some((f) => f.imports.some((m) => SESSION_MODULES.test(m)) || (f.importedNames ?? []).some((n) => n === 'flask.session' || n === 'flask.flash' || n === 'flask.get_flashed_messages'));
}

export default defineRule({
  id: 'flask/insecure-session-cookie',
  severity: 'medium',
  facts: ['python', 'projects'],
  title: { en: 'Flask session cookie without Secure / HttpOnly / SameSite', ja: 'Flask のセッション Cookie に Secure / HttpOnly / SameSite がない' },
  description: {
    en: "Flask's defaults leave SESSION_COOKIE_SECURE off and SESSION_COOKIE_SAMESITE unset. Without Secure the signed session cookie also travels over plain HTTP (a redirect, a mixed-content request, a hostile Wi-Fi) and can be replayed; without HttpOnly any XSS reads it; without SameSite the browser sends it along with cross-site requests. Development often turns Secure off to work over http://localhost (seed 000) and the setting then ships to production. Deliberately not reported: an absent flag in an app that never uses a session — no `flask.session` or `flash`, no login, CSRF or session extension — which sets no session cookie (an explicit unsafe value is still reported).",
    ja: 'Flask のデフォルトでは SESSION_COOKIE_SECURE が無効、SESSION_COOKIE_SAMESITE が未設定です。Secure がないと署名付きセッション Cookie が平文 HTTP (リダイレクト、混在コンテンツ、悪意ある Wi-Fi) でも送られ、再利用されえます。HttpOnly がないと XSS で読まれ、SameSite がないとクロスサイトのリクエストにも付与されます。開発では http://localhost で動かすために Secure を無効にしがちで (seed 000)、その設定がそのまま本番に出ます。意図的に報告しないもの: セッションを使わないアプリ (`flask.session` や `flash`、ログイン・CSRF・セッションの拡張機能を使わない) はセッション Cookie を発行しないため、そこで設定がないこと (明示的に危険な値を設定した場合は報告します)。',
  },
  fix: {
    en: "In the production configuration: `SESSION_COOKIE_SECURE = True`, `SESSION_COOKIE_HTTPONLY = True`, `SESSION_COOKIE_SAMESITE = 'Lax'` (and the same for REMEMBER_COOKIE_* with Flask-Login). Keep `SESSION_COOKIE_SECURE = False` only in DevelopmentConfig.",
    ja: '本番設定で `SESSION_COOKIE_SECURE = True`、`SESSION_COOKIE_HTTPONLY = True`、`SESSION_COOKIE_SAMESITE = \'Lax\'` を設定します (Flask-Login を使うなら REMEMBER_COOKIE_* も同様)。`SESSION_COOKIE_SECURE = False` は DevelopmentConfig の中だけに置きます。',
  },
  references: { cwe: ['CWE-614', 'CWE-1004', 'CWE-1275'] },
  check(facts, ctx) {
    if (!usesFlask(facts.python)) return;
    const apps = callsOf(facts.python, ctx, isFlaskApp);
    if (!apps.length) return; // no Flask application is created in the judged code
    // An app that never uses a session (no flask.session, no login / CSRF / session extension) sets no
    // session cookie: an absent flag is then no finding (an explicit unsafe value still is).
    const session = usesSession(facts.python);
    const talismans = callsOf(facts.python, ctx, isTalisman);
    for (const flag of FLAGS) {
      const settings = settingsOf(facts.python, ctx, new Set([flag.key]), isFlaskSetting);
      for (const { fact, a } of settings) {
        if (!unsafe(flag, a.value)) continue;
        const env = fromEnv(a.value);
        const shown = a.value.resolved === undefined ? '' : pyRepr(a.value.resolved as never);
        ctx.report({
          file: fact.file,
          line: a.line,
          column: a.column,
          severity: flag.severity,
          message: {
            en: `${a.key} is ${shown}${env ? ` when ${a.value.envNames!.join(', ')} is not set` : ''}${placeOf(a).en}: ${flag.why.en}`,
            ja: `${a.key} が ${shown} です${env ? ` (${a.value.envNames!.join(', ')} が未設定のとき)` : ''}${placeOf(a).ja}。${flag.why.ja}`,
          },
        });
      }
      if (settings.length || !flag.unsafeDefault || !session) continue;
      // Flask-Talisman sets these cookie flags itself unless told not to.
      if (flag.talisman && talismans.some(({ call }) => { const v = call.kwargs[flag.talisman!]; return !v || !unsafe(flag, v); })) continue;
      const { fact, call } = apps[0]!;
      // A Python file of this app's project did not parse: the flag may be set in it.
      const project = projectOf(facts.projects, fact.file);
      if (!readInFull(facts.python.filter((f) => projectOf(facts.projects, f.file) === project))) continue;
      ctx.report({
        file: fact.file,
        line: call.line,
        column: call.column,
        severity: flag.severity,
        message: {
          en: `${flag.key} is not set for this Flask app (Flask's default is ${flag.key === 'SESSION_COOKIE_SECURE' ? 'False' : 'None'}): ${flag.why.en}`,
          ja: `この Flask アプリで ${flag.key} が設定されていません (Flask のデフォルトは ${flag.key === 'SESSION_COOKIE_SECURE' ? 'False' : 'None'})。${flag.why.ja}`,
        },
      });
    }
  },
});
