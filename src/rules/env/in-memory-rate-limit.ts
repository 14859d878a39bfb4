import { catalogEntry } from '../../lib/env-catalog.js';
import { schemaControlsValue } from '../../lib/env-spec.js';
import { isInMemoryStorage, RATE_LIMIT_STORAGE_KEYS } from '../../lib/values.js';
import { defineRule } from '../define.js';
import { isSet, valueAt } from './_common.js';

/** RATELIMIT_STORAGE_URI and the other spellings of "where the rate limiter keeps its counters". */
function isRateLimitStorageKey(key: string): boolean {
  const k = key.toUpperCase();
  return RATE_LIMIT_STORAGE_KEYS.has(k) || /RATE_?LIMIT(ER)?_?(STORAGE|STORE|BACKEND)(_BACKEND|_URI|_URL)?$/.test(k) || /^LIMITER_(STORAGE|STORE)(_URI|_URL)?$/.test(k);
}

export default defineRule({
  id: 'env/in-memory-rate-limit',
  severity: 'medium',
  environments: ['production', 'staging'],
  command: ['scan', 'env'],
  facts: ['envVar'],
  title: {
    en: 'Rate limiter keeps its counters in memory',
    ja: 'レートリミッターのカウンターがメモリ上にある',
  },
  description: {
    en: 'The rate limiter storage (RATELIMIT_STORAGE_URI for Flask-Limiter, and similar) is `memory://` in an env file the target environment loads. Each worker process then counts separately and forgets everything on restart: with 4 gunicorn workers a "5 per minute" login limit becomes 20, and a restart resets it — brute-force protection is much weaker than configured. Flask-Limiter itself warns against in-memory storage in production. `honban scan` judges the env files of the repository and `honban env` the resolved environment (every layer, secrets and the process environment included): both report this one id, which replaces env/in-memory-rate-limit-storage.',
    ja: 'ターゲット環境が読み込む env ファイルで、レートリミッターの保存先 (Flask-Limiter の RATELIMIT_STORAGE_URI など) が `memory://` になっています。ワーカープロセスごとに別々に数え、再起動で全部忘れます: gunicorn のワーカーが 4 つなら「1 分に 5 回」のログイン制限は 20 回になり、再起動でリセットされます。総当たり攻撃への防御が設定よりずっと弱くなります。Flask-Limiter 自身も本番でのメモリストレージ使用を警告しています。 `honban scan` はリポジトリの env ファイルを、`honban env` は解決後の環境 (すべてのレイヤー、シークレット、プロセス環境変数を含む) を判定し、どちらもこの 1 つの ID で報告します (env/in-memory-rate-limit-storage はこの ID に統合されました)。',
  },
  fix: {
    en: 'Use shared, persistent storage: `RATELIMIT_STORAGE_URI=redis://redis.internal:6379/0` (password from the secret store).',
    ja: '共有・永続化されたストレージを使ってください: `RATELIMIT_STORAGE_URI=redis://redis.internal:6379/0` (パスワードはシークレットストアから)。',
  },
  references: { cwe: ['CWE-307', 'CWE-770'] },
  check(facts, ctx) {
    for (const v of facts.envVar) {
      if (!isSet(v) || schemaControlsValue(v.spec)) continue;
      if (!isRateLimitStorageKey(v.key) && catalogEntry(v.key)?.role !== 'rate-limit-storage') continue;
      if (!isInMemoryStorage(v.value)) continue;
      ctx.report({
        ...valueAt(v),
        message: {
          en: `${v.key} keeps rate-limit counters in process memory ("${v.value.trim()}") in ${ctx.environment}: each worker counts separately and a restart resets them`,
          ja: `${ctx.environment} で ${v.key} がレート制限のカウンターをプロセスのメモリ内 ("${v.value.trim()}") に保持しています: ワーカーごとに別々に数えられ、再起動でリセットされます`,
        },
      });
    }
  },
});
