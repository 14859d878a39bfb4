import { headerValue, walk } from '../../facts/nginx/query.js';
import { defineRule } from '../define.js';
import { reporter } from './_shared.js';

export default defineRule({
  id: 'nginx/obsolete-xss-protection',
  severity: 'info',
  environments: ['production', 'staging'],
  facts: ['nginx'],
  title: {
    en: 'X-XSS-Protection header is obsolete',
    ja: 'X-XSS-Protection ヘッダーは廃止済み',
  },
  description: {
    en: 'Current browsers removed the XSS auditor that X-XSS-Protection controlled; in old ones `1; mode=block` could itself be abused to leak data or disable scripts selectively. It protects nothing today — a Content-Security-Policy does.',
    ja: 'X-XSS-Protection が制御していた XSS Auditor は現行ブラウザから削除されました。古いブラウザでは `1; mode=block` 自体がデータ漏えいやスクリプトの選択的無効化に悪用されることもありました。現在は何も守らず、守るのは Content-Security-Policy です。',
  },
  fix: {
    en: 'Remove the header (or send `X-XSS-Protection: 0`) and rely on a Content-Security-Policy.',
    ja: 'ヘッダーを削除（または `X-XSS-Protection: 0` を送る）し、Content-Security-Policy で対策します。',
  },
  check(facts, ctx) {
    const once = reporter(ctx);
    for (const cfg of facts.nginx) {
      walk(cfg.directives, (d) => {
        if (d.name !== 'add_header' && d.name !== 'more_set_headers') return;
        if (d.name === 'add_header' && d.args[0]?.toLowerCase() !== 'x-xss-protection') return;
        const v = headerValue(d, 'x-xss-protection');
        if (v === undefined || v.trim().startsWith('0')) return;
        once(`${d.file}:${d.line}`, () =>
          ctx.report({
            file: d.file,
            line: d.line,
            column: d.column,
            message: { en: 'X-XSS-Protection is obsolete: browsers ignore it; use a Content-Security-Policy', ja: 'X-XSS-Protection は廃止済みでブラウザに無視されます。Content-Security-Policy を使ってください' },
          }),
        );
      });
    }
  },
});
