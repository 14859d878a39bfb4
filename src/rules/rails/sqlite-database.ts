import type { DatabaseAdapter } from '../../facts/ruby.js';
import { defineRule } from '../define.js';
import { appRoot, effectiveSettings, literalWord } from './_util.js';

/** Rails 8 made SQLite a supported production database (Solid Queue / Cache / Cable, `storage/` on a volume). */
function railsEightOrLater(word: string | undefined): boolean {
  const major = word ? Number.parseInt(word, 10) : NaN;
  return Number.isFinite(major) && major >= 8;
}

export default defineRule({
  id: 'rails/sqlite-database',
  severity: 'medium',
  environments: ['production', 'staging'],
  facts: ['ruby'],
  title: { en: 'Rails production database is SQLite', ja: 'Rails の本番データベースが SQLite' },
  description: {
    en: "The production section of config/database.yml uses `adapter: sqlite3` — written there or merged in from `<<: *default`, as `rails new` generates it. The database is then a file next to the application: a container or a Heroku-style dyno loses it on the next deploy or restart, every instance writes its own copy, and concurrent Puma workers serialize on its lock. Rails merges `ENV['DATABASE_URL']` over database.yml, so a platform that sets it hides the problem until the day it does not. Deliberately not reported: a production connection whose `url:` comes from ERB (`<%= ENV['DATABASE_URL'] %>`), and apps on Rails 8 defaults (`config.load_defaults 8.0` or later), where SQLite in `storage/` on a persistent volume is a supported production setup.",
    ja: "config/database.yml の production セクションが `adapter: sqlite3` を使っています (直接書かれているか、`rails new` が生成するとおり `<<: *default` でマージされたもの)。データベースはアプリケーションの隣のファイルになり、コンテナや Heroku 型の dyno では次のデプロイや再起動で失われ、インスタンスごとに別のコピーに書き込み、Puma の並行ワーカーはそのロックで直列化されます。Rails は database.yml に `ENV['DATABASE_URL']` を上書きマージするため、それを設定するプラットフォームでは問題が隠れ、設定されなくなった日に表に出ます。意図的に報告しないもの: `url:` を ERB (`<%= ENV['DATABASE_URL'] %>`) から得る本番接続、Rails 8 の既定値 (`config.load_defaults 8.0` 以降) を使うアプリ (永続ボリューム上の `storage/` の SQLite は本番構成としてサポートされています)。",
  },
  fix: {
    en: "Use a database server in production: `production: { adapter: postgresql, url: <%= ENV['DATABASE_URL'] %> }` (add the pg gem), and keep sqlite3 in the development and test sections only.",
    ja: "本番ではデータベースサーバーを使ってください: `production: { adapter: postgresql, url: <%= ENV['DATABASE_URL'] %> }` (pg gem を追加)。sqlite3 は development と test のセクションだけに残します。",
  },
  references: { cwe: ['CWE-1188'] },
  check(facts, ctx) {
    const modern = new Set(effectiveSettings(facts.ruby, 'load_defaults').filter((e) => railsEightOrLater(literalWord(e.setting.value))).map((e) => appRoot(e.fact.file)));
    for (const f of facts.ruby) {
      if (f.railsConfig !== 'database' || f.section === undefined || f.environment !== ctx.environment) continue;
      if (modern.has(appRoot(f.file))) continue;
      for (const a of f.databaseAdapters ?? []) {
        if (!a.adapter || !/^sqlite3?$/i.test(a.adapter) || a.urlFromErb) continue;
        const where = a.mergedAt ? `merged in by <<: at line ${a.mergedAt.line} from line ${a.line}` : `line ${a.line}`;
        const conn = a.connection ? ` connection "${a.connection}"` : '';
        const at: Pick<DatabaseAdapter, 'line' | 'column'> = a.mergedAt ?? a;
        ctx.report({
          file: f.file,
          line: at.line,
          column: at.column,
          key: `${f.section}${a.connection ? `.${a.connection}` : ''}.adapter`,
          message: {
            en: `The ${f.section}${conn} database uses the ${a.adapter} adapter (${where}${a.database ? `, file ${a.database}` : ''}): the data is a file beside the app, lost when a container or dyno is replaced and not shared between instances`,
            ja: `${f.section}${a.connection ? ` の接続 "${a.connection}"` : ''} のデータベースが ${a.adapter} アダプターを使っています (${a.mergedAt ? `${a.line} 行目から ${a.mergedAt.line} 行目の <<: でマージ` : `${a.line} 行目`}${a.database ? `、ファイル ${a.database}` : ''}): データはアプリの隣のファイルで、コンテナや dyno が置き換わると失われ、インスタンス間で共有されません`,
          },
        });
      }
    }
  },
});
