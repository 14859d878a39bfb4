import { octalMode } from '../../lib/file-mode.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'host/env-file-permissions',
  severity: 'high',
  command: 'host',
  facts: ['hostApp', 'hostSettings'],
  title: { en: 'The EnvironmentFile can be read or changed by accounts other than root and the service', ja: 'EnvironmentFile を root とサービス以外のアカウントが読める・変更できる' },
  description: {
    en: 'The application\'s EnvironmentFile holds its secrets (`.env.production`, seed 001: `chmod 600`). systemd reads it as root, so it needs no more than mode 600 owned by root (or 640 with the service\'s group). Writable by a group or others, anyone in it can change what production runs with; owned by another account, that account can; readable by a foreign group, its members read every secret. (World-readable files with secrets are env/world-readable-file.)',
    ja: 'アプリの EnvironmentFile には秘密値が入っています (`.env.production`、seed 001: `chmod 600`)。systemd は root で読むため、root 所有の mode 600 (またはサービスのグループで 640) で足ります。グループや他者が書き込めると本番の設定を誰でも変えられ、別アカウントの所有ならそのアカウントが変えられ、無関係なグループが読めるとそのメンバーが全秘密値を読めます (秘密値を含む全ユーザー可読のファイルは env/world-readable-file が扱います)。',
  },
  fix: { en: '`chown root:root FILE && chmod 600 FILE` (or `chown root:<service group>` and `chmod 640` when the application itself re-reads it).', ja: '`chown root:root ファイル && chmod 600 ファイル` を実行します (アプリ自身が読み直す場合は `chown root:<サービスのグループ>` と `chmod 640`)。' },
  references: { cwe: ['CWE-732', 'CWE-276'] },
  check(facts, ctx) {
    const settingsUser = facts.hostSettings[0]?.serviceUser;
    for (const app of facts.hostApp) {
      const user = app.user ?? settingsUser ?? 'root';
      const group = app.group ?? user;
      for (const f of app.environmentFiles) {
        if (!f.exists || f.mode === undefined || f.type !== 'file') continue;
        const owner = f.owner ?? `uid ${f.uid}`;
        const grp = f.group ?? `gid ${f.gid}`;
        const problems: { en: string; ja: string }[] = [];
        if (f.mode & 0o022) problems.push({ en: `writable by ${f.mode & 0o002 ? 'every user' : `group ${grp}`} (mode ${octalMode(f.mode)})`, ja: `${f.mode & 0o002 ? '全ユーザー' : `グループ ${grp}`}が書き込めます (モード ${octalMode(f.mode)})` });
        if (owner !== 'root' && owner !== user) problems.push({ en: `owned by ${owner}, not root or the service user ${user}`, ja: `所有者が ${owner} で、root でもサービスユーザー ${user} でもありません` });
        if (f.mode & 0o040 && grp !== group && grp !== 'root') problems.push({ en: `readable by group ${grp}, which is not the service's group ${group}`, ja: `サービスのグループ ${group} ではないグループ ${grp} が読めます` });
        if (!problems.length) continue;
        ctx.report({ file: f.rel, fingerprint: `${f.rel} permissions`, severity: f.mode & 0o022 ? undefined : 'medium', message: { en: `${f.path} (EnvironmentFile of ${app.unit}) is ${problems.map((p) => p.en).join('; ')}`, ja: `${f.path} (${app.unit} の EnvironmentFile) は${problems.map((p) => p.ja).join('。')}` } });
      }
    }
  },
});
