import { defineRule } from '../define.js';
import { hdr, judgedPage, mainPage } from '../../facts/probe-queries.js';

const UNSAFE = new Set(['unsafe-url', 'no-referrer-when-downgrade']);
const KNOWN = new Set(['no-referrer', 'no-referrer-when-downgrade', 'origin', 'origin-when-cross-origin', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin', 'unsafe-url']);

export default defineRule({
  id: 'headers/weak-referrer-policy',
  command: 'probe',
  severity: 'low',
  facts: ['probeResponse'],
  title: { en: 'Referrer-Policy missing or leaking full URLs', ja: 'Referrer-Policy がない、または完全な URL を漏らす設定' },
  description: {
    en: 'Referrer-Policy decides how much of the page URL is sent to other sites. `unsafe-url` and `no-referrer-when-downgrade` send the full URL — paths and query strings with ids or reset tokens — to every third party. Without the header the outcome depends on the browser\'s default.',
    ja: 'Referrer-Policy は、ページの URL をどこまで他サイトに送るかを決めます。`unsafe-url` と `no-referrer-when-downgrade` は完全な URL（ID やリセット用トークンを含むパスやクエリ）をすべての外部サイトに送ります。ヘッダーがない場合の挙動はブラウザの既定値次第です。',
  },
  fix: {
    en: 'Send `Referrer-Policy: strict-origin-when-cross-origin` (or `no-referrer`) — nginx `add_header Referrer-Policy "strict-origin-when-cross-origin" always;`, Django SECURE_REFERRER_POLICY = "same-origin".',
    ja: '`Referrer-Policy: strict-origin-when-cross-origin`（または `no-referrer`）を送ってください。nginx なら `add_header Referrer-Policy "strict-origin-when-cross-origin" always;`、Django なら SECURE_REFERRER_POLICY = "same-origin" です。',
  },
  references: { cwe: ['CWE-200'], equivalents: ['Django security.W022', 'Mozilla Observatory referrer-policy', 'seed S1.13'] },
  check(facts, ctx) {
    const p = judgedPage(facts.probeResponse) ?? mainPage(facts.probeResponse);
    // A redirect that leaves the site (the chain is followed only within one origin) has no content to protect.
    if (p?.status !== undefined && p.status >= 300 && p.status < 400) return;
    if (!p) return;
    const v = hdr(p, 'referrer-policy');
    if (v === undefined) {
      ctx.report({ file: p.url, message: { en: 'The page sends no Referrer-Policy header', ja: 'ページが Referrer-Policy ヘッダーを送っていません' } });
      return;
    }
    // The last policy the browser understands wins.
    const effective = v.split(',').map((s) => s.trim().toLowerCase()).filter((s) => KNOWN.has(s)).pop();
    if (effective && !UNSAFE.has(effective)) return;
    ctx.report({
      file: p.url,
      message: effective
        ? { en: `Referrer-Policy "${effective}" sends the full URL to other sites`, ja: `Referrer-Policy「${effective}」は完全な URL を他サイトに送ります` }
        : { en: `Referrer-Policy "${v.slice(0, 60)}" is not a policy browsers understand`, ja: `Referrer-Policy「${v.slice(0, 60)}」はブラウザが解釈できる値ではありません` },
      evidence: `Referrer-Policy: ${v}`.slice(0, 120),
    });
  },
});
