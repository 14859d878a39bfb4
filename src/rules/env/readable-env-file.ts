import { defineRule } from '../define.js';

export default defineRule({
  id: 'env/readable-env-file',
  severity: 'high',
  command: 'env',
  environments: ['production', 'staging'],
  facts: ['envFile'],
  title: {
    en: 'Env file readable by group or others',
    ja: 'env ファイルがグループや他のユーザーから読める',
  },
  description: {
    en: 'An env file of the target environment has a mode wider than 600: other accounts on the server (a compromised worker, a shared deploy user, backup agents) can read the secrets in it. Checked on the files as they are on disk where honban runs — run `honban env` on the server, as the deploy step does.',
    ja: '対象環境の env ファイルのパーミッションが 600 より広く、サーバー上の他のアカウント (乗っ取られたワーカー、共用のデプロイユーザー、バックアップエージェントなど) が中の秘密値を読めます。honban を実行した場所のディスク上のファイルを検査します。デプロイ手順と同じくサーバー上で `honban env` を実行してください。',
  },
  fix: {
    en: 'Restrict the file to its owner: `chmod 600 <file>` and `chown <service-user> <file>` (systemd reads EnvironmentFile= as root, so the service user does not even need read access).',
    ja: '所有者だけが読めるようにしてください: `chmod 600 <ファイル>` と `chown <サービスユーザー> <ファイル>`。systemd の EnvironmentFile= は root で読まれるため、サービスユーザーに読み取り権限すら不要な場合もあります。',
  },
  references: { cwe: ['CWE-732', 'CWE-276'] },
  check(facts, ctx) {
    for (const f of facts.envFile) {
      if (f.mode === undefined || (f.mode & 0o077) === 0) continue;
      const mode = (f.mode & 0o777).toString(8).padStart(3, '0');
      const who = f.mode & 0o007 ? { en: 'every user', ja: 'すべてのユーザー' } : { en: 'its group', ja: 'グループ' };
      const holds = f.secretCount ? { en: `; it holds ${f.secretCount} secret value${f.secretCount === 1 ? '' : 's'}`, ja: `。秘密値を ${f.secretCount} 件含みます` } : { en: '', ja: '' };
      ctx.report({
        file: f.file,
        severity: f.secretCount ? undefined : 'low',
        message: {
          en: `${f.file} has mode ${mode}: readable by ${who.en}${holds.en}`,
          ja: `${f.file} のパーミッションが ${mode} で、${who.ja}から読めます${holds.ja}`,
        },
        fix: { en: `chmod 600 ${f.file} (and chown it to the service user).`, ja: `chmod 600 ${f.file} を実行してください (所有者もサービスユーザーにしてください)。` },
        fingerprint: `${f.file} mode`,
      });
    }
  },
});
