import { isSecretName } from '../../lib/secrets.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'docker/secret-build-arg',
  severity: 'high',
  facts: ['dockerfile'],
  title: { en: 'Secret passed through a build argument or copied into ENV', ja: 'シークレットをビルド引数で渡している、または ENV にコピーしている' },
  description: {
    en: 'An ARG named like a secret (`ARG NPM_TOKEN`, `ARG DB_PASSWORD`) receives its value from `docker build --build-arg`, or an ENV copies a variable into a secret-named key (`ENV API_KEY=$API_KEY`). Build arguments are recorded in the image history and the build cache, and ENV values are stored in the image configuration: whoever can pull the image can read the secret with `docker history` / `docker inspect`, even though the Dockerfile itself holds no value.',
    ja: 'シークレットらしい名前の ARG (`ARG NPM_TOKEN`、`ARG DB_PASSWORD`) が `docker build --build-arg` から値を受け取っているか、ENV が変数をシークレット名のキーにコピーしています (`ENV API_KEY=$API_KEY`)。ビルド引数はイメージ履歴とビルドキャッシュに記録され、ENV の値はイメージ設定に保存されます。Dockerfile 自体に値がなくても、イメージを pull できる人は `docker history` / `docker inspect` でシークレットを読めます。',
  },
  fix: {
    en: 'Use a BuildKit secret mount for build-time secrets: `RUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci` built with `docker build --secret id=npm_token,env=NPM_TOKEN .`; pass runtime secrets to the container when it starts, never through the image.',
    ja: 'ビルド時のシークレットは BuildKit のシークレットマウントを使ってください: `RUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci` を `docker build --secret id=npm_token,env=NPM_TOKEN .` でビルドします。実行時のシークレットはイメージ経由ではなく、コンテナ起動時に渡してください。',
  },
  references: { cwe: ['CWE-522', 'CWE-538'], equivalents: ['BuildKit SecretsUsedInArgOrEnv'] },
  check(facts, ctx) {
    for (const f of facts.dockerfile) {
      // A global ARG (before FROM) only parameterizes FROM lines; its value reaches a build step only when a stage redeclares it.
      const globals = new Set(f.globalArgs.map((a) => a.key));
      for (const st of f.stages) {
        for (const arg of st.args) {
          if (!isSecretName(arg.key) || (arg.value !== undefined && !arg.hasReference)) continue;
          ctx.report({
            file: f.file,
            line: arg.line,
            column: arg.column,
            key: arg.key,
            message: {
              en: `ARG ${arg.key} ${globals.has(arg.key) ? 'brings a secret build argument into this stage' : 'takes a secret as a build argument'}: its value is recorded in the image history and build cache`,
              ja: `ARG ${arg.key} ${globals.has(arg.key) ? 'がシークレットのビルド引数をこのステージに取り込みます' : 'はシークレットをビルド引数で受け取ります'}。値はイメージ履歴とビルドキャッシュに記録されます`,
            },
          });
        }
        for (const env of st.env) {
          if (!isSecretName(env.key) || !env.hasReference) continue;
          ctx.report({
            file: f.file,
            line: env.line,
            column: env.column,
            key: env.key,
            message: {
              en: `ENV ${env.key} copies ${env.references.map((r) => '$' + r).join(', ')} into the image configuration: the secret is readable with docker inspect by anyone who can pull the image`,
              ja: `ENV ${env.key} は ${env.references.map((r) => '$' + r).join(', ')} をイメージ設定にコピーします。イメージを pull できる人は誰でも docker inspect でシークレットを読めます`,
            },
            fix: {
              en: `Remove \`ENV ${env.key}\`; give ${env.key} to the container at run time (orchestrator secret, env file, /run/secrets).`,
              ja: `\`ENV ${env.key}\` を削除し、${env.key} は実行時にコンテナへ渡してください（オーケストレーターのシークレット、env ファイル、/run/secrets）。`,
            },
          });
        }
      }
    }
  },
});
