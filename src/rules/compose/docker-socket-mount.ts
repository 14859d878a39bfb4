import { defineRule } from '../define.js';

const SOCKET = /^\/{1,2}(var\/)?run\/(docker|containerd\/containerd|podman\/podman|crio\/crio)\.sock$|^\/{1,2}var\/run\/docker\.sock$/;

export default defineRule({
  id: 'compose/docker-socket-mount',
  severity: 'high',
  facts: ['compose'],
  title: { en: 'Docker socket mounted into a container', ja: 'Docker ソケットをコンテナにマウントしている' },
  description: {
    en: 'A service mounts the container runtime socket (`/var/run/docker.sock`, containerd, podman). Whoever controls the process in that container controls the Docker daemon: it can start a privileged container with the host filesystem mounted, which is root on the host. Mounting it read-only does not help — the API is still fully usable through the socket.',
    ja: 'サービスがコンテナランタイムのソケット (`/var/run/docker.sock`、containerd、podman) をマウントしています。そのコンテナのプロセスを乗っ取った人は Docker デーモンを操作でき、ホストのファイルシステムをマウントした特権コンテナを起動できます。つまりホストの root です。読み取り専用でマウントしても、ソケット経由で API は完全に使えるため意味がありません。',
  },
  fix: {
    en: 'Remove the mount. If the service really needs the Docker API (a reverse proxy discovering containers, a CI runner), put a filtering proxy in front (e.g. a docker-socket-proxy allowing only the read endpoints it needs) and never expose that service publicly.',
    ja: 'マウントを削除してください。どうしても Docker API が必要な場合（コンテナを検出するリバースプロキシ、CI ランナーなど）は、必要な読み取り系エンドポイントだけを許可するフィルタリングプロキシ（docker-socket-proxy など）を間に置き、そのサービスを外部に公開しないでください。',
  },
  references: { cwe: ['CWE-250', 'CWE-668'], equivalents: ['CKV_K8S_27'] },
  check(facts, ctx) {
    for (const f of facts.compose) {
      for (const svc of f.services) {
        for (const v of svc.volumes) {
          if (!v.source || !SOCKET.test(v.source)) continue;
          ctx.report({
            file: f.file,
            line: v.line,
            column: v.column,
            message: {
              en: `Service "${svc.name}" mounts ${v.source}${v.readOnly ? ' (read-only does not limit the API)' : ''}: control of this container is root on the host`,
              ja: `サービス "${svc.name}" が ${v.source} をマウントしています${v.readOnly ? '（読み取り専用でも API は制限されません）' : ''}。このコンテナを乗っ取るとホストの root を得られます`,
            },
          });
        }
      }
    }
  },
});
