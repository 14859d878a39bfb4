import { DANGEROUS_SWITCHES, parseBoolean } from '../../lib/values.js';
import { catalogEntry } from '../../lib/env-catalog.js';
import { schemaControlsValue } from '../../lib/env-spec.js';
import type { Localized, Severity } from '../../contracts/types.js';
import { defineRule } from '../define.js';
import { asCanonical, at, isSet } from './_common.js';
import { envLabel } from './_util.js';

/** Protections that must stay on: switching them off is as dangerous as a DISABLE_* switch on. */
const MUST_STAY_ON: Record<string, Localized & { severity?: Severity }> = {
  WTF_CSRF_ENABLED: { en: 'turns off CSRF protection', ja: 'CSRF 保護を無効にします' },
  CSRF_ENABLED: { en: 'turns off CSRF protection', ja: 'CSRF 保護を無効にします' },
  CSRF_PROTECTION: { en: 'turns off CSRF protection', ja: 'CSRF 保護を無効にします' },
  FORCE_HTTPS: { en: 'lets the app serve plain HTTP', ja: 'HTTPS の強制を無効にし、平文 HTTP を許します' },
  FORCE_SSL: { en: 'lets the app serve plain HTTP', ja: 'HTTPS の強制を無効にし、平文 HTTP を許します' },
  SECURE_SSL_REDIRECT: { en: 'lets the app serve plain HTTP', ja: 'HTTPS へのリダイレクトを無効にし、平文 HTTP を許します' },
  SESSION_COOKIE_SECURE: { en: 'sends the session cookie over plain HTTP', ja: 'セッション Cookie を平文 HTTP でも送信します' },
  CSRF_COOKIE_SECURE: { en: 'sends the CSRF cookie over plain HTTP', ja: 'CSRF Cookie を平文 HTTP でも送信します' },
  SESSION_COOKIE_HTTPONLY: { en: 'lets scripts read the session cookie', ja: 'スクリプトからセッション Cookie を読めるようにします' },
  RATE_LIMIT_ENABLED: { en: 'turns off rate limiting', ja: 'レート制限を無効にします', severity: 'medium' },
  RATELIMIT_ENABLED: { en: 'turns off rate limiting', ja: 'レート制限を無効にします', severity: 'medium' },
  AUTH_ENABLED: { en: 'turns off authentication', ja: '認証を無効にします', severity: 'critical' },
  SSL_VERIFY: { en: 'turns off TLS certificate verification', ja: 'TLS 証明書の検証を無効にします' },
  VERIFY_SSL: { en: 'turns off TLS certificate verification', ja: 'TLS 証明書の検証を無効にします' },
  TLS_VERIFY: { en: 'turns off TLS certificate verification', ja: 'TLS 証明書の検証を無効にします' },
};

/** Switches whose effect is worse than the default severity. */
const CRITICAL = new Set(['DISABLE_AUTH', 'SKIP_AUTH', 'AUTH_DISABLED', 'ALLOW_DB_RESET', 'ALLOW_DATABASE_RESET']);
const MEDIUM = new Set(['DISABLE_RATE_LIMIT', 'RATELIMIT_ENABLED_FALSE']);

interface Hit {
  effect: Localized;
  severity?: Severity;
  wanted: string;
}

function judge(key: string, value: string): Hit | undefined {
  const k = key.toUpperCase();
  const v = value.trim();
  // DISABLE_WTF_CSRF=1, ALLOW_DB_RESET=true …
  const on = DANGEROUS_SWITCHES[k];
  if (on && v !== '' && parseBoolean(v) !== false) {
    return { effect: on, severity: CRITICAL.has(k) ? 'critical' : MEDIUM.has(k) ? 'medium' : undefined, wanted: `${key}=0` };
  }
  // Entries written as KEY_VALUE in the shared table: NODE_TLS_REJECT_UNAUTHORIZED=0, RATELIMIT_ENABLED=false.
  const b = parseBoolean(v);
  const spelled = b === undefined ? v.toUpperCase() : b ? 'TRUE' : 'FALSE';
  const combined = DANGEROUS_SWITCHES[`${k}_${spelled}`] ?? (b === false ? DANGEROUS_SWITCHES[`${k}_0`] : undefined);
  if (combined) {
    return { effect: combined, severity: MEDIUM.has(`${k}_FALSE`) ? 'medium' : undefined, wanted: k === 'NODE_TLS_REJECT_UNAUTHORIZED' ? `${key}=1 (or remove it)` : `${key}=true` };
  }
  const off = MUST_STAY_ON[k];
  if (off && b === false && v !== '') return { effect: off, severity: off.severity, wanted: `${key}=True` };
  return undefined;
}

