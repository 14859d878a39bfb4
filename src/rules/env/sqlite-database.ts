import { catalogEntry } from '../../lib/env-catalog.js';
import { schemaControlsValue } from '../../lib/env-spec.js';
import { isSqliteUrl } from '../../lib/values.js';
import { defineRule } from '../define.js';
import { isSet, valueAt } from './_common.js';
import { envLabel } from './_util.js';

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
  severity: 'high',
  environments: ['production', 'staging'],
  command: ['scan', 'env'],
  facts: ['envVar'],
  title: {
    en: 'SQLite database configured for a deployed environment',
    ja: 'デプロイ環境で SQLite データベースを使う設定',
  },
  description: {
    en: 'An env file the target environment loads points the application at SQLite (DATABASE_URL=sqlite:///app.db, DB_CONNECTION=sqlite, DB_ENGINE=…sqlite3). A SQLite file lives inside one container or host: it is lost when the container is replaced, cannot be shared by several instances, locks the whole database on every write, and is usually not backed up. Use a database server unless the deployment was designed around SQLite (single host, persistent volume, backups). `honban scan` judges the env files of the repository and `honban env` the resolved environment (every layer, secrets and the process environment included): both report this one id, which replaces env/sqlite-database-url.',
    ja: 'ターゲット環境が読み込む env ファイルで、アプリの接続先が SQLite になっています (DATABASE_URL=sqlite:///app.db、DB_CONNECTION=sqlite、DB_ENGINE=…sqlite3)。SQLite のファイルは 1 つのコンテナやホストの中にあり、コンテナを入れ替えると消え、複数インスタンスで共有できず、書き込みのたびにデータベース全体がロックされ、たいていバックアップもされていません。SQLite 前提で設計したデプロイ (単一ホスト、永続ボリューム、バックアップあり) でなければデータベースサーバーを使ってください。 `honban scan` はリポジトリの env ファイルを、`honban env` は解決後の環境 (すべてのレイヤー、シークレット、プロセス環境変数を含む) を判定し、どちらもこの 1 つの ID で報告します (env/sqlite-database-url はこの ID に統合されました)。',
  },
  fix: {
    en: 'Point DATABASE_URL at the production database server (`postgresql://app@db.internal:5432/app`, password from the secret store). If SQLite is intended, keep the file on a persistent, backed-up volume and waive this finding with the reason.',
    ja: 'DATABASE_URL を本番のデータベースサーバーに向けてください (`postgresql://app@db.internal:5432/app`、パスワードはシークレットストアから)。意図して SQLite を使う場合は、ファイルを永続化・バックアップされるボリュームに置き、理由を書いてこの指摘を waive してください。',
  },
  references: { cwe: ['CWE-1188'] },
  check(facts, ctx) {
    for (const v of facts.envVar) {
      if (!isSet(v) || schemaControlsValue(v.spec)) continue;
      const named = DB_KEY.test(v.key) && DB_KEY_SUFFIX.test(v.key);
      const role = catalogEntry(v.key)?.role === 'database-url';
      if (!(named && isSqlite(v.key, v.value)) && !(role && isSqliteUrl(v.value))) continue;
      ctx.report({
        ...valueAt(v),
        severity: ctx.environment === 'production' ? undefined : 'medium',
        message: {
          en: `${v.key} points at a SQLite database in ${ctx.environment}`,
          ja: `${envLabel(ctx.environment).ja}環境で ${v.key} が SQLite データベースを指しています`,
        },
      });
    }
  },
});
