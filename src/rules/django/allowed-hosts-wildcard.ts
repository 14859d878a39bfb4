import { djangoGroups, djangoSetting, fromEnv, stringItems } from '../../facts/python/query.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'django/allowed-hosts-wildcard',
  severity: 'medium',
  environments: ['production', 'staging'],
  facts: ['python'],
  title: { en: "Django ALLOWED_HOSTS accepts any host ('*')", ja: "Django の ALLOWED_HOSTS が任意のホスト ('*') を受け付ける" },
  description: {
    en: "ALLOWED_HOSTS is Django's defence against Host-header attacks. With '*' any Host value is trusted, so password-reset mails, absolute URLs and cache keys built from request.get_host() can point at an attacker's domain (password-reset poisoning, cache poisoning).",
    ja: "ALLOWED_HOSTS は Host ヘッダー攻撃に対する Django の防御です。'*' だとどんな Host も信頼され、request.get_host() から作るパスワードリセットメールや絶対 URL、キャッシュキーが攻撃者のドメインを指しえます (パスワードリセットポイズニング、キャッシュポイズニング)。",
  },
  fix: { en: "List the real names: `ALLOWED_HOSTS = os.environ['DJANGO_ALLOWED_HOSTS'].split(',')` with e.g. `example.com,www.example.com` in production.", ja: "実際のホスト名を列挙します: `ALLOWED_HOSTS = os.environ['DJANGO_ALLOWED_HOSTS'].split(',')` とし、本番では例えば `example.com,www.example.com` を設定します。" },
  references: { cwe: ['CWE-20', 'CWE-644'] },
  check(facts, ctx) {
    for (const group of djangoGroups(facts.python).values()) {
      const s = djangoSetting(group, ctx, 'ALLOWED_HOSTS');
      if (!s) continue;
      const { fact, a } = s;
      const literal = stringItems(a.value).find((i) => i.value.trim() === '*');
      const r = a.value.resolved;
      const wild = literal || (Array.isArray(r) && r.some((x) => typeof x === 'string' && x.trim() === '*'));
      if (!wild) continue;
      const env = fromEnv(a.value);
      const at = literal ?? a;
      ctx.report({
        file: fact.file,
        line: at.line,
        column: at.column,
        message: env && !literal
          ? { en: `ALLOWED_HOSTS falls back to '*' when ${a.value.envNames!.join(', ')} is not set: any Host header is trusted`, ja: `ALLOWED_HOSTS は ${a.value.envNames!.join(', ')} が未設定のとき '*' になり、どんな Host ヘッダーも信頼されます` }
          : { en: "ALLOWED_HOSTS contains '*': any Host header is trusted", ja: "ALLOWED_HOSTS に '*' が含まれ、どんな Host ヘッダーも信頼されます" },
      });
    }
  },
});
