import { DANGEROUS_SWITCHES, parseBoolean } from '../../lib/values.js';
import { catalogEntry } from '../../lib/env-catalog.js';
import { defineRule } from '../define.js';
import { asCanonical, at, withRole } from './_common.js';

const CRITICAL = new Set(['DISABLE_WTF_CSRF', 'WTF_CSRF_DISABLED', 'DISABLE_CSRF', 'DISABLE_AUTH', 'SKIP_AUTH', 'AUTH_DISABLED', 'ALLOW_DB_RESET', 'ALLOW_DATABASE_RESET']);

export default defineRule({
  id: 'env/dangerous-switch-on',
  severity: 'high',
  command: 'env',
  environments: ['production', 'staging'],
  facts: ['envVar'],
  title: {
    en: 'Development switch on in the resolved environment',
    ja: '開発用スイッチが解決後の環境で有効',
  },
  description: {
    en: 'A switch that exists for development — DISABLE_WTF_CSRF, DISABLE_FORCE_HTTPS, ALLOW_DB_RESET, DISABLE_AUTH, INSECURE_SKIP_VERIFY … — is on. In production it turns off CSRF protection, HTTPS, authentication or certificate checks, or lets anyone reset the database.',
    ja: '開発のためだけにあるスイッチ (DISABLE_WTF_CSRF、DISABLE_FORCE_HTTPS、ALLOW_DB_RESET、DISABLE_AUTH、INSECURE_SKIP_VERIFY など) が有効です。本番では CSRF 保護、HTTPS、認証、証明書検証が無効になったり、誰でもデータベースをリセットできたりします。',
  },
  fix: {
    en: 'Remove the switch from this environment (or set it to 0 / false), and make sure no later source turns it on.',
    ja: 'この環境からスイッチを削除する (または 0 / false にする) とともに、より優先されるソースで有効にされていないか確認してください。',
  },
  references: { cwe: ['CWE-489', 'CWE-352', 'CWE-319'] },
  check(facts, ctx) {
    for (const v of withRole(facts.envVar, 'dangerous-switch')) {
      const b = parseBoolean(v.value);
      if (b === false) continue;
      const canonical = catalogEntry(v.key)!.key;
      const what = DANGEROUS_SWITCHES[canonical] ?? { en: 'is a development switch', ja: '開発用のスイッチです' };
      const c = asCanonical(v.key);
      ctx.report({
        ...at(v),
        severity: CRITICAL.has(canonical) && ctx.environment === 'production' ? 'critical' : undefined,
        message: {
          en: `${v.key} is on ("${v.value.trim()}") in ${ctx.environment}${c.en}: it ${what.en}`,
          ja: `${v.key} が ${ctx.environment} で有効 ("${v.value.trim()}") です${c.ja}: ${what.ja}`,
        },
        fingerprint: `${v.key} switch`,
      });
    }
  },
});
