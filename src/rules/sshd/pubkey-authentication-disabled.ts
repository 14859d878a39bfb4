import { parseBoolean } from '../../lib/values.js';
import { defineRule } from '../define.js';
import { judgeKeyword } from './_shared.js';

export default defineRule({
  id: 'sshd/pubkey-authentication-disabled',
  severity: 'medium',
  facts: ['sshd'],
  title: {
    en: 'SSH key authentication is switched off (PubkeyAuthentication no)',
    ja: 'SSH の鍵認証が無効になっている (PubkeyAuthentication no)',
  },
  description: {
    en: 'The checklist sets up public-key authentication and then disables passwords. With PubkeyAuthentication no, keys are refused: either passwords are still the way in (brute-forceable), or, once passwords are off too, nobody can log in at all.',
    ja: 'チェックリストは公開鍵認証を設定してからパスワード認証を無効にします。PubkeyAuthentication no では鍵が拒否され、パスワードが入口のまま (総当たり可能) になるか、パスワードも無効にした時点で誰もログインできなくなります。',
  },
  fix: {
    en: 'Set `PubkeyAuthentication yes` (the default) or remove the line; install keys in ~/.ssh/authorized_keys and test a key login before disabling passwords.',
    ja: '`PubkeyAuthentication yes` (既定値) にするか行を削除し、~/.ssh/authorized_keys に鍵を入れて、パスワードを無効にする前に鍵でログインできることを確認します。',
  },
  references: { cwe: ['CWE-287'] },
  check(facts, ctx) {
    for (const cfg of facts.sshd) {
      judgeKeyword(
        cfg,
        {
          keyword: 'PubkeyAuthentication',
          bad: (v) => parseBoolean(v) === false,
          severity: 'medium',
          message: (d, where) => ({ en: `PubkeyAuthentication ${d.value} ${where.en}: SSH refuses keys`, ja: `${where.ja} PubkeyAuthentication ${d.value} です: SSH が鍵を拒否します` }),
        },
        ctx,
      );
    }
  },
});
