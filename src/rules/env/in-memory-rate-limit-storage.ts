import { isInMemoryStorage } from '../../lib/values.js';
import { defineRule } from '../define.js';
import { at, withRole } from './_common.js';

export default defineRule({
  id: 'env/in-memory-rate-limit-storage',
  severity: 'medium',
  command: 'env',
  environments: ['production', 'staging'],
  facts: ['envVar'],
  title: {
    en: 'Rate limiter uses in-memory storage',
    ja: 'レート制限のストレージがメモリ内になっている',
  },
  description: {
    en: 'RATELIMIT_STORAGE_URI (Flask-Limiter and similar) resolves to memory://. Each worker process then counts separately and forgets on restart: with 4 gunicorn workers an attacker gets 4× the limit on login, and every deploy resets it.',
    ja: 'RATELIMIT_STORAGE_URI (Flask-Limiter など) が memory:// に解決されます。ワーカープロセスごとに別々に数え、再起動で忘れるため、gunicorn のワーカーが 4 つならログインの試行上限は実質 4 倍になり、デプロイのたびにリセットされます。',
  },
  fix: {
    en: 'Use shared, persistent storage: RATELIMIT_STORAGE_URI=redis://… (or memcached://…).',
    ja: '共有された永続的なストレージを使ってください: RATELIMIT_STORAGE_URI=redis://… (または memcached://…)。',
  },
  references: { cwe: ['CWE-307', 'CWE-770'] },
  check(facts, ctx) {
    for (const v of withRole(facts.envVar, 'rate-limit-storage')) {
      if (!isInMemoryStorage(v.value)) continue;
      ctx.report({
        ...at(v),
        message: { en: `${v.key} is in-memory ("${v.value.trim()}") in ${ctx.environment}: limits are per worker and reset on restart`, ja: `${v.key} が ${ctx.environment} でメモリ内 ("${v.value.trim()}") です。制限がワーカーごとになり、再起動でリセットされます` },
        fingerprint: `${v.key} memory`,
      });
    }
  },
});
