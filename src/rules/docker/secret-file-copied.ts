import { globMatcher } from '../../lib/glob.js';
import { sensitiveFileKind } from '../../lib/secrets.js';
import type { ContextEntry } from '../../facts/dockerfile.js';
import type { Localized } from '../../contracts/types.js';
import { defineRule } from '../define.js';
import { shippedStages } from '../../facts/docker-stages.js';
import { stageName } from './_common.js';

const WHAT: Record<ContextEntry['what'], Localized> = {
  'env-file': { en: 'an env file', ja: 'env ファイル' },
  'private-key': { en: 'a private key', ja: '秘密鍵' },
  credentials: { en: 'a credentials file', ja: '認証情報ファイル' },
  git: { en: 'the git repository', ja: 'git リポジトリ' },
  venv: { en: 'a virtualenv', ja: 'virtualenv' },
  node_modules: { en: 'node_modules', ja: 'node_modules' },
};


export default defineRule({
  id: 'docker/secret-file-copied',
  severity: 'critical',
  facts: ['dockerfile'],
  title: { en: 'Secret file copied into the image', ja: 'シークレットファイルをイメージにコピーしている' },
  description: {
    en: 'A COPY or ADD names an env file (`.env`, `.env.production`), a private key (`*.pem`, `id_rsa`) or a credentials file (`.npmrc`, `.netrc`, `credentials.json`, `.aws/credentials`). Its contents become part of an image layer: anyone who can pull the image can extract them, and deleting the file in a later step does not remove it from the earlier layer. In a builder stage the file does not reach the final image but stays in the build cache and the builder image.',
    ja: 'COPY / ADD で env ファイル (`.env`、`.env.production`)、秘密鍵 (`*.pem`、`id_rsa`)、認証情報ファイル (`.npmrc`、`.netrc`、`credentials.json`、`.aws/credentials`) をコピーしています。内容はイメージのレイヤーの一部になり、イメージを pull できる人は誰でも取り出せます。後のステップでファイルを削除しても、前のレイヤーからは消えません。ビルド用ステージであれば最終イメージには入りませんが、ビルドキャッシュとビルド用イメージに残ります。',
  },
  fix: {
    en: 'Do not put secrets in the image. Pass runtime configuration when the container starts (`docker run --env-file .env.production`, compose `env_file:`, orchestrator secrets); for build-time credentials use `RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci`.',
    ja: 'シークレットをイメージに入れないでください。実行時の設定はコンテナ起動時に渡します (`docker run --env-file .env.production`、compose の `env_file:`、オーケストレーターのシークレット)。ビルド時の認証情報は `RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci` を使います。',
  },
  references: { cwe: ['CWE-538', 'CWE-312'] },
  check(facts, ctx) {
    for (const f of facts.dockerfile) {
      const shipped = shippedStages(f);
      const present = f.context.entries.filter((e) => e.present);
      for (const st of f.stages) {
        for (const cp of st.copies) {
          if (cp.from !== undefined || cp.heredoc) continue;
          for (const src of cp.sources) {
            if (src.remote) continue;
            const rel = src.value.replace(/^\.\/+/, '').replace(/^\/+/, '');
            let kind: ContextEntry['what'] | undefined = sensitiveFileKind(rel);
            if (!kind && /[*?[]/.test(rel)) {
              const re = globMatcher(rel, { braces: false });
              kind = present.find((e) => e.what !== 'git' && re.test(e.path))?.what;
              if (!kind && /^\.env[*?]/.test(rel)) kind = 'env-file';
            }
            if (!kind || kind === 'git' || kind === 'venv' || kind === 'node_modules') continue;
            const inImage = shipped.has(st.index);
            const what = WHAT[kind];
            const sn = stageName(f, st);
            ctx.report({
              file: f.file,
              line: src.line,
              column: src.column,
              severity: inImage ? 'critical' : 'medium',
              message: inImage
                ? { en: `${cp.instruction} ${src.value} puts ${what.en} into the image: anyone who can pull it can read the secrets`, ja: `${cp.instruction} ${src.value} は${what.ja}をイメージに入れます。イメージを pull できる人は誰でもシークレットを読めます` }
                : { en: `${cp.instruction} ${src.value} puts ${what.en} into ${sn.en}: it stays in the build cache and builder image`, ja: `${cp.instruction} ${src.value} は${what.ja}を${sn.ja}に入れます。ビルドキャッシュとビルド用イメージに残ります` },
            });
          }
        }
      }
    }
  },
});
