import { parseImage } from '../../lib/image-ref.js';
import { commandWords } from '../../lib/shell.js';
import type { DockerStage, DockerfileFact } from '../../facts/dockerfile.js';
import { defineRule } from '../define.js';
import { deployedStages } from '../../facts/docker-stages.js';
import { stageName } from './_common.js';

/** Base images that already run as an unprivileged user. */
const NON_ROOT_IMAGE = /(nonroot|non-root|rootless)|^cgr\.dev\/chainguard\//i;
/** Commands that drop privileges before starting the application. */
const DROPS_PRIVILEGES = new Set(['gosu', 'su-exec', 'setpriv', 'runuser', 'chpst', 's6-setuidgid', 'setuidgid']);

/**
 * Official images whose server drops root by itself, and the commands that start it: the entrypoint
 * of postgres / mysql / mariadb / mongo / redis / rabbitmq switches to the service user (gosu); nginx,
 * httpd and php-apache run their workers as nginx / daemon / www-data (the master keeps root only to
 * bind ports 80/443); memcached, elasticsearch and grafana set USER in the image.
 */
const DROPPING_IMAGES: [RegExp, RegExp][] = [
  [/^(postgres|postgis\/postgis|timescale\/timescaledb[\w-]*)$/, /^(postgres|docker-entrypoint\.sh)$/],
  [/^(mysql|mariadb|percona|mysql\/mysql-server)$/, /^(mysqld|mariadbd|docker-entrypoint\.sh)$/],
  [/^(mongo)$/, /^(mongod|mongos|docker-entrypoint\.sh)$/],
  [/^(redis|redis\/redis-stack[\w-]*|valkey\/valkey)$/, /^(redis-server|valkey-server|docker-entrypoint\.sh)$/],
  [/^(rabbitmq)$/, /^(rabbitmq-server|docker-entrypoint\.sh)$/],
  [/^(nginx|nginxinc\/nginx-unprivileged|openresty\/openresty)$/, /^(nginx|openresty|\/docker-entrypoint\.sh)$/],
  [/^(httpd)$/, /^(httpd-foreground|httpd|apachectl)$/],
  [/^(php)$/, /^(apache2-foreground|php-fpm[\d.]*|docker-php-entrypoint)$/],
  [/^(memcached|elasticsearch|docker\.elastic\.co\/elasticsearch\/elasticsearch|grafana\/grafana(-oss)?|opensearchproject\/opensearch)$/, /.*/],
];

/** Does the stage run an official image's own server, which drops root itself? */
function serverDropsRoot(f: DockerfileFact, stage: DockerStage): boolean {
  const chain = [stage, ...stage.effective.chain.map((i) => f.stages[i]!)];
  const base = chain[chain.length - 1]!;
  const { name, tag } = parseImage(base.image.resolved);
  const bare = name.replace(/^(docker\.io\/)?(library\/)?/, '');
  const hit = DROPPING_IMAGES.find(([img]) => img.test(bare));
  if (!hit) return false;
  // php:8-apache / php:8-fpm only: the CLI images run whatever CMD says as root.
  if (bare === 'php' && !/apache|fpm/.test(tag ?? '')) return false;
  // The Dockerfile must keep the image's entrypoint and start its server (or keep its CMD).
  if (!chain.some((st) => st.entrypoints.length || st.cmds.length)) return true;
  const first = commandWords(stage.effective.commands[0]?.argv ?? [])[0];
  return first !== undefined && hit[1].test(first.split('/').pop()!);
}

/** A WebAssembly module run by a Wasm runtime (`FROM scratch` + `ENTRYPOINT ["app.wasm"]`): Unix users do not apply. */
function wasmModule(stage: DockerStage): boolean {
  const first = commandWords(stage.effective.commands[0]?.argv ?? [])[0];
  return stage.image.resolved === 'scratch' && first !== undefined && /\.wasm$/.test(first);
}

