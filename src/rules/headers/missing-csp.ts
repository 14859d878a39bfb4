import { defineRule } from '../define.js';
import { hdr, isHtml, judgedPage, mainPage } from '../../facts/probe-queries.js';

export default defineRule({
  id: 'headers/missing-csp',
  command: 'probe',
  severity: 'medium',
  facts: ['probeResponse'],
  title: { en: 'No Content-Security-Policy header', ja: 'Content-Security-Policy ヘッダーがない' },
  description: {
    en: 'A Content-Security-Policy limits where scripts, styles and frames may come from, so an injected <script> does not run. It is the second line of defence against XSS, and the seeds require it in production; a policy in Report-Only mode enforces nothing.',
    ja: 'Content-Security-Policy はスクリプト・スタイル・フレームの読み込み元を制限し、注入された <script> を実行させません。XSS に対する二段目の防御であり、本番では必須です。Report-Only モードのポリシーは何も強制しません。',
  },
  fix: {
    en: 'Send an enforced policy, e.g. `Content-Security-Policy: default-src \'self\'; object-src \'none\'; base-uri \'none\'; frame-ancestors \'none\'` (Flask: Talisman(content_security_policy=…); Django: django-csp; Rails: config.content_security_policy; Express: helmet). Start in Report-Only, then enforce.',
    ja: '強制モードのポリシーを返してください。例: `Content-Security-Policy: default-src \'self\'; object-src \'none\'; base-uri \'none\'; frame-ancestors \'none\'`（Flask は Talisman(content_security_policy=…)、Django は django-csp、Rails は config.content_security_policy、Express は helmet）。まず Report-Only で様子を見て、その後強制します。',
  },
  references: { cwe: ['CWE-693', 'CWE-79'], equivalents: ['Mozilla Observatory content-security-policy', 'Lighthouse csp-xss', 'seed S0.18'] },
  check(facts, ctx) {
    const p = judgedPage(facts.probeResponse) ?? mainPage(facts.probeResponse);
    // A redirect that leaves the site (the chain is followed only within one origin) has no content to protect.
    if (p?.status !== undefined && p.status >= 300 && p.status < 400) return;
    if (!p || !isHtml(p) || hdr(p, 'content-security-policy') !== undefined) return;
    const reportOnly = hdr(p, 'content-security-policy-report-only') !== undefined;
    ctx.report({
      file: p.url,
      message: reportOnly
        ? { en: 'Content-Security-Policy is sent only as Report-Only: nothing is enforced', ja: 'Content-Security-Policy が Report-Only としてのみ送られています: 何も強制されません' }
        : { en: 'The page has no Content-Security-Policy header', ja: 'ページに Content-Security-Policy ヘッダーがありません' },
    });
  },
});
