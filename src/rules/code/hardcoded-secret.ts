import { FLASK_SECRET_KEYS, usesFlask } from '../../facts/python/query.js';
import type { PythonFact } from '../../facts/python/types.js';
import { isTestOrExampleCode, type LiteralAssignment } from '../../facts/common.js';
import { isPlaceholder, isSecretName, notASecretValue, weakSecretReason } from '../../lib/secrets.js';
import type { EnvName } from '../../contracts/types.js';
import { defineRule } from '../define.js';

interface CodeFact {
  file: string;
  environment: EnvName;
  literalAssignments?: (LiteralAssignment & { environment?: EnvName; how?: string; setting?: string })[];
}


/** `scheme://user:password@host` */
const URL_WITH_PASSWORD = /\b([a-z][a-z0-9+.-]*):\/\/([^:/@\s'"]*):([^@/\s'"]+)@([^/:?#\s'"]+)/i;
const LOCAL_HOST = /^(localhost|127\.0\.0\.1|0\.0\.0\.0|\[?::1\]?|db|database|postgres|postgresql|mysql|mariadb|redis|mongo|mongodb|rabbitmq|host\.docker\.internal)$/i;

function templated(v: string): boolean {
  return /\$\{|\{\{|%\(|%s|\{[a-z_0-9]*\}|<%|#\{/i.test(v);
}

/** Python settings that flask/django rules report with more context. */
function ownedByFramework(fact: PythonFact, la: LiteralAssignment & { setting?: string }, flask: boolean): boolean {
  const key = (la.setting ?? la.key).toUpperCase();
  if (fact.django && (key === 'SECRET_KEY' || key === 'DATABASES' || /^DATABASES\b/.test(la.name))) return true;
  if (flask && (FLASK_SECRET_KEYS.has(key) || key === 'SECRET_KEY')) return true;
  return false;
}

export default defineRule({
  id: 'code/hardcoded-secret',
  severity: 'high',
  facts: ['credentials', 'python', 'ruby', 'javascript'],
  title: { en: 'Secret hard-coded in source code', ja: 'ソースコードにシークレットがハードコード' },
  description: {
    en: "A password, token or API key written in code (`API_KEY = '…'`, `password='…'` in a call, a fallback in `os.environ.get('TOKEN', '…')`, a connection URL with `user:password@`) is in every clone, fork, CI log and container image, and cannot be rotated without a deploy. Whoever sees the code can use it. A placeholder as the fallback of an environment read (`os.environ.get('ADMIN_PASSWORD', 'changeme')`) is reported: it is what runs when the variable is missing. Deliberately not reported: test files, fixtures, examples and docs; other placeholders; values that are not secrets whatever the name — Fetch API modes (`credentials: 'same-origin'`), alphabets of key generators (`SECRET_KEY_CHARSET`), display masks (`'***CHANGED***'`), one of the key's own words (`REQUEST_TOKEN = 'request'`), UI labels written in Japanese, Chinese or Korean (`secretSame: '秘密値、同じ値'`), password hashes and version ranges.",
    ja: 'コードに書かれたパスワード・トークン・API キー (`API_KEY = \'…\'`、呼び出しの `password=\'…\'`、`os.environ.get(\'TOKEN\', \'…\')` のフォールバック、`user:password@` を含む接続 URL) は、すべてのクローン、フォーク、CI ログ、コンテナイメージに含まれ、デプロイなしにはローテーションできません。コードを見られる人は誰でも使えます。環境変数読み取りのフォールバックに置かれたプレースホルダー (`os.environ.get(\'ADMIN_PASSWORD\', \'changeme\')`) は、変数がないときに実際に使われるため報告します。意図的に報告しないもの: テストファイル、フィクスチャ、サンプルやドキュメント、それ以外のプレースホルダー、名前に関係なく秘密値ではない値 — Fetch API のモード (`credentials: \'same-origin\'`)、鍵生成器の文字集合 (`SECRET_KEY_CHARSET`)、表示用のマスク (`\'***CHANGED***\'`)、キー自身の単語 (`REQUEST_TOKEN = \'request\'`)、日本語・中国語・韓国語で書かれた UI のラベル (`secretSame: \'秘密値、同じ値\'`)、パスワードのハッシュ、バージョン範囲。',
  },
  fix: {
    en: "Read the value from the environment or a secret manager without a literal fallback (`os.environ['API_KEY']`, `ENV.fetch('API_KEY')`, `process.env.API_KEY` checked at start), revoke and rotate the committed value, and remove it from history if the repository is shared.",
    ja: "値はリテラルのフォールバックなしで環境変数やシークレットマネージャから読みます (`os.environ['API_KEY']`、`ENV.fetch('API_KEY')`、起動時に検証する `process.env.API_KEY`)。コミットされた値は失効・ローテーションし、共有リポジトリなら履歴からも削除します。",
  },
  references: { cwe: ['CWE-798', 'CWE-259', 'CWE-321'], equivalents: ['bandit B105', 'bandit B106', 'bandit B107'] },
  check(facts, ctx) {
    const credentials = new Map(facts.credentials.map((c) => [c.file, c.hits]));
    const flask = usesFlask(facts.python);
    const code: { name: 'python' | 'ruby' | 'javascript'; facts: readonly CodeFact[] }[] = [
      { name: 'python', facts: facts.python },
      { name: 'ruby', facts: facts.ruby },
      { name: 'javascript', facts: facts.javascript },
    ];
    for (const { name, facts: list } of code) {
      for (const fact of list) {
        if (isTestOrExampleCode(fact.file)) continue;
        const seen = new Set<string>();
        // Known credential formats (cloud keys, API tokens, database URLs) are secret/known-credential's (secretlint): not twice.
        const known = credentials.get(fact.file) ?? [];
        const knownAt = (la: LiteralAssignment) => known.some((h) => h.line === la.line && h.column >= la.column && h.column <= la.column + la.value.length + 8);
        for (const la of fact.literalAssignments ?? []) {
          if (!ctx.judges(la.environment ?? fact.environment)) continue;
          const id = `${la.line}:${la.column}`;
          if (seen.has(id)) continue;
          const value = la.value;
          if (knownAt(la)) continue;
          const fallback = la.how === 'env-default';
          const url = URL_WITH_PASSWORD.exec(value);
          if (url) {
            const password = url[3]!;
            const host = url[4]!;
            if (isPlaceholder(password) || templated(password) || /^\*+$/.test(password)) continue;
            if (LOCAL_HOST.test(host) && weakSecretReason(password) !== undefined) continue; // a local development database
            seen.add(id);
            ctx.report({
              file: fact.file,
              line: la.line,
              column: la.column,
              secrets: [value, password],
              message: {
                en: `${la.name} ${fallback ? 'falls back to' : 'is'} a URL with an inline password (${url[1]}://…@${host}, password ${password.length} characters)`,
                ja: `${la.name}${fallback ? ' のフォールバック' : ''}がパスワードを埋め込んだ URL です (${url[1]}://…@${host}、パスワード ${password.length} 文字)`,
              },
            });
            continue;
          }
          if (!isSecretName(la.key)) continue;
          if (name === 'python' && ownedByFramework(fact as unknown as PythonFact, la, flask)) continue;
          const v = value.trim();
          if (templated(v) || /\s/.test(v)) continue;
          // A placeholder as the fallback of an env read is what runs when the variable is missing.
          const placeholder = isPlaceholder(v);
          if (placeholder && !(fallback && v.length >= 4 && !/^[<{$]/.test(v))) continue;
          if (!placeholder && v.length < 6) continue;
          if (v.toLowerCase() === la.key.toLowerCase() || /^[A-Z][A-Z0-9_]{2,}$/.test(v)) continue; // a variable name, not a value
          if (/^(https?:\/\/|\/|\.\/|~\/)/.test(v)) continue; // a URL or path without credentials
          if (notASecretValue(la.key, v, { code: true })) continue; // credentials: 'same-origin', an alphabet, ***CHANGED***, REQUEST_TOKEN = 'request'
          const reason = placeholder ? 'placeholder' : weakSecretReason(v, { minLength: 16 });
          const weak = reason === 'well-known' || reason === 'short' || reason === 'low-entropy' || reason === 'single-class' || reason === 'placeholder';
          seen.add(id);
          ctx.report({
            file: fact.file,
            line: la.line,
            column: la.column,
            severity: weak ? 'medium' : undefined,
            secrets: [value],
            message: fallback
              ? { en: `${la.key} falls back to a hard-coded ${weak ? 'weak ' : ''}value when the variable is not set (${v.length} characters)`, ja: `${la.key} は変数が未設定のときハードコードされた${weak ? '弱い' : ''}値 (${v.length} 文字) にフォールバックします` }
              : { en: `${la.name} is assigned a hard-coded ${weak ? 'weak ' : ''}secret (${v.length} characters)`, ja: `${la.name} にハードコードされた${weak ? '弱い' : ''}シークレット (${v.length} 文字) が代入されています` },
          });
        }
      }
    }
  },
});
