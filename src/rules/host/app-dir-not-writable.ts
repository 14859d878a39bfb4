import { octalMode } from '../../lib/file-mode.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'host/app-dir-not-writable',
  severity: 'medium',
  command: 'host',
  facts: ['hostApp', 'hostSettings'],
  title: { en: 'A data or log directory of the application is missing, not writable by the service user, or writable by everyone', ja: 'アプリのデータ・ログディレクトリがない、サービスユーザーが書き込めない、または全員が書き込める' },
  description: {
    en: 'The checklist creates /var/lib/<app>/data and /var/log/<app> and gives them to the service user. A directory that is missing or owned by someone else makes the first upload or log write fail in production (permission denied, 500 errors); one writable by every user lets any local account plant or replace files the application trusts.',
    ja: 'チェックリストは /var/lib/<app>/data と /var/log/<app> を作ってサービスユーザーに渡します。ディレクトリがない、または別の所有者だと、本番で最初のアップロードやログ書き込みが失敗します (Permission denied、500 エラー)。全ユーザーが書き込めると、どのローカルアカウントでもアプリが信頼するファイルを置いたり差し替えたりできます。',
  },
  fix: { en: '`install -d -o <user> -g <group> -m 750 DIR` (or StateDirectory= / LogsDirectory= in the unit, which systemd creates with the right owner).', ja: '`install -d -o <ユーザー> -g <グループ> -m 750 ディレクトリ` を実行します (またはユニットの StateDirectory= / LogsDirectory= を使うと systemd が正しい所有者で作ります)。' },
  references: { cwe: ['CWE-732'] },
  check(facts, ctx) {
    const settingsUser = facts.hostSettings[0]?.serviceUser;
    for (const app of facts.hostApp) {
      const user = app.user ?? settingsUser ?? 'root';
      const group = app.group ?? user;
      for (const d of app.dirs) {
        const at = { file: d.file, line: d.line, fingerprint: `${d.rel} ${d.purpose}` };
        if (!d.exists) {
          if (!d.error) ctx.report({ ...at, message: { en: `The ${d.purpose} directory ${d.path} (${d.from}) does not exist`, ja: `${d.purpose === 'log' ? 'ログ' : 'データ'}ディレクトリ ${d.path} (${d.from}) が存在しません` } });
          continue;
        }
        if (d.mode === undefined) continue;
        const owner = d.owner ?? `uid ${d.uid}`;
        const grp = d.group ?? `gid ${d.gid}`;
        if (d.mode & 0o002 && !(d.mode & 0o1000)) {
          ctx.report({ ...at, severity: 'high', message: { en: `${d.path} is writable by every user (mode ${octalMode(d.mode, { special: true })})`, ja: `${d.path} は全ユーザーが書き込めます (モード ${octalMode(d.mode, { special: true })})` } });
          continue;
        }
        const writable = user === 'root' || (owner === user && d.mode & 0o200) || (grp === group && d.mode & 0o020) || d.mode & 0o002;
        if (writable) continue;
        ctx.report({ ...at, message: { en: `${d.path} is owned by ${owner}:${grp} (mode ${octalMode(d.mode, { special: true })}): the service user ${user} cannot write its ${d.purpose === 'log' ? 'logs' : 'data'} there`, ja: `${d.path} の所有者は ${owner}:${grp} (モード ${octalMode(d.mode, { special: true })}) で、サービスユーザー ${user} が${d.purpose === 'log' ? 'ログ' : 'データ'}を書き込めません` } });
      }
    }
  },
});
