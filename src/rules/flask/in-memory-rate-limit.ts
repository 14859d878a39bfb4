import { callsOf, fromEnv, isFlaskSetting, settingsOf, usesFlask } from '../../facts/python/query.js';
import { isInMemoryStorage, RATE_LIMIT_STORAGE_KEYS } from '../../lib/values.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'flask/in-memory-rate-limit',
  severity: 'medium',
  facts: ['python'],
  title: { en: 'Flask-Limiter keeps its counters in memory', ja: 'Flask-Limiter のカウンタがメモリ上にある' },
  description: {
    en: "Without a storage backend Flask-Limiter counts requests in each process's memory (memory://). With several gunicorn workers or instances every one keeps its own counters, so the real limit is the configured one times the number of workers, and every restart resets it: login brute-force and abuse limits do not hold (seed 000, item D). Flask-Limiter itself warns about this at startup.",
    ja: 'ストレージを指定しないと Flask-Limiter はリクエスト数を各プロセスのメモリ (memory://) で数えます。gunicorn のワーカーやインスタンスが複数あるとそれぞれが別のカウンタを持つため、実際の上限は設定値 × ワーカー数になり、再起動のたびにリセットされます。ログインの総当たり対策や乱用防止の制限が効きません (seed 000 の D 項)。Flask-Limiter 自身も起動時に警告します。',
  },
  fix: {
    en: "Use a shared store: `Limiter(get_remote_address, app=app, storage_uri=os.environ['RATELIMIT_STORAGE_URI'])` with `RATELIMIT_STORAGE_URI=redis://:password@redis:6379/0` in production (or set RATELIMIT_STORAGE_URI in the app config).",
    ja: '共有ストアを使います: `Limiter(get_remote_address, app=app, storage_uri=os.environ[\'RATELIMIT_STORAGE_URI\'])` とし、本番では `RATELIMIT_STORAGE_URI=redis://:password@redis:6379/0` を設定します (アプリ設定の RATELIMIT_STORAGE_URI でも可)。',
  },
  references: { cwe: ['CWE-770', 'CWE-307'] },
  check(facts, ctx) {
    if (!usesFlask(facts.python)) return;
    const limiters = callsOf(facts.python, ctx, (c, f) => c.name === 'Limiter' && f.imports.includes('flask_limiter'));
    const configured = settingsOf(facts.python, ctx, RATE_LIMIT_STORAGE_KEYS, isFlaskSetting);
    // Config keys set to memory:// (or falling back to it).
    let configOk = false;
    for (const { fact, a } of configured) {
      const r = a.value.resolved;
      if (typeof r === 'string' && isInMemoryStorage(r)) {
        ctx.report({
          file: fact.file,
          line: a.line,
          column: a.column,
          message: fromEnv(a.value)
            ? { en: `${a.key} falls back to in-memory storage when ${a.value.envNames!.join(', ')} is not set`, ja: `${a.key} は ${a.value.envNames!.join(', ')} が未設定のときインメモリストレージにフォールバックします` }
            : { en: `${a.key} is in-memory storage: every worker counts separately and restarts reset the limits`, ja: `${a.key} がインメモリストレージです。ワーカーごとに別々に数え、再起動で制限がリセットされます` },
        });
      } else configOk = true;
    }
    for (const { fact, call } of limiters) {
      const v = call.kwargs.storage_uri;
      if (!v) {
        if (configOk || configured.length || call.spread) continue;
        ctx.report({
          file: fact.file,
          line: call.line,
          column: call.column,
          message: { en: `${call.callee}() has no storage_uri and no RATELIMIT_STORAGE_URI is configured: limits are kept in each process's memory`, ja: `${call.callee}() に storage_uri がなく、RATELIMIT_STORAGE_URI も設定されていません。制限は各プロセスのメモリで管理されます` },
        });
        continue;
      }
      const r = v.resolved;
      if (typeof r !== 'string' || !isInMemoryStorage(r)) continue;
      const p = call.kwargPos.storage_uri ?? v;
      ctx.report({
        file: fact.file,
        line: p.line,
        column: p.column,
        message: fromEnv(v)
          ? { en: `storage_uri falls back to ${r} when ${v.envNames!.join(', ')} is not set`, ja: `storage_uri は ${v.envNames!.join(', ')} が未設定のとき ${r} にフォールバックします` }
          : { en: `storage_uri is ${r}: every worker counts separately and restarts reset the limits`, ja: `storage_uri が ${r} です。ワーカーごとに別々に数え、再起動で制限がリセットされます` },
      });
    }
  },
});
