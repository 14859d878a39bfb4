import type { JsValue } from '../../facts/javascript.js';
import { weakReasonText, weakSecretReason } from '../../lib/secrets.js';
import { defineRule } from '../define.js';
import { callsOf, literalStrings, prop } from './_util.js';

interface Hit {
  value: JsValue;
  /** The variable whose fallback this literal is. */
  fallbackOf?: string;
}

/** Literal secrets in a value: a string, an array of strings, or the literal fallback of an env read. */
function literalSecrets(v: JsValue | undefined): Hit[] {
  if (!v) return [];
  if (v.kind === 'env' && v.env?.fallback) return literalStrings(v.env.fallback).map((value) => ({ value, fallbackOf: v.env!.name }));
  if (v.kind === 'array') return (v.items ?? []).flatMap((i) => literalSecrets(i));
  return literalStrings(v).map((value) => ({ value }));
}

export default defineRule({
  id: 'express/hardcoded-session-secret',
  severity: 'high',
  environments: ['production', 'staging'],
  facts: ['javascript'],
  title: {
    en: 'Session or cookie secret hard-coded in code',
    ja: 'セッション / Cookie の秘密値がコードにハードコードされている',
  },
  description: {
    en: 'express-session signs the session id cookie with `secret`, cookie-session signs the whole session with `keys` / `secret`, cookie-parser signs cookies with its first argument. A literal there (including the example value from the README) is known to everyone with the repository: they can forge signed cookies and hijack or fabricate sessions. A literal fallback (`process.env.SESSION_SECRET || "…"`) counts too: when the variable is missing in production the app silently signs with the public value instead of failing.',
    ja: 'express-session はセッション ID の Cookie を `secret` で、cookie-session はセッション全体を `keys` / `secret` で、cookie-parser は第 1 引数で Cookie に署名します。ここにリテラル (README の例の値も含む) があると、リポジトリを読める人なら誰でもその値を知り、署名付き Cookie を偽造してセッションを乗っ取ったり捏造したりできます。リテラルのフォールバック (`process.env.SESSION_SECRET || "…"`) も対象です。本番で変数が欠けていても起動は失敗せず、公開された値で黙って署名し続けます。',
  },
  fix: {
    en: 'Read the secret from the environment without a fallback and fail at start-up when it is missing: `const secret = process.env.SESSION_SECRET; if (!secret) throw new Error("SESSION_SECRET is required");`. Generate it with `openssl rand -hex 32`, keep it in the deployment\'s secret store, and rotate the literal that was committed.',
    ja: '秘密値はフォールバックなしで環境変数から読み、ない場合は起動時に失敗させてください: `const secret = process.env.SESSION_SECRET; if (!secret) throw new Error("SESSION_SECRET is required");`。値は `openssl rand -hex 32` で生成してデプロイ先のシークレットストアに保管し、コミット済みのリテラルはローテーションします。',
  },
  references: { cwe: ['CWE-798', 'CWE-321'], equivalents: ['seed S0.1'] },
  check(facts, ctx) {
    const report = (file: string, owner: string, h: Hit) => {
      const v = h.value.value ?? '';
      const reason = weakSecretReason(v);
      const why = reason === 'well-known' || reason === 'placeholder' ? weakReasonText(reason, v.length) : undefined;
      ctx.report({
        file,
        line: h.value.line,
        column: h.value.column,
        key: owner,
        message: h.fallbackOf
          ? {
              en: `${owner} falls back to a hard-coded literal (${v.length} characters) when ${h.fallbackOf} is unset${why ? `; the literal ${why.en}` : ''}`,
              ja: `${h.fallbackOf} が未設定のとき、${owner} はハードコードされたリテラル (${v.length} 文字) になります${why ? `。このリテラル${why.ja}` : ''}`,
            }
          : {
              en: `${owner} is a hard-coded literal (${v.length} characters)${why ? ` that ${why.en}` : ''}: anyone with the repository can forge signed cookies`,
              ja: `${owner} がハードコードされたリテラルです (${v.length} 文字)${why ? `。この値${why.ja}` : ''}: リポジトリを読める人なら誰でも署名付き Cookie を偽造できます`,
            },
        secrets: [v],
      });
    };
    for (const { fact, call } of callsOf(facts.javascript, 'express-session')) {
      for (const h of literalSecrets(prop(call.args[0], 'secret')?.value)) report(fact.file, 'express-session secret', h);
    }
    for (const { fact, call } of callsOf(facts.javascript, 'cookie-session')) {
      for (const k of ['secret', 'keys']) for (const h of literalSecrets(prop(call.args[0], k)?.value)) report(fact.file, `cookie-session ${k}`, h);
    }
    for (const { fact, call } of callsOf(facts.javascript, 'cookie-parser')) {
      for (const h of literalSecrets(call.args[0])) report(fact.file, 'cookie-parser secret', h);
    }
  },
});
