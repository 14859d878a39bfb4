import { parseBoolean } from '../../lib/values.js';
import { catalogEntry } from '../../lib/env-catalog.js';
import { defineRule } from '../define.js';
import { asCanonical, at, withRole } from './_common.js';

const WHAT: Record<string, { en: string; ja: string }> = {
  FORCE_HTTPS: { en: 'the app also serves plain HTTP', ja: 'アプリが平文 HTTP でも応答します' },
  SECURE_SSL_REDIRECT: { en: 'HTTP requests are not redirected to HTTPS', ja: 'HTTP のリクエストが HTTPS にリダイレクトされません' },
  SESSION_COOKIE_SECURE: { en: 'the session cookie is also sent over plain HTTP', ja: 'セッション Cookie が平文 HTTP でも送られます' },
  CSRF_COOKIE_SECURE: { en: 'the CSRF cookie is also sent over plain HTTP', ja: 'CSRF Cookie が平文 HTTP でも送られます' },
  SESSION_COOKIE_HTTPONLY: { en: 'scripts can read the session cookie', ja: 'スクリプトからセッション Cookie を読めます' },
  WTF_CSRF_ENABLED: { en: 'forms are not protected against CSRF', ja: 'フォームが CSRF から保護されません' },
  CSRF_ENABLED: { en: 'forms are not protected against CSRF', ja: 'フォームが CSRF から保護されません' },
  RATE_LIMIT_ENABLED: { en: 'login and API endpoints are not rate limited', ja: 'ログインや API にレート制限がかかりません' },
  RATELIMIT_ENABLED: { en: 'login and API endpoints are not rate limited', ja: 'ログインや API にレート制限がかかりません' },
};

export default defineRule({
  id: 'env/security-switch-off',
  severity: 'high',
  command: 'env',
  // WTF_CSRF_ENABLED=false and the like are also env/dangerous-switch (which `scan` runs too): one finding.
  duplicates: ['env/dangerous-switch'],
  environments: ['production', 'staging'],
  facts: ['envVar'],
  title: {
    en: 'Security protection switched off',
    ja: 'セキュリティ保護が無効にされている',
  },
  description: {
    en: 'A switch that turns a protection on — FORCE_HTTPS, SESSION_COOKIE_SECURE, WTF_CSRF_ENABLED, SECURE_SSL_REDIRECT, RATE_LIMIT_ENABLED … — is explicitly false. Development turns them off to work over plain HTTP on localhost; production needs them on.',
    ja: '保護を有効にするスイッチ (FORCE_HTTPS、SESSION_COOKIE_SECURE、WTF_CSRF_ENABLED、SECURE_SSL_REDIRECT、RATE_LIMIT_ENABLED など) が明示的に false になっています。開発では localhost の平文 HTTP で動かすために無効にしますが、本番では有効である必要があります。',
  },
  fix: {
    en: 'Set it to true in this environment (HTTPS is terminated by nginx? then also trust its X-Forwarded-Proto, e.g. TRUST_PROXY_HEADERS / ProxyFix).',
    ja: 'この環境で true にしてください (HTTPS を nginx で終端している場合は、X-Forwarded-Proto を信頼する設定 (TRUST_PROXY_HEADERS や ProxyFix) も有効にしてください)。',
  },
  references: { cwe: ['CWE-319', 'CWE-614', 'CWE-352', 'CWE-307'], equivalents: ['Django security.W008', 'Django security.W012'] },
  check(facts, ctx) {
    for (const v of withRole(facts.envVar, 'security-switch')) {
      if (parseBoolean(v.value) !== false) continue;
      const canonical = catalogEntry(v.key)!.key;
      const what = WHAT[canonical] ?? { en: 'a protection is off', ja: '保護が無効です' };
      const c = asCanonical(v.key);
      ctx.report({
        ...at(v),
        severity: /RATE_?LIMIT/.test(canonical) ? 'medium' : undefined,
        message: {
          en: `${v.key} is off ("${v.value.trim()}") in ${ctx.environment}${c.en}: ${what.en}`,
          ja: `${v.key} が ${ctx.environment} で無効 ("${v.value.trim()}") です${c.ja}: ${what.ja}`,
        },
        fix: { en: `Set ${v.key}=true for ${ctx.environment}.`, ja: `${ctx.environment} では ${v.key}=true にしてください。` },
        fingerprint: `${v.key} off`,
      });
    }
  },
});
