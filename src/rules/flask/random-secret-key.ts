import { calleesIn, FLASK_SECRET_KEYS, fromEnv, isFlaskSetting, placeOf, settingsOf, usesFlask } from '../../facts/python/query.js';
import { defineRule } from '../define.js';

const RANDOM = /(^|\.)(urandom|token_hex|token_urlsafe|token_bytes|uuid4|uuid1|get_random_secret_key|randbytes|getrandbits|random_bytes|gen_salt)$/;

export default defineRule({
  id: 'flask/random-secret-key',
  severity: 'medium',
  facts: ['python'],
  title: { en: 'Flask secret key generated at startup', ja: 'Flask のシークレットキーを起動時に生成' },
  description: {
    en: 'A SECRET_KEY generated when the process starts (`os.urandom(24)`, `secrets.token_hex()`) differs in every gunicorn worker and after every restart or deploy: sessions and CSRF tokens signed by one worker are rejected by the next, so users are logged out at random and forms fail with "CSRF token invalid" (seed 000). A key must be long, random, and fixed.',
    ja: '起動時に生成した SECRET_KEY (`os.urandom(24)`、`secrets.token_hex()`) は gunicorn のワーカーごと、再起動やデプロイのたびに変わります。あるワーカーが署名したセッションや CSRF トークンを別のワーカーが拒否するため、ランダムにログアウトされたり、フォームが「CSRF token invalid」で失敗したりします (seed 000)。キーは長く、ランダムで、固定である必要があります。',
  },
  fix: {
    en: "Generate the key once (`python -c 'import secrets; print(secrets.token_urlsafe(32))'`), store it in the secret manager, and read it without a fallback: `SECRET_KEY = os.environ['FLASK_SECRET_KEY']`.",
    ja: 'キーは一度だけ生成し (`python -c \'import secrets; print(secrets.token_urlsafe(32))\'`)、シークレットマネージャに保存して、フォールバックなしで読みます: `SECRET_KEY = os.environ[\'FLASK_SECRET_KEY\']`。',
  },
  references: { cwe: ['CWE-1188'] },
  check(facts, ctx) {
    if (!usesFlask(facts.python)) return;
    for (const { fact, a } of settingsOf(facts.python, ctx, FLASK_SECRET_KEYS, isFlaskSetting)) {
      const random = calleesIn(a.value).find((c) => RANDOM.test(c));
      if (!random) continue;
      const env = fromEnv(a.value);
      const where = placeOf(a);
      ctx.report({
        file: fact.file,
        line: a.line,
        column: a.column,
        message: env
          ? {
              en: `${a.key} falls back to ${random}() when ${a.value.envNames!.join(', ')} is not set${where.en}: every worker and every restart gets a different key`,
              ja: `${a.key} は ${a.value.envNames!.join(', ')} が未設定のとき ${random}() にフォールバックします${where.ja}。ワーカーごと・再起動ごとに異なるキーになります`,
            }
          : {
              en: `${a.key} is generated with ${random}() at startup${where.en}: every worker and every restart gets a different key`,
              ja: `${a.key} を起動時に ${random}() で生成しています${where.ja}。ワーカーごと・再起動ごとに異なるキーになります`,
            },
      });
    }
  },
});
