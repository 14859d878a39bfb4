import { eolOf } from './_eol.js';
import { defineRule } from '../define.js';
import { daysUntil } from './_util.js';

export default defineRule({
  id: 'host/os-end-of-life',
  severity: 'high',
  command: 'host',
  facts: ['hostOs', 'hostInfo'],
  title: { en: 'The operating system release is past (or near) its end of life', ja: 'OS のリリースがサポート終了 (または間近)' },
  description: {
    en: 'After its end of life a release gets no security updates: every new vulnerability in the kernel, OpenSSL, OpenSSH or nginx stays open on the server. The checklist asks for Ubuntu 20.04 LTS or later, or Debian 11 or later, still supported. honban ships a table of end-of-life dates and judges it against the day the facts were gathered.',
    ja: 'サポート終了後のリリースにはセキュリティ更新が提供されず、カーネル・OpenSSL・OpenSSH・nginx の新しい脆弱性がサーバー上で開いたままになります。チェックリストはサポート中の Ubuntu 20.04 LTS 以降または Debian 11 以降を求めています。honban はサポート終了日の表を同梱し、事実を収集した日付で判定します。',
  },
  fix: { en: 'Upgrade to a supported release (do-release-upgrade on Ubuntu, a new Debian major with apt full-upgrade) or rebuild the server on one; buy extended support only as a stopgap.', ja: 'サポート中のリリースへアップグレードする (Ubuntu は do-release-upgrade、Debian は次のメジャーへ apt full-upgrade) か、サーバーを作り直します。延長サポートは一時しのぎにとどめます。' },
  references: { cwe: ['CWE-1104'], equivalents: ['Lynis OS-related end-of-life check'] },
  check(facts, ctx) {
    const info = facts.hostInfo[0];
    for (const os of facts.hostOs) {
      const e = eolOf(os.id, os.versionId) ?? os.idLike.map((id) => eolOf(id, os.versionId)).find(Boolean);
      const name = os.prettyName ?? `${os.id} ${os.versionId ?? ''}`.trim();
      if (!e) {
        ctx.report({ file: os.file, line: os.line, severity: 'info', message: { en: `${name} is not in honban's end-of-life table: check its support dates by hand`, ja: `${name} は honban のサポート終了日表にありません: サポート期間を手で確認してください` } });
        continue;
      }
      const days = daysUntil(info, `${e.eol}T23:59:59Z`);
      if (days < 0) ctx.report({ file: os.file, line: os.line, message: { en: `${e.name} reached its end of life on ${e.eol}: no more security updates`, ja: `${e.name} は ${e.eol} にサポートが終了しました: セキュリティ更新はもうありません` } });
      else if (days <= 180) ctx.report({ file: os.file, line: os.line, severity: 'medium', message: { en: `${e.name} reaches its end of life on ${e.eol} (in ${days} days): plan the upgrade`, ja: `${e.name} は ${e.eol} にサポートが終了します (あと ${days} 日): アップグレードを計画してください` } });
    }
  },
});
