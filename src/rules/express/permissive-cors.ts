import type { JsValue } from '../../facts/javascript.js';
import type { Localized, Severity } from '../../contracts/types.js';
import { defineRule } from '../define.js';
import { callsOf, isTrue, prop } from './_util.js';

/** Regexes that match any origin. */
const ANY_REGEX = new Set(['.*', '^.*$', '.+', '^.+$', '^.*', '.*$', '[\\s\\S]*']);

type OriginKind = 'reflect' | 'star' | 'star-fallback' | undefined;

function originKind(v: JsValue | undefined): OriginKind {
  if (!v) return 'star'; // the cors default
  if (v.kind === 'bool' && v.value === 'true') return 'reflect';
  if (v.kind === 'function' && v.fn?.reflectsAny) return 'reflect';
  if (v.kind === 'regex' && ANY_REGEX.has(v.value ?? '')) return 'reflect';
  if (v.kind === 'string' && v.value === '*') return 'star';
  if (v.kind === 'env' && v.env?.fallback?.kind === 'string' && v.env.fallback.value === '*') return 'star-fallback';
  return undefined;
}

export default defineRule({
  id: 'express/permissive-cors',
  severity: 'high',
  environments: ['production', 'staging'],
  facts: ['javascript'],
  title: {
    en: 'CORS allows any origin',
    ja: 'CORS がすべてのオリジンを許可している',
  },
  description: {
    en: 'The cors middleware decides which other sites may read this API\'s responses from a browser. `origin: true`, a regex matching everything, or an origin callback that always answers `cb(null, true)` reflects whatever Origin the request carries; together with `credentials: true` any website a logged-in user visits can call the API with the user\'s cookies and read the answers (high). `origin: "*"` with credentials is rejected by browsers, and teams then "fix" it by reflecting (medium). `cors()` without options, `origin: "*"`, or a fallback to "*" when the origins variable is unset let any site read responses without credentials — acceptable only for a public API (low). Reported for production and staging; a list of origins is never reported.',
    ja: 'cors ミドルウェアは、ブラウザーからどの他サイトがこの API の応答を読めるかを決めます。`origin: true`、すべてに一致する正規表現、常に `cb(null, true)` を返す origin コールバックは、リクエストの Origin をそのまま反映します。`credentials: true` と組み合わせると、ログイン中のユーザーが訪れた任意のサイトが、ユーザーの Cookie 付きで API を呼び出して応答を読めます (high)。credentials 付きの `origin: "*"` はブラウザーに拒否され、その「修正」として反映方式に変えられがちです (medium)。オプションなしの `cors()`、`origin: "*"`、オリジン用の変数が未設定のときの "*" へのフォールバックは、資格情報なしで任意のサイトに応答の読み取りを許します。公開 API 以外では不適切です (low)。production と staging で判定し、オリジンのリストは報告しません。',
  },
  fix: {
    en: 'List the origins that may call the API: `cors({ origin: ["https://app.example.com"], credentials: true })`, or read them from one variable (`origin: process.env.CORS_ORIGINS.split(",")`) that the deployment must set — without a "*" fallback.',
    ja: 'API を呼び出してよいオリジンを列挙してください: `cors({ origin: ["https://app.example.com"], credentials: true })`。または、デプロイで必ず設定する 1 つの変数から読み込みます (`origin: process.env.CORS_ORIGINS.split(",")`)。"*" へのフォールバックは付けません。',
  },
  references: { cwe: ['CWE-942', 'CWE-346'], equivalents: ['Mozilla Observatory cors', 'seed S1.24'] },
  check(facts, ctx) {
    for (const { fact, call } of callsOf(facts.javascript, 'cors')) {
      const opts = call.args[0];
      if (opts && opts.kind !== 'object') continue; // a delegate function or a variable: not judged
      const origin = prop(opts, 'origin');
      const kind = originKind(origin?.value);
      if (!kind) continue;
      const credentials = isTrue(prop(opts, 'credentials')?.value);
      let severity: Severity;
      let message: Localized;
      if (kind === 'reflect') {
        severity = credentials ? 'high' : 'low';
        message = credentials
          ? { en: 'cors reflects any Origin with credentials: true: every website can call this API with the user\'s cookies and read the response', ja: 'cors が credentials: true のまま任意の Origin を反映しています: どのサイトでもユーザーの Cookie 付きでこの API を呼び出し、応答を読めます' }
          : { en: 'cors reflects any Origin: every website can read this API\'s responses', ja: 'cors が任意の Origin を反映しています: どのサイトでもこの API の応答を読めます' };
      } else {
        const fallback = kind === 'star-fallback' ? origin!.value.env!.name : undefined;
        severity = credentials ? 'medium' : 'low';
        const what = fallback ? `falls back to "*" when ${fallback} is unset` : origin ? 'allows origin "*"' : 'has no origin list (cors() defaults to "*")';
        const whatJa = fallback ? `cors は ${fallback} が未設定のとき "*" にフォールバックします` : origin ? 'cors が origin "*" を許可しています' : 'cors にオリジンのリストがありません (cors() の既定は "*")';
        message = credentials
          ? { en: `cors ${what} together with credentials: true: browsers reject it, and the usual workaround reflects every origin`, ja: `${whatJa}。credentials: true との組み合わせはブラウザーに拒否され、よくある回避策はすべてのオリジンの反映です` }
          : { en: `cors ${what}: any website can read this API's responses`, ja: `${whatJa}: どのサイトでもこの API の応答を読めます` };
      }
      const at = origin ?? call;
      ctx.report({ file: fact.file, line: at.line, column: at.column, key: 'origin', severity, message });
    }
  },
});
