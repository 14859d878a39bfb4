import { defineRule } from '../define.js';
import { callsOf, prop } from './_util.js';

export default defineRule({
  id: 'express/session-memory-store',
  severity: 'medium',
  environments: ['production', 'staging'],
  facts: ['javascript'],
  title: {
    en: 'express-session uses the in-memory store',
    ja: 'express-session がメモリストアを使っている',
  },
  description: {
    en: 'Without a `store`, express-session keeps sessions in a MemoryStore that its own documentation says is not meant for production: it leaks memory, loses every session on restart or deploy, and is not shared between instances, so users behind a load balancer are logged out at random. Like an in-memory rate limiter (seed S0.3), it works in development and fails under production traffic.',
    ja: '`store` を指定しない express-session は、公式ドキュメントが本番向けではないと明言している MemoryStore にセッションを保存します。メモリリークを起こし、再起動やデプロイのたびに全セッションが消え、インスタンス間で共有されないため、ロードバランサーの後ろではユーザーがランダムにログアウトされます。メモリ上のレート制限 (seed S0.3) と同じく、開発では動いても本番のトラフィックで破綻します。',
  },
  fix: {
    en: 'Use a shared store: `store: new RedisStore({ client: redisClient })` from connect-redis (or connect-pg-simple, connect-mongo), with the connection URL from the environment.',
    ja: '共有ストアを使ってください: connect-redis の `store: new RedisStore({ client: redisClient })` (または connect-pg-simple、connect-mongo) とし、接続 URL は環境変数から読みます。',
  },
  references: { cwe: ['CWE-400'], equivalents: ['seed S0.3'] },
  check(facts, ctx) {
    for (const { fact, call } of callsOf(facts.javascript, 'express-session')) {
      const opts = call.args[0];
      if (!opts || opts.kind !== 'object' || opts.spread || prop(opts, 'store')) continue;
      ctx.report({
        file: fact.file,
        line: call.line,
        column: call.column,
        key: 'store',
        message: {
          en: 'express-session has no store: sessions live in the default MemoryStore, leak memory, vanish on restart and are not shared between instances',
          ja: 'express-session に store がありません: セッションは既定の MemoryStore に置かれ、メモリリークを起こし、再起動で消え、インスタンス間で共有されません',
        },
      });
    }
  },
});
