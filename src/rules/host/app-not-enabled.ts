import { defineRule } from '../define.js';
import { serviceAt } from './_util.js';

export default defineRule({
  id: 'host/app-not-enabled',
  severity: 'medium',
  command: 'host',
  facts: ['hostApp'],
  title: { en: 'The application\'s unit is not enabled at boot', ja: 'アプリケーションのユニットが起動時に有効になっていない' },
  description: {
    en: 'No `*.wants/` link under /etc/systemd/system starts the application\'s unit at boot (or the unit has no [Install] section to enable). After a reboot — a kernel update, a host migration — the site stays down until someone starts it by hand.',
    ja: '/etc/systemd/system の `*.wants/` にアプリのユニットを起動時に開始するリンクがありません (またはユニットに有効化用の [Install] セクションがありません)。カーネル更新やホスト移行で再起動すると、誰かが手で起動するまでサイトは止まったままです。',
  },
  fix: { en: 'Add `[Install]` with `WantedBy=multi-user.target` and run `systemctl enable <unit>`.', ja: '`[Install]` に `WantedBy=multi-user.target` を書き、`systemctl enable <ユニット>` を実行します。' },
  check(facts, ctx) {
    for (const app of facts.hostApp) {
      if (app.enabledBy.length) continue;
      ctx.report({
        ...(app.installLine ? { file: app.installFile ?? app.file, line: app.installLine } : serviceAt(app)),
        message: app.wantedBy.length
          ? { en: `${app.unit} is not enabled: no ${app.wantedBy[0]}.wants link starts it at boot`, ja: `${app.unit} が有効ではありません: 起動時に開始する ${app.wantedBy[0]}.wants のリンクがありません` }
          : { en: `${app.unit} has no [Install] WantedBy= and no .wants link: it does not start at boot`, ja: `${app.unit} に [Install] WantedBy= も .wants のリンクもなく、起動時に開始されません` },
      });
    }
  },
});
