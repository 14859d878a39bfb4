import { isPlaceholder, weakSecretReason } from '../../lib/secrets.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'systemd/committed-env-file',
  severity: 'medium',
  facts: ['systemd'],
  title: {
    en: 'EnvironmentFile= points to a file committed in the repository',
    ja: 'EnvironmentFile= がリポジトリにコミットされたファイルを指している',
  },
  description: {
    en: 'The unit reads its environment from a file that is part of the repository (e.g. the deployed checkout\'s .env.production). Whatever secrets that file holds are in git history and on every clone, and a `git pull` on the server silently changes production configuration. Production environment files belong outside the checkout, mode 600, owned by root.',
    ja: 'ユニットが環境変数を、リポジトリの一部であるファイル（デプロイしたチェックアウト内の .env.production など）から読み込んでいます。そのファイルの秘密値は git の履歴とすべてのクローンに残り、サーバーでの `git pull` が本番設定を黙って変えてしまいます。本番の環境変数ファイルはチェックアウトの外に置き、mode 600・root 所有にします。',
  },
  fix: {
    en: 'Move the file out of the repository (e.g. `/etc/myapp/env`, `chmod 600`, `chown root:root`), point EnvironmentFile= there, remove the file from git (`git rm --cached`, add it to .gitignore) and rotate any secret it held.',
    ja: 'ファイルをリポジトリの外へ移し（例: `/etc/myapp/env`、`chmod 600`、`chown root:root`）、EnvironmentFile= をそこに向け、git から削除（`git rm --cached`、.gitignore へ追加）し、含まれていた秘密値をローテーションします。',
  },
  references: { cwe: ['CWE-538', 'CWE-312'] },
  check(facts, ctx) {
    for (const unit of facts.systemd) {
      for (const ref of unit.environmentFiles) {
        if (!ref.repoPath || ref.repoGitIgnored) continue;
        // Secret-like keys with real-looking values (placeholders leak nothing).
        const secrets = (ref.secretKeys ?? []).filter((k) =>
          unit.provides.some((p) => p.file === ref.repoPath && p.name === k && p.value && !isPlaceholder(p.value) && weakSecretReason(p.value) !== 'placeholder'),
        );
        ctx.report({
          file: ref.file ?? unit.file,
          line: ref.line,
          column: ref.column,
          severity: secrets.length ? 'high' : 'medium',
          message: secrets.length
            ? {
                en: `EnvironmentFile= ${ref.path} is ${ref.repoPath} in the repository, committed with secret-like keys (${secrets.join(', ')})`,
                ja: `EnvironmentFile= ${ref.path} はリポジトリの ${ref.repoPath} で、秘密値らしきキー (${secrets.join(', ')}) を含んだままコミットされています`,
              }
            : {
                en: `EnvironmentFile= ${ref.path} is ${ref.repoPath} in the repository: production configuration is committed and changes with every git pull`,
                ja: `EnvironmentFile= ${ref.path} はリポジトリの ${ref.repoPath} です: 本番設定がコミットされ、git pull のたびに変わります`,
              },
        });
      }
    }
  },
});
