import type { DotenvFile } from '../../facts/dotenv.js';
import { isSecretName, weakSecretReason } from '../../lib/secrets.js';
import { defineRule } from '../define.js';
import { effectiveEntries, isFileReferenceKey, isReference, isSettingValue } from './_util.js';
import { urlCredentials } from '../../lib/url.js';

function holdsSecrets(f: DotenvFile): string[] {
  const keys: string[] = [];
  for (const e of effectiveEntries(f)) {
    const v = e.value.trim();
    if (!v || isReference(v) || isFileReferenceKey(e.key)) continue;
    const cred = urlCredentials(v);
    if ((isSecretName(e.key) && !isSettingValue(v) && weakSecretReason(v) !== 'placeholder') || (cred && !/\$\{?[A-Za-z_]/.test(cred.password))) keys.push(e.key);
  }
  return keys;
}

export default defineRule({
  id: 'env/world-readable-file',
  severity: 'medium',
  environments: ['production', 'staging'],
  facts: ['dotenv'],
  title: {
    en: 'Env file with secrets is readable by every user',
    ja: '秘密値を含む env ファイルを全ユーザーが読める',
  },
  description: {
    en: 'An env file named for the target environment (`.env.production`, `env/production/*.env`) that holds secret values has permissions that let every local user (and every process running as another user) read it — typically 644 from a default umask. On the server, the file should be readable only by the service account: mode 600 (or 640 with the service group).',
    ja: '秘密値を含む、ターゲット環境名の付いた env ファイル (`.env.production`、`env/production/*.env`) が、ローカルの全ユーザー (と別ユーザーで動くすべてのプロセス) から読めるパーミッションになっています (既定の umask による 644 が典型です)。サーバー上ではサービスアカウントだけが読めるように、モード 600 (またはサービスのグループに 640) にしてください。',
  },
  fix: {
    en: 'Run `chmod 600 <file>` and `chown <service-user> <file>`; in a Dockerfile use `COPY --chmod=600 --chown=app:app`.',
    ja: '`chmod 600 <file>` と `chown <サービスユーザー> <file>` を実行してください。Dockerfile では `COPY --chmod=600 --chown=app:app` を使います。',
  },
  references: { cwe: ['CWE-732', 'CWE-276'] },
  check(facts, ctx) {
    for (const f of facts.dotenv) {
      // Files named for the target environment (the shared `.env` is usually a developer's file).
      if (f.environment !== ctx.environment || f.mode === undefined || (f.mode & 0o004) === 0) continue;
      const keys = holdsSecrets(f);
      if (!keys.length) continue;
      ctx.report({
        file: f.file,
        line: 1,
        column: 1,
        fingerprint: `${f.file} mode`,
        message: {
          en: `${f.file} holds ${keys.length} secret value${keys.length > 1 ? 's' : ''} and is readable by every user (mode ${(f.mode & 0o777).toString(8).padStart(3, '0')})`,
          ja: `${f.file} は ${keys.length} 個の秘密値を含み、全ユーザーが読めます (モード ${(f.mode & 0o777).toString(8).padStart(3, '0')})`,
        },
        fix: {
          en: `chmod 600 ${f.file} (and chown it to the service user).`,
          ja: `chmod 600 ${f.file} を実行してください (所有者もサービスユーザーにします)。`,
        },
      });
    }
  },
});