/** In production these are critical too: CSRF protection or authentication off for everyone. */
const PRODUCTION_CRITICAL = new Set(['DISABLE_WTF_CSRF', 'WTF_CSRF_DISABLED', 'DISABLE_CSRF']);

export default defineRule({
  id: 'env/dangerous-switch',
  severity: 'high',
  environments: ['production', 'staging'],
  command: ['scan', 'env'],
  facts: ['envVar'],
  title: {
    en: 'Dangerous switch on in an env file',
    ja: 'env ファイルで危険なスイッチが有効',
  },
  description: {
    en: 'An env file the target environment loads switches off a protection or switches on a development shortcut: DISABLE_WTF_CSRF, DISABLE_FORCE_HTTPS, ALLOW_DB_RESET, DISABLE_AUTH, NODE_TLS_REJECT_UNAUTHORIZED=0, or WTF_CSRF_ENABLED / FORCE_HTTPS / SESSION_COOKIE_SECURE set to false. These switches exist to make local development convenient; in a deployed environment they open CSRF, session theft over HTTP, man-in-the-middle, or data loss. `honban scan` judges the env files of the repository and `honban env` the resolved environment (every layer, secrets and the process environment included): both report this one id, which replaces env/dangerous-switch-on.',
    ja: 'ターゲット環境が読み込む env ファイルで、保護機能を無効にするか開発用の近道を有効にしています: DISABLE_WTF_CSRF、DISABLE_FORCE_HTTPS、ALLOW_DB_RESET、DISABLE_AUTH、NODE_TLS_REJECT_UNAUTHORIZED=0、または WTF_CSRF_ENABLED / FORCE_HTTPS / SESSION_COOKIE_SECURE が false。これらはローカル開発を楽にするためのスイッチで、デプロイ環境では CSRF、HTTP 経由のセッション盗用、中間者攻撃、データ消失につながります。 `honban scan` はリポジトリの env ファイルを、`honban env` は解決後の環境 (すべてのレイヤー、シークレット、プロセス環境変数を含む) を判定し、どちらもこの 1 つの ID で報告します (env/dangerous-switch-on はこの ID に統合されました)。',
  },
  fix: {
    en: 'Remove the switch from the env file of the deployed environment (or set it to its safe value) and keep it only in `.env.development`.',
    ja: 'デプロイ環境の env ファイルからスイッチを削除する (または安全な値にする) ようにし、`.env.development` だけに残してください。',
  },
  references: { cwe: ['CWE-352', 'CWE-319', 'CWE-295', 'CWE-1188'] },
  check(facts, ctx) {
    for (const v of facts.envVar) {
      if (!isSet(v) || schemaControlsValue(v.spec)) continue;
      // `MKS_DISABLE_CSRF` reads as DISABLE_CSRF (the catalog's prefixed names).
      const entry = catalogEntry(v.key);
      const name = entry && (entry.role === 'dangerous-switch' || entry.role === 'security-switch') ? entry.key : v.key;
      let hit = judge(name, v.value);
      // A development switch of the catalog that the table above does not know: on unless false.
      if (!hit && entry?.role === 'dangerous-switch' && parseBoolean(v.value) !== false) {
        hit = { effect: DANGEROUS_SWITCHES[entry.key] ?? { en: 'is a development switch', ja: '開発用のスイッチです' }, wanted: `${v.key}=0` };
      }
      if (!hit) continue;
      // Turning off CSRF protection in production is as bad as turning off authentication.
      const severity = hit.severity ?? (ctx.environment === 'production' && PRODUCTION_CRITICAL.has(name.toUpperCase()) ? 'critical' : undefined);
      const c = asCanonical(v.key);
      ctx.report({
        ...at(v),
        severity,
        message: {
          en: `${v.key} ${hit.effect.en} in ${ctx.environment}${c.en}`,
          ja: `${envLabel(ctx.environment).ja}環境で ${v.key} の設定が${hit.effect.ja.replace(/します$/, 'しています')}${c.ja}`,
        },
        fix: {
          en: `Set ${hit.wanted.replace(name, v.key)} in ${v.file}${v.line ? '' : ' (the process environment)'}, or delete it; keep the shortcut only in .env.development.`,
          ja: `${v.file} で ${hit.wanted.replace(name, v.key)} にするか削除し、この近道は .env.development だけに残してください。`,
        },
      });
    }
  },
});
