import { isSecretName } from '../../lib/secrets.js';
import { defineRule } from '../define.js';

/**
 * Surfaces whose plain-environment secrets another rule already reports: Dockerfile ENV
 * (docker/secret-in-env), systemd Environment= (systemd/secret-in-environment) and ECS task
 * definitions (tf-aws/ecs-secret-in-environment). Env files are files, not a secrets mechanism.
 */
export const OWN_SECRET_RULE: Record<string, string> = {
  dockerfile: 'docker/secret-in-env',
  systemd: 'systemd/secret-in-environment',
  terraform: 'tf-aws/ecs-secret-in-environment',
  dotenv: 'env/*',
};
// compose: literal values are reported by compose/secret-in-environment; this rule keeps the
// interpolated ones (`DB_PASSWORD: ${DB_PASSWORD}`), which are still plain environment in the container.

/** Mechanisms that put a value into the container's plain environment. */
const PLAIN = new Set(['environment', 'k8s-env', 'env']);

export default defineRule({
  id: 'contract/secret-in-plain-environment',
  severity: 'medium',
  facts: ['envContract'],
  title: {
    en: 'Secret passed as plain environment next to a secrets mechanism',
    ja: 'シークレットの仕組みがあるのに秘密値を平文の環境変数で渡している',
  },
  description: {
    en: 'A compose service\'s `environment` (interpolated from the host, `DB_PASSWORD: ${DB_PASSWORD}`; literal values are compose/secret-in-environment\'s) or a Kubernetes container\'s `env[].value` passes a secret-named variable (password, token, API key, secret key …) although the surface has a secrets mechanism. Plain environment is shown by `docker inspect`, `kubectl describe`, crash dumps and process listings, is copied into every container started from the definition, and cannot be rotated or access-controlled separately. Dockerfiles, systemd units and ECS task definitions have their own rules for this (docker/secret-in-env, systemd/secret-in-environment, tf-aws/ecs-secret-in-environment) and are left to them. A value interpolated from the host (`${DB_PASSWORD}`) is not in the repository: reported low, as hardening advice. Deliberately not reported: DSNs (`SENTRY_DSN`): a client key apps embed, even in browsers.',
    ja: 'compose サービスの `environment` (ホストから変数展開した値 `DB_PASSWORD: ${DB_PASSWORD}`。リテラルは compose/secret-in-environment の対象) や Kubernetes コンテナーの `env[].value` が、秘密値を示す名前の変数 (password、token、API キー、secret key など) を平文で渡しています。その設定ファイルにはシークレットの仕組みがあります。平文の環境変数は `docker inspect`、`kubectl describe`、クラッシュダンプ、プロセス一覧に表示され、その定義から起動するすべてのコンテナーにコピーされ、個別にローテーションやアクセス制御ができません。Dockerfile、systemd ユニット、ECS タスク定義には専用のルール (docker/secret-in-env、systemd/secret-in-environment、tf-aws/ecs-secret-in-environment) があるため対象外です。ホストから変数展開した値 (`${DB_PASSWORD}`) はリポジトリにないため、強化の助言として low で報告します。意図的に報告しないもの: DSN (`SENTRY_DSN` など)。ブラウザーにも埋め込まれるクライアントキーです。',
  },
  fix: {
    en: 'compose: declare the secret under top-level `secrets:` (from a file or the environment), grant it to the service with `secrets: [db_password]`, and have the app read `/run/secrets/db_password` (or use the image\'s `*_FILE` convention). Kubernetes: put it in a Secret and use `valueFrom.secretKeyRef` (or an external secrets operator).',
    ja: 'compose: トップレベルの `secrets:` に秘密値を宣言し (ファイルまたは環境変数から)、サービスに `secrets: [db_password]` で渡して、アプリから `/run/secrets/db_password` を読みます (イメージの `*_FILE` 規約を使う方法もあります)。Kubernetes: Secret に入れ、`valueFrom.secretKeyRef` で参照します (外部シークレットのオペレーターも使えます)。',
  },
  references: { cwe: ['CWE-526', 'CWE-312'] },
  check(facts, ctx) {
    for (const c of facts.envContract) {
      for (const s of c.surfaces) {
        if (OWN_SECRET_RULE[s.fact] || !s.hasSecretMechanism) continue;
        for (const p of s.provides) {
          if (p.viaSecretStore || !PLAIN.has(p.mechanism) || !isSecretName(p.name)) continue;
          // A DSN (Sentry …) is a client key apps embed, even in browsers: not a secret to hide from `docker inspect`.
          if (/(^|_)DSN$/i.test(p.name)) continue;
          if (p.value !== undefined && p.value.trim() === '') continue;
          // compose literals are compose/secret-in-environment's (critical); interpolated values are ours
          if (s.fact === 'compose' && p.value !== undefined) continue;
          const interpolated = p.value === undefined;
          ctx.report({
            file: p.file,
            line: p.line,
            column: p.column,
            key: p.name,
            // Interpolated from the host, the value is not in the repository: hardening advice, low.
            severity: interpolated ? 'low' : undefined,
            message: {
              en: `${p.name} is passed as plain environment in ${s.label}${interpolated ? ' (interpolated, still visible in the container\'s environment)' : ''}: use the surface's secrets mechanism`,
              ja: `${s.label} で ${p.name} を平文の環境変数として渡しています${interpolated ? ' (変数展開でも、コンテナーの環境変数としては見えます)' : ''}: シークレットの仕組みを使ってください`,
            },
            secrets: p.value ? [p.value] : undefined,
          });
        }
      }
    }
  },
});
