import { defineRule } from '../define.js';
import { hdr, hdrAll, isHtml, judgedPage, mainPage } from '../../facts/probe-queries.js';

export default defineRule({
  id: 'headers/missing-frame-protection',
  command: 'probe',
  severity: 'medium',
  facts: ['probeResponse'],
  title: { en: 'Page can be framed by any site (clickjacking)', ja: 'どのサイトからでもフレームに埋め込める（クリックジャッキング）' },
  description: {
    en: 'Neither `X-Frame-Options: DENY / SAMEORIGIN` nor a CSP `frame-ancestors` directive is sent, so another site can load the page in an invisible frame and trick users into clicking its buttons (clickjacking).',
    ja: '`X-Frame-Options: DENY / SAMEORIGIN` も CSP の `frame-ancestors` ディレクティブも送られていないため、別のサイトがページを見えないフレームに読み込み、利用者にボタンを押させることができます（クリックジャッキング）。',
  },
  fix: {
    en: 'Send `Content-Security-Policy: frame-ancestors \'none\'` (or \'self\'), and `X-Frame-Options: DENY` for old browsers — nginx `add_header X-Frame-Options "SAMEORIGIN" always;`, Django XFrameOptionsMiddleware with X_FRAME_OPTIONS = "DENY".',
    ja: '`Content-Security-Policy: frame-ancestors \'none\'`（または \'self\'）を送り、古いブラウザ向けに `X-Frame-Options: DENY` も送ってください。nginx なら `add_header X-Frame-Options "SAMEORIGIN" always;`、Django なら XFrameOptionsMiddleware と X_FRAME_OPTIONS = "DENY" です。',
  },
  references: { cwe: ['CWE-1021'], equivalents: ['Django security.W002', 'Django security.W019', 'Mozilla Observatory x-frame-options', 'seed S1.13'] },
  check(facts, ctx) {
    const p = judgedPage(facts.probeResponse) ?? mainPage(facts.probeResponse);
    if (!p || !isHtml(p) || (p.status !== undefined && p.status >= 300 && p.status < 400)) return;
    const xfo = hdr(p, 'x-frame-options')?.trim().toUpperCase();
    const fa = hdrAll(p, 'content-security-policy').some((v) => /(^|;)\s*frame-ancestors\s/i.test(v));
    if (fa || xfo === 'DENY' || xfo === 'SAMEORIGIN') return;
    ctx.report({
      file: p.url,
      message: xfo
        ? { en: `X-Frame-Options "${xfo.slice(0, 40)}" is not understood by current browsers, and there is no CSP frame-ancestors`, ja: `X-Frame-Options「${xfo.slice(0, 40)}」は現在のブラウザでは解釈されず、CSP の frame-ancestors もありません` }
        : { en: 'The page sends neither X-Frame-Options nor CSP frame-ancestors: any site can frame it', ja: 'ページが X-Frame-Options も CSP の frame-ancestors も送っていません: どのサイトからでもフレームに埋め込めます' },
    });
  },
});
