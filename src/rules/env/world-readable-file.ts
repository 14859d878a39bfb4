import { octalMode } from '../../lib/file-mode.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'env/world-readable-file',
  severity: 'high',
  environments: ['production', 'staging'],
  command: ['scan', 'env'],
  facts: ['envFile'],
  title: {
    en: 'Env file readable by other users',
    ja: 'env ファイルを他のユーザーが読める',
  },
  description: {
    en: 'An env file the target environment loads has permissions that let other local users (its group, or everyone) read it — typically 644 from a default umask. High when it holds secret values, low otherwise. On the server, the file should be readable only by the service account: mode 600 (or 640 with the service group). `honban scan` judges the env files of the repository and `honban env` the resolved environment (every layer, secrets and the process environment included): both report this one id, which replaces env/readable-env-file.',
    ja: 'ターゲット環境が読み込む env ファイルが、ローカルの他のユーザー (グループ、または全員) から読めるパーミッションになっています (既定の umask による 644 が典型です)。秘密値を含む場合は high、含まない場合は low です。サーバー上ではサービスアカウントだけが読めるように、モード 600 (またはサービスのグループに 640) にしてください。 `honban scan` はリポジトリの env ファイルを、`honban env` は解決後の環境 (すべてのレイヤー、シークレット、プロセス環境変数を含む) を判定し、どちらもこの 1 つの ID で報告します (env/readable-env-file はこの ID に統合されました)。',
  },
  fix: {
    en: 'Run `chmod 600 <file>` and `chown <service-user> <file>`; in a Dockerfile use `COPY --chmod=600 --chown=app:app`.',
    ja: '`chmod 600 <file>` と `chown <サービスユーザー> <file>` を実行してください。Dockerfile では `COPY --chmod=600 --chown=app:app` を使います。',
  },
  references: { cwe: ['CWE-732', 'CWE-276'] },
  check(facts, ctx) {
    for (const f of facts.envFile) {
      // Group or other bits: only the service account should read an env file.
      if (f.mode === undefined || (f.mode & 0o077) === 0) continue;
      const mode = octalMode(f.mode);
      const who = f.mode & 0o007 ? { en: 'every user', ja: 'すべてのユーザー' } : { en: 'its group', ja: 'グループ' };
      const holds = f.secretCount ? { en: `; it holds ${f.secretCount} secret value${f.secretCount === 1 ? '' : 's'}`, ja: `。秘密値を ${f.secretCount} 件含みます` } : { en: '', ja: '' };
      ctx.report({
        file: f.file,
        // Without secrets a wide mode is hygiene, not a leak.
        severity: f.secretCount ? undefined : 'low',
        message: {
          en: `${f.file} has mode ${mode}: readable by ${who.en}${holds.en}`,
          ja: `${f.file} のモードが ${mode} で、${who.ja}が読めます${holds.ja}`,
        },
        fix: { en: `chmod 600 ${f.file} (and chown it to the service user).`, ja: `chmod 600 ${f.file} を実行してください (所有者もサービスユーザーにしてください)。` },
        fingerprint: `${f.file} mode`,
      });
    }
  },
});
