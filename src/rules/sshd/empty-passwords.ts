import { parseBoolean } from '../../lib/values.js';
import { defineRule } from '../define.js';
import { judgeKeyword } from './_shared.js';

export default defineRule({
  id: 'sshd/empty-passwords',
  severity: 'high',
  facts: ['sshd'],
  title: {
    en: 'SSH allows accounts with empty passwords (PermitEmptyPasswords yes)',
    ja: 'SSH で空パスワードのアカウントを許可している (PermitEmptyPasswords yes)',
  },
  description: {
    en: 'With PermitEmptyPasswords yes, any account whose password is empty — service accounts, freshly created users — can be logged into over SSH by anyone who knows its name, with no credential at all.',
    ja: 'PermitEmptyPasswords yes では、パスワードが空のアカウント（サービスアカウントや作成直後のユーザーなど）に、名前を知っている誰もが認証情報なしで SSH ログインできます。',
  },
  fix: {
    en: 'Set `PermitEmptyPasswords no` (the default) or remove the line.',
    ja: '`PermitEmptyPasswords no`（既定値）にするか、その行を削除します。',
  },
  references: { cwe: ['CWE-258', 'CWE-521'] },
  check(facts, ctx) {
    for (const cfg of facts.sshd) {
      judgeKeyword(
        cfg,
        {
          keyword: 'PermitEmptyPasswords',
          bad: (v) => parseBoolean(v) === true,
          severity: 'high',
          message: (d, where) => ({ en: `PermitEmptyPasswords ${d.value} ${where.en}: accounts without a password can log in`, ja: `${where.ja} PermitEmptyPasswords ${d.value} です: パスワードのないアカウントでログインできます` }),
        },
        ctx,
      );
    }
  },
});
