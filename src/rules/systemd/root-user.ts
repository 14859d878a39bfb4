import { setting } from '../../facts/systemd.js';
import { defineRule } from '../define.js';
import { at, serviceSection, where, yes } from './_shared.js';

export default defineRule({
  id: 'systemd/root-user',
  severity: 'high',
  facts: ['systemd'],
  title: {
    en: 'Service runs as root',
    ja: 'サービスが root で動作している',
  },
  description: {
    en: 'A system service without User= (or with User=root) runs its process as root. Any remote-code-execution bug, path traversal or dependency compromise in the application then owns the whole server: its keys, other services\' data, and the ability to hide. Web applications need no root; binding port 80/443 is nginx\'s job (or use AmbientCapabilities=CAP_NET_BIND_SERVICE).',
    ja: 'User= のない（または User=root の）システムサービスは、プロセスを root で実行します。アプリケーションのリモートコード実行やパストラバーサル、依存パッケージの侵害が、そのままサーバー全体（鍵、他サービスのデータ、痕跡の隠蔽）の乗っ取りにつながります。Web アプリケーションに root は不要です。80/443 番ポートの待ち受けは nginx の役割です（または AmbientCapabilities=CAP_NET_BIND_SERVICE を使います）。',
  },
  fix: {
    en: 'Add `User=` and `Group=` with a dedicated, unprivileged account (e.g. `User=www-data`, `Group=www-data`, or a `myapp` system user owning only the app\'s data directories), or `DynamicUser=yes` for a service that keeps no state outside StateDirectory=.',
    ja: '専用の権限のないアカウントで `User=` と `Group=` を設定します（例: `User=www-data`、`Group=www-data`、またはアプリのデータディレクトリだけを所有する `myapp` システムユーザー）。StateDirectory= 以外に状態を持たないサービスなら `DynamicUser=yes` も使えます。',
  },
  references: { cwe: ['CWE-250'] },
  check(facts, ctx) {
    for (const unit of facts.systemd) {
      if (!serviceSection(unit) || unit.userUnit) continue;
      if (yes(setting(unit, 'Service', 'DynamicUser'))) continue;
      const user = setting(unit, 'Service', 'User');
      if (user && user.value !== '' && user.value !== 'root' && user.value !== '0') continue;
      ctx.report({
        ...(user ? at(unit, user) : where(unit)),
        message: user
          ? { en: `Service runs as root (User=${user.value})`, ja: `サービスが root で動作します (User=${user.value})` }
          : { en: 'Service has no User=: systemd runs it as root', ja: 'サービスに User= がないため、systemd は root で実行します' },
      });
    }
  },
});
