import { defineRule } from '../define.js';
import { hdr, judgedPage, mainPage } from '../../facts/probe-queries.js';

export default defineRule({
  id: 'headers/missing-nosniff',
  command: 'probe',
  severity: 'low',
  facts: ['probeResponse'],
  title: { en: 'No X-Content-Type-Options: nosniff', ja: 'X-Content-Type-Options: nosniff がない' },
  description: {
    en: 'Without `X-Content-Type-Options: nosniff`, browsers may guess ("sniff") a response\'s type and run an uploaded text or image file as script or HTML.',
    ja: '`X-Content-Type-Options: nosniff` がないと、ブラウザが応答の種類を推測（スニッフィング）し、アップロードされたテキストや画像をスクリプトや HTML として実行することがあります。',
  },
  fix: {
    en: 'nginx: `add_header X-Content-Type-Options "nosniff" always;` — Django: SECURE_CONTENT_TYPE_NOSNIFF = True (default); Express: helmet(); Talisman sends it by default.',
    ja: 'nginx なら `add_header X-Content-Type-Options "nosniff" always;`、Django なら SECURE_CONTENT_TYPE_NOSNIFF = True（既定値）、Express なら helmet() です。Talisman は既定で送ります。',
  },
  references: { cwe: ['CWE-693'], equivalents: ['Django security.W006', 'Mozilla Observatory x-content-type-options', 'seed S1.13'] },
  check(facts, ctx) {
    const p = judgedPage(facts.probeResponse) ?? mainPage(facts.probeResponse);
    // A redirect that leaves the site (the chain is followed only within one origin) has no content to protect.
    if (p?.status !== undefined && p.status >= 300 && p.status < 400) return;
    if (!p) return;
    const v = hdr(p, 'x-content-type-options');
    if (v?.trim().toLowerCase() === 'nosniff') return;
    ctx.report({
      file: p.url,
      message: v === undefined
        ? { en: 'The page has no X-Content-Type-Options: nosniff header', ja: 'ページに X-Content-Type-Options: nosniff ヘッダーがありません' }
        : { en: `X-Content-Type-Options is "${v.slice(0, 40)}", not nosniff`, ja: `X-Content-Type-Options が nosniff ではなく「${v.slice(0, 40)}」です` },
    });
  },
});
