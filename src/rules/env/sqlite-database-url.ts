import { isSqliteUrl } from '../../lib/values.js';
import { defineRule } from '../define.js';
import { at, withRole } from './_common.js';

export default defineRule({
  id: 'env/sqlite-database-url',
  severity: 'high',
  command: 'env',
  environments: ['production', 'staging'],
  facts: ['envVar'],
  title: {
    en: 'SQLite database in a production-like environment',
    ja: '本番相当の環境で SQLite データベースを使っている',
  },
  description: {
    en: 'DATABASE_URL resolves to SQLite. A SQLite file lives inside the container or release directory: it is lost on redeploy, not shared between workers or instances, locks on concurrent writes and is not backed up with the database server.',
    ja: 'DATABASE_URL が SQLite に解決されます。SQLite のファイルはコンテナやリリースディレクトリの中にあるため、再デプロイで消え、ワーカーやインスタンス間で共有されず、同時書き込みでロックし、データベースサーバーと一緒にバックアップもされません。',
  },
  fix: {
    en: 'Point DATABASE_URL at the production database server (postgresql://… or mysql://…), provided as a secret.',
    ja: 'DATABASE_URL を本番のデータベースサーバー (postgresql://… や mysql://…) に向け、シークレットとして渡してください。',
  },
  references: { cwe: ['CWE-1188'] },
  check(facts, ctx) {
    for (const v of withRole(facts.envVar, 'database-url')) {
      if (!isSqliteUrl(v.value)) continue;
      ctx.report({
        ...at(v),
        severity: ctx.environment === 'production' ? undefined : 'medium',
        message: { en: `${v.key} points at SQLite in ${ctx.environment}`, ja: `${v.key} が ${ctx.environment} で SQLite を指しています` },
        fingerprint: `${v.key} sqlite`,
      });
    }
  },
});
