import { isSqliteUrl } from '../../lib/values.js';
import { defineRule } from '../define.js';
import { effectiveEntries, envLabel } from './_util.js';

/** Keys that choose the database: DATABASE_URL, DB_URL, SQLALCHEMY_DATABASE_URI, DB_CONNECTION, DB_ENGINE … */
const DB_KEY = /(^|_)(DATABASE|DB)(_|$)/i;
const DB_KEY_SUFFIX = /(URL|URI|DSN|CONNECTION|ENGINE|ADAPTER|DRIVER|BACKEND|PATH|FILE)$/i;

function isSqlite(key: string, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (!v) return false;
  if (v.startsWith('sqlite:') || v.startsWith('sqlite3:')) return true;
  if (/(^|[._])sqlite3?$/.test(v)) return true; // DB_CONNECTION=sqlite, DB_ENGINE=django.db.backends.sqlite3
  return /(PATH|FILE|URL|URI)$/i.test(key) && isSqliteUrl(v);
}

export default defineRule({
  id: 'env/sqlite-database',
  severity: 'medium',
  environments: ['production', 'staging'],
  facts: ['dotenv'],
  title: {
    en: 'SQLite database configured for a deployed environment',
    ja: 'デプロイ環境で SQLite データベースを使う設定',
  },
  description: {
    en: 'An env file the target environment loads points the application at SQLite (DATABASE_URL=sqlite:///app.db, DB_CONNECTION=sqlite, DB_ENGINE=…sqlite3). A SQLite file lives inside one container or host: it is lost when the container is replaced, cannot be shared by several instances, locks the whole database on every write, and is usually not backed up. Use a database server unless the deployment was designed around SQLite (single host, persistent volume, backups).',
    ja: 'ターゲット環境が読み込む env ファイルで、アプリの接続先が SQLite になっています (DATABASE_URL=sqlite:///app.db、DB_CONNECTION=sqlite、DB_ENGINE=…sqlite3)。SQLite のファイルは 1 つのコンテナやホストの中にあり、コンテナを入れ替えると消え、複数インスタンスで共有できず、書き込みのたびにデータベース全体がロックされ、たいていバックアップもされていません。SQLite 前提で設計したデプロイ (単一ホスト、永続ボリューム、バックアップあり) でなければデータベースサーバーを使ってください。',
  },
  fix: {
    en: 'Point DATABASE_URL at the production database server (`postgresql://app@db.internal:5432/app`, password from the secret store). If SQLite is intended, keep the file on a persistent, backed-up volume and waive this finding with the reason.',
    ja: 'DATABASE_URL を本番のデータベースサーバーに向けてください (`postgresql://app@db.internal:5432/app`、パスワードはシークレットストアから)。意図して SQLite を使う場合は、ファイルを永続化・バックアップされるボリュームに置き、理由を書いてこの指摘を waive してください。',
  },
  references: { cwe: ['CWE-1188'] },
  check(facts, ctx) {
    for (const f of facts.dotenv) {
      for (const e of effectiveEntries(f)) {
        if (!DB_KEY.test(e.key) || !DB_KEY_SUFFIX.test(e.key)) continue;
        if (!isSqlite(e.key, e.value)) continue;
        ctx.report({
          file: f.file,
          line: e.valueLine,
          column: e.valueColumn,
          key: e.key,
          message: {
            en: `${e.key} points at a SQLite database in an env file loaded in ${ctx.environment}`,
            ja: `${envLabel(ctx.environment).ja}環境で読み込まれる env ファイルで ${e.key} が SQLite データベースを指しています`,
          },
        });
      }
    }
  },
});
