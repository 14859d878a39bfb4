import { deref, djangoGroups, djangoSetting, fromEnv } from '../../facts/python/query.js';
import { isPlaceholder } from '../../lib/secrets.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'django/hardcoded-database-password',
  severity: 'high',
  environments: ['production', 'staging'],
  facts: ['python'],
  title: { en: 'Database password hard-coded in Django settings', ja: 'Django の設定にデータベースのパスワードがハードコード' },
  description: {
    en: "A PASSWORD in DATABASES (or its fallback in `os.environ.get('DB_PASSWORD', '…')`) is in the repository, every clone, CI log and image built from it. Anyone with that access can connect to the database the settings point at, and the password cannot be rotated without a code change (seed 001: 'secure_password').",
    ja: 'DATABASES の PASSWORD (または `os.environ.get(\'DB_PASSWORD\', \'…\')` のフォールバック) は、リポジトリ、すべてのクローン、CI ログ、そこからビルドしたイメージに含まれます。アクセスできる誰もが設定先のデータベースに接続でき、コードを変えずにパスワードをローテーションすることもできません (seed 001 の \'secure_password\')。',
  },
  fix: { en: "Read it from the environment without a fallback (`'PASSWORD': os.environ['DB_PASSWORD']`) or use one DATABASE_URL (`dj_database_url.config(conn_max_age=600)`), and change the committed password.", ja: "フォールバックなしで環境変数から読む (`'PASSWORD': os.environ['DB_PASSWORD']`) か、DATABASE_URL にまとめます (`dj_database_url.config(conn_max_age=600)`)。コミットされていたパスワードは変更します。" },
  references: { cwe: ['CWE-798', 'CWE-259'], equivalents: ['bandit B105'] },
  check(facts, ctx) {
    for (const group of djangoGroups(facts.python).values()) {
      const s = djangoSetting(group, ctx, 'DATABASES');
      const dbs = deref(s?.a.value);
      if (!s || dbs?.kind !== 'dict') continue;
      for (const alias of dbs.entries) {
        const conf = deref(alias.value);
        if (conf?.kind !== 'dict') continue;
        const engine = conf.entries.find((e) => e.key === 'ENGINE')?.value.resolved;
        if (typeof engine === 'string' && /sqlite/.test(engine)) continue;
        const pw = conf.entries.find((e) => e.key === 'PASSWORD');
        const value = pw?.value.resolved;
        if (!pw || typeof value !== 'string' || !value.trim() || isPlaceholder(value)) continue;
        const env = fromEnv(pw.value);
        ctx.report({
          file: s.fact.file,
          line: pw.value.line,
          column: pw.value.column,
          secrets: [value],
          message: env
            ? { en: `DATABASES['${alias.key}']['PASSWORD'] falls back to a hard-coded password when ${pw.value.envNames!.join(', ')} is not set (${value.length} characters)`, ja: `DATABASES['${alias.key}']['PASSWORD'] は ${pw.value.envNames!.join(', ')} が未設定のときハードコードされたパスワードにフォールバックします (${value.length} 文字)` }
            : { en: `DATABASES['${alias.key}']['PASSWORD'] is hard-coded (${value.length} characters)`, ja: `DATABASES['${alias.key}']['PASSWORD'] がハードコードされています (${value.length} 文字)` },
        });
      }
    }
  },
});
