import { isPlaceholder, isSecretName, weakSecretReason } from '../../lib/secrets.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'systemd/secret-in-environment',
  severity: 'high',
  scope: 'all',
  facts: ['systemd'],
  title: {
    en: 'Secret written in a unit file (Environment=)',
    ja: 'ユニットファイルに秘密値が書かれている (Environment=)',
  },
  description: {
    en: 'Environment= values live in the unit file: in the repository and its history, world-readable under /etc/systemd/system, and printed by `systemctl show` to any local user. A secret there is leaked to everyone who can read either. systemd has two proper places: an EnvironmentFile= readable only by root (mode 600), or LoadCredential= / SetCredentialEncrypted= (the secret appears as a file in $CREDENTIALS_DIRECTORY).',
    ja: 'Environment= の値はユニットファイルに残ります。リポジトリとその履歴、誰でも読める /etc/systemd/system、そして任意のローカルユーザーが実行できる `systemctl show` の出力です。ここに書いた秘密値は、そのどれかを読める全員に漏れています。systemd には適切な置き場所が 2 つあります: root だけが読める (mode 600) EnvironmentFile=、または LoadCredential= / SetCredentialEncrypted=（秘密値は $CREDENTIALS_DIRECTORY のファイルとして渡されます）。',
  },
  fix: {
    en: 'Rotate the secret, remove it from Environment=, and provide it through `EnvironmentFile=/etc/myapp/env` (chmod 600, owned by root, not in git) or `LoadCredential=api_key:/etc/myapp/credentials/api_key`.',
    ja: '秘密値をローテーションし、Environment= から削除して、`EnvironmentFile=/etc/myapp/env`（chmod 600、root 所有、git 管理外）または `LoadCredential=api_key:/etc/myapp/credentials/api_key` で渡します。',
  },
  references: { cwe: ['CWE-798', 'CWE-312'] },
  check(facts, ctx) {
    for (const unit of facts.systemd) {
      for (const p of unit.provides) {
        if (p.mechanism !== 'Environment=' || !p.value || !isSecretName(p.name)) continue;
        // References are not literals: ${OTHER}, $OTHER, %d/credential (specifiers).
        if (/^\$\{?[A-Za-z_]/.test(p.value) || /^%[a-zA-Z]/.test(p.value)) continue;
        const weak = weakSecretReason(p.value);
        const placeholder = isPlaceholder(p.value) || weak === 'placeholder' || weak === 'well-known';
        if (placeholder) {
          // A placeholder leaks nothing; it matters only where the unit is deployed.
          if (!ctx.judges(unit.environment)) continue;
          ctx.report({
            file: p.file,
            line: p.line,
            column: p.column,
            key: p.name,
            severity: 'medium',
            secrets: [p.value],
            message: {
              en: `Environment= sets ${p.name} to a placeholder or default value: the service starts with a credential that does not work or that anyone can guess`,
              ja: `Environment= で ${p.name} にプレースホルダーまたは既定値が設定されています: サービスは使えない、または誰でも推測できる認証情報で起動します`,
            },
          });
          continue;
        }
        ctx.report({
          file: p.file,
          line: p.line,
          column: p.column,
          key: p.name,
          secrets: [p.value],
          message: {
            en: `Environment= holds the secret ${p.name} (${p.value.length} characters) in the unit file`,
            ja: `ユニットファイルの Environment= に秘密値 ${p.name}（${p.value.length} 文字）が書かれています`,
          },
        });
      }
    }
  },
});
