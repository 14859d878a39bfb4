import { tokenFormatOf } from '../../lib/secrets.js';
import { type DockerKeyValue } from '../../facts/dockerfile.js';
import { isPlaceholder, isSecretName, weakSecretReason } from '../../lib/secrets.js';
import { defineRule } from '../define.js';
import { notASecretValue } from '../../lib/secrets.js';

export default defineRule({
  id: 'docker/secret-in-env',
  severity: 'critical',
  // A real credential committed in Dockerfile.dev is leaked too; weak development values there are not judged.
  scope: 'all',
  facts: ['dockerfile'],
  title: { en: 'Secret written into the Dockerfile (ENV / ARG)', ja: 'Dockerfile にシークレットが直書きされている (ENV / ARG)' },
  description: {
    en: 'An ENV or ARG holds a literal secret: a key named like a password / token / secret key with a real value, or a value in a known credential format (AWS access key, GitHub / GitLab / Slack / Stripe / OpenAI token, private key, URL with an inline password). It is committed with the Dockerfile, and baked into the image: ENV is in the image configuration of every container (`docker inspect`), ARG defaults are recorded in the layer history (`docker history`). Anyone who can pull the image or read the repository has it, and rotating it means rebuilding every image. A placeholder ENV value (`changeme`) is reported too: the container runs with it whenever the real value is not injected. In a Dockerfile of another environment (Dockerfile.dev) only real-looking credentials are reported.',
    ja: 'ENV または ARG にシークレットが直接書かれています（パスワード・トークン・シークレットキーのような名前に実際の値、または AWS アクセスキー、GitHub / GitLab / Slack / Stripe / OpenAI のトークン、秘密鍵、パスワード入り URL などの既知の形式の値）。Dockerfile と一緒にリポジトリへコミットされるうえ、イメージにも焼き込まれます。ENV はすべてのコンテナのイメージ設定に残り (`docker inspect`)、ARG のデフォルト値はレイヤー履歴に記録されます (`docker history`)。イメージを pull できる人、リポジトリを読める人は誰でも入手でき、ローテーションにはすべてのイメージの再ビルドが必要です。ENV のプレースホルダー値 (`changeme` など) も、本物の値が注入されなければそのまま使われるため報告します。他の環境の Dockerfile (Dockerfile.dev など) では、本物らしい認証情報だけを報告します。',
  },
  fix: {
    en: 'Remove the value from the Dockerfile and rotate it. Inject runtime secrets when the container starts (orchestrator secrets, `docker run --env-file`, Docker / Kubernetes secrets mounted under /run/secrets); for build-time secrets use `RUN --mount=type=secret,id=npm_token …` with `docker build --secret id=npm_token,env=NPM_TOKEN`.',
    ja: 'Dockerfile から値を削除し、そのシークレットはローテーションしてください。実行時のシークレットはコンテナ起動時に注入します（オーケストレーターのシークレット、`docker run --env-file`、/run/secrets にマウントする Docker / Kubernetes シークレット）。ビルド時に必要なものは `RUN --mount=type=secret,id=npm_token …` と `docker build --secret id=npm_token,env=NPM_TOKEN` を使います。',
  },
  references: { cwe: ['CWE-798', 'CWE-538'], equivalents: ['BuildKit SecretsUsedInArgOrEnv'] },
  check(facts, ctx) {
    for (const f of facts.dockerfile) {
      const judged = ctx.judges(f.environment);
      const all: DockerKeyValue[] = [...f.globalArgs, ...f.stages.flatMap((s) => [...s.args, ...s.env])];
      for (const kv of all) {
        const value = kv.value;
        if (value === undefined || kv.hasReference || notASecretValue(kv.key, value)) continue;
        const line = kv.line;
        const column = kv.column;
        const format = tokenFormatOf(value);
        if (isSecretName(kv.key)) {
          const weak = weakSecretReason(value);
          // Outside the target environment only strong, real-looking values count (a leak).
          if (!judged && weak !== undefined && !format) continue;
          if (isPlaceholder(value) || weak === 'placeholder' || weak === 'well-known') {
            // A placeholder ARG only exists during the build; a placeholder ENV is what runs.
            if (kv.instruction === 'ARG' && !format) continue;
            ctx.report({
              file: f.file,
              line,
              column,
              severity: 'high',
              key: kv.key,
              secrets: [value],
              message: {
                en: `ENV ${kv.key} sets a placeholder / well-known default value in the image: containers run with it whenever the real secret is not injected`,
                ja: `ENV ${kv.key} にプレースホルダー／既知のデフォルト値が設定されています。本物のシークレットが注入されないと、コンテナはこの値のまま動作します`,
              },
              fix: {
                en: `Delete the default: \`ENV ${kv.key}\` must not exist in the image; inject the real value at run time and make the app refuse to start without it.`,
                ja: `デフォルト値を削除してください。\`ENV ${kv.key}\` はイメージに含めず、実行時に本物の値を注入し、値がなければアプリが起動を拒否するようにします。`,
              },
            });
            continue;
          }
          ctx.report({
            file: f.file,
            line,
            column,
            key: kv.key,
            secrets: [value],
            message: {
              en: `${kv.instruction} ${kv.key} holds a literal secret (${value.length} characters): it is committed with the Dockerfile and ${kv.instruction === 'ENV' ? 'stored in the image configuration (docker inspect)' : 'recorded in the image history (docker history)'}`,
              ja: `${kv.instruction} ${kv.key} にシークレットが直接書かれています (${value.length} 文字)。Dockerfile と一緒にコミットされ、${kv.instruction === 'ENV' ? 'イメージ設定に保存されます (docker inspect)' : 'イメージ履歴に記録されます (docker history)'}`,
            },
          });
        } else if (format) {
          ctx.report({
            file: f.file,
            line,
            column,
            key: kv.key,
            secrets: [value],
            message: {
              en: `${kv.instruction} ${kv.key} holds what looks like a ${format} (${value.length} characters): it is committed with the Dockerfile and baked into the image`,
              ja: `${kv.instruction} ${kv.key} の値が ${format} の形式です (${value.length} 文字)。Dockerfile と一緒にコミットされ、イメージに焼き込まれます`,
            },
          });
        }
      }
    }
  },
});
