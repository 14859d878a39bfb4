import { commandWords } from '../../lib/shell-words.js';
import { defineRule } from '../define.js';
import { finalStage } from './_common.js';

/** Base images that already run as an unprivileged user. */
const NON_ROOT_IMAGE = /(nonroot|non-root|rootless)|^cgr\.dev\/chainguard\//i;
/** Commands that drop privileges before starting the application. */
const DROPS_PRIVILEGES = new Set(['gosu', 'su-exec', 'setpriv', 'runuser', 'chpst', 's6-setuidgid', 'setuidgid']);

export default defineRule({
  id: 'docker/root-user',
  severity: 'high',
  facts: ['dockerfile', 'compose'],
  title: { en: 'Container runs as root', ja: 'コンテナが root で動作する' },
  description: {
    en: 'The final stage of the Dockerfile has no USER instruction, or its last USER is root / uid 0, so the application runs as root inside the container. A bug in the application, or in any library it loads, then has root in the container: it can rewrite the application and its files, read every secret mounted into it, and it is one kernel or runtime vulnerability away from root on the host. Only the stage the image is built from counts: root in a builder stage is fine. A compose service that builds the image with an unprivileged `user:` counts as setting one.',
    ja: 'Dockerfile の最終ステージに USER 命令がないか、最後の USER が root / uid 0 のため、アプリケーションがコンテナ内で root として動作します。アプリケーションや読み込んだライブラリに脆弱性があると、攻撃者はコンテナ内の root 権限を得て、アプリや設定ファイルの書き換え、マウントされたシークレットの読み取りができ、カーネルやランタイムの脆弱性ひとつでホストの root にまで到達します。判定対象はイメージになる最終ステージだけで、ビルド用ステージが root なのは問題ありません。イメージをビルドする compose のサービスが一般ユーザーの `user:` を指定している場合も問題なしとします。',
  },
  fix: {
    en: 'Create an unprivileged user and switch to it at the end of the final stage: `RUN groupadd -r app && useradd -r -g app app` (Alpine: `addgroup -S app && adduser -S -G app app`), `COPY --chown=app:app . .`, then `USER app` before CMD.',
    ja: '最終ステージで一般ユーザーを作成し、最後に切り替えてください: `RUN groupadd -r app && useradd -r -g app app`（Alpine は `addgroup -S app && adduser -S -G app app`）、`COPY --chown=app:app . .` のうえで CMD の前に `USER app` を置きます。',
  },
  references: { cwe: ['CWE-250'], equivalents: ['hadolint DL3002', 'CKV_DOCKER_3', 'CKV_DOCKER_8'] },
  check(facts, ctx) {
    // A compose service that builds the image and sets an unprivileged `user:` runs it as that user.
    const nonRootByCompose = new Set<string>();
    for (const c of facts.compose) {
      for (const s of c.services) {
        const u = s.user?.value.trim().split(':')[0];
        if (s.build && u && u !== 'root' && !/^0+$/.test(u)) nonRootByCompose.add(s.build.dockerfilePath);
      }
    }
    for (const f of facts.dockerfile) {
      const last = finalStage(f);
      const user = last.effective.user;
      if (user && !user.isRoot) continue;
      if (nonRootByCompose.has(f.file)) continue;
      const first = commandWords(last.effective.commands[0]?.argv ?? []);
      if (first.length && DROPS_PRIVILEGES.has(first[0]!.split('/').pop()!)) continue;
      if (!user) {
        // The base image decides; known unprivileged images are fine.
        const bases = [last, ...last.effective.chain.map((i) => f.stages[i]!)];
        const root = bases[bases.length - 1]!;
        if (NON_ROOT_IMAGE.test(root.image.resolved)) continue;
        ctx.report({
          file: f.file,
          line: last.line,
          column: last.column,
          severity: 'medium',
          message: {
            en: `The final stage (FROM ${last.image.raw}) sets no USER: the container runs as root unless the base image says otherwise`,
            ja: `最終ステージ (FROM ${last.image.raw}) に USER がありません。ベースイメージが別のユーザーを指定していない限り、コンテナは root で動作します`,
          },
        });
      } else {
        const inherited = user.stage !== last.index;
        ctx.report({
          file: f.file,
          line: user.line,
          column: user.column,
          message: {
            en: `USER ${user.raw} is the last USER ${inherited ? 'the final stage inherits' : 'of the final stage'}: the container runs as root`,
            ja: `USER ${user.raw} が最終ステージ${inherited ? 'に引き継がれる' : 'の'}最後の USER です。コンテナは root で動作します`,
          },
          fix: {
            en: `Switch back to an unprivileged user after the steps that need root: add \`USER app\` (or a numeric uid such as \`USER 10001\`) after line ${user.line}, before CMD.`,
            ja: `root が必要な処理の後で一般ユーザーに戻してください: ${user.line} 行目より後、CMD の前に \`USER app\`（または \`USER 10001\` のような数値 UID）を追加します。`,
          },
        });
      }
    }
  },
});
