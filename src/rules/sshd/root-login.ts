import { defineRule } from '../define.js';
import { judgeKeyword } from './_shared.js';

export default defineRule({
  id: 'sshd/root-login',
  severity: 'high',
  facts: ['sshd'],
  title: {
    en: 'SSH allows root to log in with a password (PermitRootLogin yes)',
    ja: 'SSH で root のパスワードログインを許可している (PermitRootLogin yes)',
  },
  description: {
    en: 'PermitRootLogin yes lets anyone who guesses or steals the root password — the one account name every attacker tries — log straight in as root, and leaves no trace of which person did. prohibit-password (OpenSSH\'s default since 7.0) still allows root with a key; "no" with sudo from personal accounts is better.',
    ja: 'PermitRootLogin yes では、root のパスワード（攻撃者が必ず試すアカウント名です）を推測または窃取した誰もが直接 root でログインでき、誰が操作したかの記録も残りません。prohibit-password（OpenSSH 7.0 以降の既定値）なら root は鍵でのみログインでき、個人アカウントからの sudo と "no" の組み合わせがさらに望ましい設定です。',
  },
  fix: {
    en: 'Set `PermitRootLogin no` (or `prohibit-password` if automation needs root with a key) and use personal accounts with sudo.',
    ja: '`PermitRootLogin no`（自動化で root の鍵ログインが必要なら `prohibit-password`）を設定し、個人アカウントと sudo を使います。',
  },
  references: { cwe: ['CWE-250', 'CWE-307'] },
  check(facts, ctx) {
    for (const cfg of facts.sshd) {
      judgeKeyword(
        cfg,
        {
          keyword: 'PermitRootLogin',
          bad: (v) => v.toLowerCase() === 'yes',
          severity: 'high',
          message: (d, where) => ({ en: `PermitRootLogin ${d.value} ${where.en}: root can log in with a password`, ja: `${where.ja} PermitRootLogin ${d.value} です: root がパスワードでログインできます` }),
        },
        ctx,
      );
    }
  },
});
