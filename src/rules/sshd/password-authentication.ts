import { effective } from '../../facts/sshd.js';
import { parseBoolean } from '../../lib/values.js';
import { defineRule } from '../define.js';
import { judgeKeyword } from './_shared.js';

const yes = (v: string) => parseBoolean(v) === true;

export default defineRule({
  id: 'sshd/password-authentication',
  severity: 'high',
  facts: ['sshd'],
  title: {
    en: 'SSH accepts passwords (PasswordAuthentication)',
    ja: 'SSH がパスワード認証を受け付ける (PasswordAuthentication)',
  },
  description: {
    en: "An SSH server reachable from the internet that accepts passwords is brute-forced around the clock; one weak or reused password is a shell on the server. OpenSSH's default is PasswordAuthentication yes, and with UsePAM yes keyboard-interactive authentication asks for the same password. Production servers should accept keys only.",
    ja: 'インターネットから到達できる SSH サーバーがパスワードを受け付けると、昼夜を問わず総当たり攻撃を受け、弱いパスワードや使い回しのパスワードが 1 つあればサーバーのシェルを奪われます。OpenSSH の既定値は PasswordAuthentication yes で、UsePAM yes のときは keyboard-interactive 認証でも同じパスワードが聞かれます。本番サーバーは鍵認証だけにすべきです。',
  },
  fix: {
    en: 'Set `PasswordAuthentication no` and `KbdInteractiveAuthentication no` (before any Include, or in a drop-in that sorts first, e.g. sshd_config.d/00-hardening.conf), make sure your key works in a second session, then `sshd -t && systemctl reload ssh`.',
    ja: '`PasswordAuthentication no` と `KbdInteractiveAuthentication no` を設定し（Include より前、または先に読まれるドロップイン、例: sshd_config.d/00-hardening.conf）、別のセッションで鍵でログインできることを確認してから `sshd -t && systemctl reload ssh` を実行します。',
  },
  references: { cwe: ['CWE-307', 'CWE-287'] },
  check(facts, ctx) {
    for (const cfg of facts.sshd) {
      judgeKeyword(
        cfg,
        {
          keyword: 'PasswordAuthentication',
          bad: yes,
          unsafeDefault: 'yes',
          severity: 'high',
          message: (d, where) => ({ en: `PasswordAuthentication ${d.value} ${where.en}: SSH accepts passwords`, ja: `${where.ja} PasswordAuthentication ${d.value} です: SSH がパスワードを受け付けます` }),
          unsetMessage: (ext) =>
            ext.length
              ? {
                  en: `PasswordAuthentication is not set here; included files outside the repository (${ext.join(', ')}) decide, and OpenSSH's default is yes`,
                  ja: `PasswordAuthentication がここでは設定されていません。リポジトリ外の include ファイル (${ext.join(', ')}) 次第で、OpenSSH の既定値は yes です`,
                }
              : { en: "PasswordAuthentication is not set: OpenSSH's default is yes, so SSH accepts passwords", ja: 'PasswordAuthentication が設定されていません: OpenSSH の既定値は yes のため、SSH がパスワードを受け付けます' },
        },
        ctx,
      );
      // Keyboard-interactive through PAM asks for the same password.
      const pam = effective(cfg, 'UsePAM');
      if (pam && yes(pam.value)) {
        for (const kw of ['KbdInteractiveAuthentication', 'ChallengeResponseAuthentication']) {
          judgeKeyword(
            cfg,
            {
              keyword: kw,
              bad: yes,
              severity: 'medium',
              message: (d, where) => ({
                en: `${d.keyword} ${d.value} with UsePAM yes ${where.en}: PAM asks for the account password, so passwords are accepted even with PasswordAuthentication no`,
                ja: `${where.ja} UsePAM yes と ${d.keyword} ${d.value} の組み合わせです: PAM がアカウントのパスワードを聞くため、PasswordAuthentication no でもパスワードが通ります`,
              }),
            },
            ctx,
          );
        }
      }
    }
  },
});
