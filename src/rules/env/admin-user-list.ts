import { defineRule } from '../define.js';
import { at, listItems, withRole } from './_common.js';

export default defineRule({
  id: 'env/admin-user-list',
  severity: 'info',
  command: 'env',
  environments: ['production'],
  facts: ['envVar'],
  title: {
    en: 'Administrators granted by a user-name list',
    ja: 'ユーザー名のリストで管理者権限を付与している',
  },
  description: {
    en: 'ADMIN_USERS grants administrator rights to user names listed in the environment. It works, but a renamed or re-registered account inherits admin rights, and changing admins needs a redeploy. An `is_admin` column (or a role table) in the database is the sturdier mechanism.',
    ja: 'ADMIN_USERS は環境変数に列挙したユーザー名に管理者権限を与えます。動作はしますが、改名や再登録したアカウントが管理者権限を引き継いでしまい、管理者の変更に再デプロイが必要です。データベースの `is_admin` 列 (またはロールのテーブル) の方が堅牢です。',
  },
  fix: {
    en: 'Move administrator rights into the database (an is_admin column or roles) and drop ADMIN_USERS; until then, keep the list short and review it at each release.',
    ja: '管理者権限をデータベース (is_admin 列やロール) に移して ADMIN_USERS を廃止してください。それまではリストを最小限にし、リリースごとに見直してください。',
  },
  references: { cwe: ['CWE-269'] },
  check(facts, ctx) {
    for (const v of withRole(facts.envVar, 'admin-users')) {
      const n = listItems(v.value).length;
      ctx.report({
        ...at(v),
        message: { en: `${v.key} grants administrator rights to ${n} user name${n === 1 ? '' : 's'} from the environment`, ja: `${v.key} が環境変数から ${n} 件のユーザー名に管理者権限を与えています` },
        fingerprint: `${v.key} admins`,
      });
    }
  },
});
