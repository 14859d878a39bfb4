import { defineRule } from '../define.js';
import { at, withRole } from './_common.js';

export default defineRule({
  id: 'env/long-session-timeout',
  severity: 'medium',
  command: 'env',
  environments: ['production', 'staging'],
  facts: ['envVar'],
  title: {
    en: 'Session lifetime longer than an hour',
    ja: 'セッションの有効期間が 1 時間を超えている',
  },
  description: {
    en: 'SESSION_TIMEOUT (or PERMANENT_SESSION_LIFETIME, SESSION_COOKIE_AGE) is longer than 3600 seconds. A stolen or forgotten session stays usable for that long; development values such as 86400 are convenient on a laptop, not on a shared terminal. The limit is a rule option (`maxSeconds`).',
    ja: 'SESSION_TIMEOUT (または PERMANENT_SESSION_LIFETIME、SESSION_COOKIE_AGE) が 3600 秒を超えています。盗まれたセッションや閉じ忘れたセッションがその間ずっと使えます。86400 のような開発用の値は手元の PC では便利ですが、共用端末では危険です。上限はルールのオプション (`maxSeconds`) で変えられます。',
  },
  fix: {
    en: 'Use at most 3600 seconds (SESSION_TIMEOUT=1800 or 3600), with "remember me" as a separate, explicit token if needed.',
    ja: '3600 秒以下にしてください (SESSION_TIMEOUT=1800 または 3600)。「ログイン状態を保持」が必要なら、別の明示的なトークンで実装してください。',
  },
  references: { cwe: ['CWE-613'] },
  check(facts, ctx) {
    const max = Number((ctx.options as { maxSeconds?: number }).maxSeconds ?? 3600);
    for (const v of withRole(facts.envVar, 'session-timeout')) {
      const s = v.value.trim();
      if (!/^\d+$/.test(s) || Number(s) <= max) continue;
      ctx.report({
        ...at(v),
        message: { en: `${v.key} is ${s} seconds in ${ctx.environment} (more than ${max})`, ja: `${ctx.environment} の ${v.key} が ${s} 秒です (${max} 秒超)` },
        fingerprint: `${v.key} lifetime`,
      });
    }
  },
});
