import { isFlaskSetting, settingsOf, usesFlask } from '../../facts/python/query.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'flask/upload-size-unlimited',
  severity: 'medium',
  facts: ['python'],
  title: { en: 'File uploads without MAX_CONTENT_LENGTH', ja: 'MAX_CONTENT_LENGTH なしでファイルアップロードを受け付けている' },
  description: {
    en: 'Flask reads request bodies of any size unless MAX_CONTENT_LENGTH is set. A view that accepts request.files then lets one client fill the disk or memory of the server (uploads are spooled to temporary files) and tie up workers, a cheap denial of service, especially on small instances (seed 003, item 4).',
    ja: 'MAX_CONTENT_LENGTH を設定しないと、Flask はどんなサイズのリクエストボディも読み込みます。request.files を受け付けるビューがあると、1 つのクライアントがサーバーのディスクやメモリ (アップロードは一時ファイルに書き出される) を使い切り、ワーカーを占有できます。特に小さなインスタンスでは安価なサービス妨害になります (seed 003 の 4 項)。',
  },
  fix: {
    en: 'Set a limit that fits your largest legitimate upload, e.g. `MAX_CONTENT_LENGTH = 5 * 1024 * 1024` (Flask answers 413 above it), and mirror it in the reverse proxy (`client_max_body_size 5m;` in nginx).',
    ja: '正当なアップロードの最大サイズに合わせて上限を設定します。例: `MAX_CONTENT_LENGTH = 5 * 1024 * 1024` (超えると Flask が 413 を返します)。リバースプロキシにも同じ上限を設定します (nginx なら `client_max_body_size 5m;`)。',
  },
  references: { cwe: ['CWE-400', 'CWE-770'] },
  check(facts, ctx) {
    if (!usesFlask(facts.python)) return;
    const limits = settingsOf(facts.python, ctx, new Set(['MAX_CONTENT_LENGTH']), isFlaskSetting);
    let limited = false;
    for (const { fact, a } of limits) {
      const r = a.value.resolved;
      if (r === null || r === 0) {
        ctx.report({ file: fact.file, line: a.line, column: a.column, message: { en: `MAX_CONTENT_LENGTH is ${r === null ? 'None' : '0'}: request bodies are unlimited`, ja: `MAX_CONTENT_LENGTH が ${r === null ? 'None' : '0'} のため、リクエストボディが無制限です` } });
      } else limited = true;
    }
    if (limited || limits.length) return;
    for (const fact of facts.python) {
      if (!ctx.judges(fact.environment) || !fact.imports.includes('flask')) continue;
      const uses = fact.fileUploads;
      if (!uses.length) continue;
      const first = uses[0]!;
      ctx.report({
        file: fact.file,
        line: first.line,
        column: first.column,
        message: {
          en: `request.files is read${first.function ? ` in ${first.function}()` : ''} but no MAX_CONTENT_LENGTH is configured: uploads of any size are accepted`,
          ja: `${first.function ? `${first.function}() で` : ''}request.files を読んでいますが MAX_CONTENT_LENGTH が設定されていません。どんなサイズのアップロードも受け付けます`,
        },
      });
    }
  },
});
