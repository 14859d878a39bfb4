import { defineRule } from '../define.js';

export default defineRule({
  id: 'host/env-file-missing',
  severity: 'high',
  command: 'host',
  facts: ['hostApp'],
  title: { en: 'The unit\'s EnvironmentFile= does not exist', ja: 'ユニットの EnvironmentFile= が存在しない' },
  description: {
    en: 'systemd refuses to start a unit whose EnvironmentFile= (without a `-` prefix) is missing: the service fails at the next restart or reboot. The file may be misspelled, or the deploy forgot to create it.',
    ja: '`-` の付かない EnvironmentFile= が存在しないユニットを systemd は起動しません。次の再起動やリブートでサービスが失敗します。ファイル名の誤りか、デプロイ時に作り忘れています。',
  },
  fix: { en: 'Create the file with the production variables (mode 600, owned by root or the service user), or correct the path in the unit and `systemctl daemon-reload`.', ja: '本番の変数を入れたファイルを作る (mode 600、root またはサービスユーザー所有) か、ユニットのパスを直して `systemctl daemon-reload` を実行します。' },
  check(facts, ctx) {
    for (const app of facts.hostApp) {
      for (const f of app.environmentFiles) {
        if (f.exists || f.error) continue;
        ctx.report({ file: f.unitFile ?? app.file, line: f.line, column: f.column, severity: f.optional ? 'medium' : undefined, message: f.optional ? { en: `EnvironmentFile=-${f.path} does not exist: the service starts without its variables`, ja: `EnvironmentFile=-${f.path} が存在せず、サービスは変数なしで起動します` } : { en: `EnvironmentFile=${f.path} does not exist: systemd will refuse to start ${app.unit}`, ja: `EnvironmentFile=${f.path} が存在しないため、systemd は ${app.unit} を起動しません` } });
      }
    }
  },
});
