import { defineRule } from '../define.js';

export default defineRule({
  id: 'compose/root-user',
  severity: 'medium',
  facts: ['compose'],
  title: { en: 'Compose forces the container to run as root', ja: 'compose でコンテナを root で動かしている' },
  description: {
    en: 'A service sets `user: root` (or uid 0), overriding the unprivileged USER the image may define. The application then runs as root inside the container: any code execution in it can modify the app, read every mounted secret, and is one kernel or runtime bug away from the host.',
    ja: 'サービスが `user: root`（または uid 0）を指定しており、イメージが定義した一般ユーザーの USER を上書きしています。アプリケーションはコンテナ内で root として動き、コードを実行されるとアプリの改ざんやマウントされたシークレットの読み取りができ、カーネルやランタイムの不具合ひとつでホストに到達します。',
  },
  fix: {
    en: 'Remove `user: root`, or set an unprivileged uid (`user: "10001:10001"`) and give that uid ownership of the volumes it writes to.',
    ja: '`user: root` を削除するか、一般ユーザーの UID (`user: "10001:10001"`) を指定し、書き込むボリュームの所有者をその UID にしてください。',
  },
  references: { cwe: ['CWE-250'], equivalents: ['CKV_K8S_23'] },
  check(facts, ctx) {
    for (const f of facts.compose) {
      for (const svc of f.services) {
        const u = svc.user;
        if (!u) continue;
        const user = u.value.trim().split(':')[0]!;
        if (user !== 'root' && !/^0+$/.test(user)) continue;
        ctx.report({
          file: f.file,
          line: u.line,
          column: u.column,
          message: { en: `Service "${svc.name}" runs as root (user: ${u.value})`, ja: `サービス "${svc.name}" が root で動作します (user: ${u.value})` },
        });
      }
    }
  },
});