function cap(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

export default defineRule({
  id: 'docker/root-user',
  severity: 'high',
  facts: ['dockerfile', 'compose'],
  title: { en: 'Container runs as root', ja: 'コンテナが root で動作する' },
  description: {
    en: 'The final stage of the Dockerfile has no USER instruction, or its last USER is root / uid 0, so the application runs as root inside the container. A bug in the application, or in any library it loads, then has root in the container: it can rewrite the application and its files, read every secret mounted into it, and it is one kernel or runtime vulnerability away from root on the host. Only the stage that is deployed counts: the compose service\'s `target:`, else the final stage — a development stage such as `dev-envs` (Docker Dev Environments) or `development` is skipped for the last stage that is not; root in a builder stage is fine. A compose service that builds the image with an unprivileged `user:` counts as setting one. Deliberately not reported: official images whose server drops root itself when the Dockerfile keeps their entrypoint and server command — postgres, mysql, mariadb, mongo, redis, rabbitmq (gosu in the entrypoint), nginx, httpd, php-apache / php-fpm (workers run unprivileged), memcached, elasticsearch, grafana (USER in the image).',
    ja: 'Dockerfile の最終ステージに USER 命令がないか、最後の USER が root / uid 0 のため、アプリケーションがコンテナ内で root として動作します。アプリケーションや読み込んだライブラリに脆弱性があると、攻撃者はコンテナ内の root 権限を得て、アプリや設定ファイルの書き換え、マウントされたシークレットの読み取りができ、カーネルやランタイムの脆弱性ひとつでホストの root にまで到達します。判定対象はイメージになる最終ステージだけで、ビルド用ステージが root なのは問題ありません。判定対象はデプロイされるステージ (compose サービスの `target:`、なければ最終ステージ。`dev-envs` (Docker Dev Environments) や `development` のような開発用ステージは飛ばし、その手前の開発用でない最後のステージ) です。イメージをビルドする compose のサービスが一般ユーザーの `user:` を指定している場合も問題なしとします。意図的に報告しないもの: Dockerfile がエントリーポイントとサーバーのコマンドを変えていない場合の、サーバー自身が root を手放す公式イメージ — postgres、mysql、mariadb、mongo、redis、rabbitmq (エントリーポイントの gosu)、nginx、httpd、php-apache / php-fpm (ワーカーは一般ユーザー)、memcached、elasticsearch、grafana (イメージの USER)。',
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
      if (nonRootByCompose.has(f.file)) continue;
      for (const last of deployedStages(f, facts.compose)) report(f, last);
    }
    function report(f: DockerfileFact, last: DockerStage): void {
      const user = last.effective.user;
      if (user && !user.isRoot) return;
      const first = commandWords(last.effective.commands[0]?.argv ?? []);
      if (first.length && DROPS_PRIVILEGES.has(first[0]!.split('/').pop()!)) return;
      const which = stageName(f, last);
      if (!user) {
        // The base image decides; known unprivileged images, and servers that drop root themselves, are fine.
        const bases = [last, ...last.effective.chain.map((i) => f.stages[i]!)];
        const root = bases[bases.length - 1]!;
        if (NON_ROOT_IMAGE.test(root.image.resolved)) return;
        if (serverDropsRoot(f, last) || wasmModule(last)) return;
        ctx.report({
          file: f.file,
          line: last.line,
          column: last.column,
          severity: 'medium',
          message: {
            en: `${cap(which.en)} sets no USER: the container runs as root unless the base image says otherwise`,
            ja: `${which.ja} に USER がありません。ベースイメージが別のユーザーを指定していない限り、コンテナは root で動作します`,
          },
        });
      } else {
        const inherited = user.stage !== last.index;
        ctx.report({
          file: f.file,
          line: user.line,
          column: user.column,
          message: {
            en: `USER ${user.raw} is the last USER ${inherited ? `${which.en} inherits` : `of ${which.en}`}: the container runs as root`,
            ja: `USER ${user.raw} が${which.ja}${inherited ? 'に引き継がれる' : 'の'}最後の USER です。コンテナは root で動作します`,
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
