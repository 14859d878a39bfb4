import { fromEnv, isFlaskSetting, placeOf, settingsOf, usesFlask } from '../../facts/python/query.js';
import { isSqliteUrl } from '../../lib/values.js';
import { defineRule } from '../define.js';

const KEYS = new Set(['SQLALCHEMY_DATABASE_URI', 'DATABASE_URL', 'DATABASE_URI']);

export default defineRule({
  id: 'flask/sqlite-database',
  severity: 'medium',
  environments: ['production', 'staging'],
  facts: ['python'],
  title: { en: 'Production database falls back to SQLite', ja: '本番のデータベースが SQLite にフォールバック' },
  description: {
    en: "`SQLALCHEMY_DATABASE_URI = os.environ.get('DATABASE_URL') or 'sqlite:///app.db'` starts fine in production when DATABASE_URL is missing, and then writes to a file inside the container or release directory: data is lost on the next deploy, each instance has its own database, and SQLite locks under concurrent gunicorn workers (seed 000, S0.2).",
    ja: '`SQLALCHEMY_DATABASE_URI = os.environ.get(\'DATABASE_URL\') or \'sqlite:///app.db\'` は、本番で DATABASE_URL が欠けていても問題なく起動し、コンテナやリリースディレクトリ内のファイルに書き込みます。次のデプロイでデータが消え、インスタンスごとに別のデータベースになり、gunicorn の複数ワーカーの同時書き込みで SQLite がロックします (seed 000、S0.2)。',
  },
  fix: {
    en: "Require the variable in production: `SQLALCHEMY_DATABASE_URI = os.environ['DATABASE_URL']` (postgresql://…), and keep the SQLite default only in DevelopmentConfig / TestingConfig.",
    ja: '本番では変数を必須にします: `SQLALCHEMY_DATABASE_URI = os.environ[\'DATABASE_URL\']` (postgresql://…)。SQLite のデフォルトは DevelopmentConfig / TestingConfig の中だけに置きます。',
  },
  references: { cwe: ['CWE-1188'] },
  check(facts, ctx) {
    if (!usesFlask(facts.python)) return;
    for (const { fact, a } of settingsOf(facts.python, ctx, KEYS, isFlaskSetting)) {
      const r = a.value.resolved;
      if (typeof r !== 'string' || !isSqliteUrl(r)) continue;
      const env = fromEnv(a.value);
      ctx.report({
        file: fact.file,
        line: a.line,
        column: a.column,
        message: env
          ? { en: `${a.key} falls back to SQLite when ${a.value.envNames!.join(', ')} is not set${placeOf(a).en}`, ja: `${a.key} は ${a.value.envNames!.join(', ')} が未設定のとき SQLite にフォールバックします${placeOf(a).ja}` }
          : { en: `${a.key} is a SQLite database${placeOf(a).en}`, ja: `${a.key} が SQLite データベースです${placeOf(a).ja}` },
      });
    }
  },
});
