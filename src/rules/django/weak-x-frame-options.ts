import { djangoGroups, djangoSetting } from '../../facts/python/query.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'django/weak-x-frame-options',
  severity: 'medium',
  facts: ['python'],
  title: { en: 'Django X_FRAME_OPTIONS is not DENY or SAMEORIGIN', ja: 'Django の X_FRAME_OPTIONS が DENY / SAMEORIGIN ではない' },
  description: {
    en: "X_FRAME_OPTIONS only takes 'DENY' (Django's default) or 'SAMEORIGIN'. Anything else, such as 'ALLOWALL' or an ALLOW-FROM value modern browsers ignore, leaves pages frameable by any site: clickjacking on login, payment and settings pages.",
    ja: "X_FRAME_OPTIONS に有効なのは 'DENY' (Django のデフォルト) と 'SAMEORIGIN' だけです。'ALLOWALL' や最近のブラウザが無視する ALLOW-FROM などそれ以外の値では、どのサイトからでもページをフレームに埋め込め、ログイン・決済・設定ページでクリックジャッキングが可能になります。",
  },
  fix: { en: "Remove the setting (default 'DENY') or set `X_FRAME_OPTIONS = 'SAMEORIGIN'` if the site frames its own pages; allow specific embedders with CSP frame-ancestors instead.", ja: "設定を削除する (デフォルト 'DENY') か、自サイト内でフレームを使うなら `X_FRAME_OPTIONS = 'SAMEORIGIN'` にします。特定の埋め込み元を許可するなら CSP の frame-ancestors を使います。" },
  references: { cwe: ['CWE-1021'], equivalents: ['Django security.W019'] },
  check(facts, ctx) {
    for (const group of djangoGroups(facts.python).values()) {
      const s = djangoSetting(group, ctx, 'X_FRAME_OPTIONS');
      if (!s) continue;
      const r = s.a.value.resolved;
      if (r === undefined) continue;
      if (typeof r === 'string' && /^(deny|sameorigin)$/i.test(r.trim())) continue;
      ctx.report({
        file: s.fact.file,
        line: s.a.line,
        column: s.a.column,
        message: { en: `X_FRAME_OPTIONS is ${typeof r === 'string' ? `'${r}'` : String(r)}: browsers only honour DENY or SAMEORIGIN, so pages can be framed by any site`, ja: `X_FRAME_OPTIONS が ${typeof r === 'string' ? `'${r}'` : String(r)} です。ブラウザが従うのは DENY か SAMEORIGIN だけで、どのサイトからでもフレームに埋め込めます` },
      });
    }
  },
});
