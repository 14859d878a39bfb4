import { weakReasonText, weakSecretReason, type WeakReason } from '../../lib/secrets.js';
import { urlPassword } from '../../lib/url.js';
import { urlScheme } from '../../lib/env-spec.js';
import { defineRule } from '../define.js';
import { at } from './_common.js';

/** Reasons that make sense for a URL-shaped secret (a DSN, a webhook): length and entropy do not. */
const URL_REASONS: ReadonlySet<WeakReason> = new Set(['empty', 'placeholder', 'well-known']);

function isPasswordKey(key: string): boolean {
  return /(passw(or)?d|passwd|pwd|pass$|phrase)/i.test(key);
}

export default defineRule({
  id: 'env/weak-secret-value',
  severity: 'high',
  command: 'env',
  environments: ['production', 'staging'],
  facts: ['envVar'],
  title: {
    en: 'Weak secret in the resolved environment',
    ja: '解決後の環境変数の秘密値が弱い',
  },
  description: {
    en: 'A secret the environment actually resolves to (after env files, Docker secrets and the process environment) is empty, a placeholder, a well-known default (change-me, secret, secure_password, django-insecure-…), too short (32 characters for keys, 16 for passwords) or has little randomness. Sessions signed with a guessable key can be forged; a default password is the first one tried. Database URLs are checked for a weak embedded password too.',
    ja: 'env ファイル、Docker secrets、プロセス環境変数を重ねた結果として実際に使われる秘密値が、空、プレースホルダー、既知の既定値 (change-me、secret、secure_password、django-insecure-… など)、短すぎる (鍵は 32 文字、パスワードは 16 文字未満)、またはランダム性が低い状態です。推測できる鍵で署名されたセッションは偽造でき、既定のパスワードは真っ先に試されます。データベース URL に埋め込まれたパスワードも検査します。',
  },
  fix: {
    en: 'Generate a long random value for this environment (`python -c "import secrets; print(secrets.token_urlsafe(48))"` or `openssl rand -hex 32`), store it in the secrets store, and rotate anything the weak value protected.',
    ja: 'この環境用に長いランダム値を生成し (`python -c "import secrets; print(secrets.token_urlsafe(48))"` または `openssl rand -hex 32`)、シークレットストアに保存してください。弱い値で守られていたもの (セッション、トークン) はローテーションしてください。',
  },
  references: { cwe: ['CWE-521', 'CWE-798', 'CWE-1391'], equivalents: ['Django security.W009'] },
  check(facts, ctx) {
    const opt = ctx.options as { minLength?: number; passwordMinLength?: number };
    for (const v of facts.envVar) {
      if (v.unresolved.length) continue;
      if (v.secret) {
        const spec = v.spec;
        if (v.value.trim() === '' && (spec?.required || spec?.recommended)) continue; // env/missing-required / -recommended
        const password = isPasswordKey(v.key);
        const min = spec?.minLength ?? (password ? (opt.passwordMinLength ?? 16) : (opt.minLength ?? 32));
        let reason = weakSecretReason(v.value, { minLength: min });
        if (reason && urlScheme(v.value) && v.value.includes('://') && !URL_REASONS.has(reason)) reason = undefined;
        if (reason === 'short' && spec?.minLength !== undefined) reason = undefined; // env/invalid-value reports it
        if (!reason) continue;
        const t = weakReasonText(reason, [...v.value.trim()].length, min);
        ctx.report({
          ...at(v),
          message: { en: `${v.key} ${t.en}`, ja: `${v.key} ${t.ja}` },
          secrets: [v.value],
          fingerprint: `${v.key} weak ${reason}`,
        });
        continue;
      }
      // A non-secret URL with an embedded password (DATABASE_URL=postgresql://user:secure_password@…).
      const pw = urlPassword(v.value);
      if (!pw) continue;
      const reason = weakSecretReason(decodeSafe(pw), { minLength: opt.passwordMinLength ?? 12 });
      if (!reason) continue;
      const t = weakReasonText(reason, [...pw].length, opt.passwordMinLength ?? 12);
      ctx.report({
        ...at(v),
        message: { en: `The password inside ${v.key} ${t.en}`, ja: `${v.key} に含まれるパスワード${t.ja}` },
        secrets: [pw, decodeSafe(pw)],
        fingerprint: `${v.key} url-password ${reason}`,
      });
    }
  },
});

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
