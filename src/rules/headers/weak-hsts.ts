import { defineRule } from '../define.js';
import { hdr, judgedPage } from '../../facts/probe-queries.js';

const YEAR = 31_536_000;

export default defineRule({
  id: 'headers/weak-hsts',
  command: 'probe',
  severity: 'low',
  facts: ['probeResponse'],
  title: { en: 'Strict-Transport-Security too short or without includeSubDomains', ja: 'Strict-Transport-Security の期間が短い、または includeSubDomains がない' },
  description: {
    en: 'HSTS protects for max-age seconds after the last visit; under a year (31536000) leaves gaps for occasional visitors and does not qualify for preloading, and max-age=0 switches HSTS off. Without includeSubDomains an attacker can still use a forgotten http:// subdomain to set cookies for the parent domain.',
    ja: 'HSTS の保護は最後の訪問から max-age 秒間だけ有効です。1 年（31536000）未満だとたまにしか訪れない利用者に隙間ができ、プリロードの条件も満たせません。max-age=0 は HSTS を無効にします。includeSubDomains がないと、忘れられた http:// のサブドメインを使って親ドメインに Cookie を設定される余地が残ります。',
  },
  fix: {
    en: 'Send `Strict-Transport-Security: max-age=31536000; includeSubDomains` once every subdomain serves HTTPS (add `; preload` and submit to hstspreload.org when ready).',
    ja: 'すべてのサブドメインが HTTPS で提供されていることを確認したうえで `Strict-Transport-Security: max-age=31536000; includeSubDomains` を返してください（準備ができたら `; preload` を付けて hstspreload.org に登録します）。',
  },
  references: { cwe: ['CWE-523'], equivalents: ['Django security.W005', 'testssl HSTS_time', 'Mozilla Observatory strict-transport-security'] },
  check(facts, ctx) {
    const p = judgedPage(facts.probeResponse);
    const v = p && hdr(p, 'strict-transport-security');
    if (!p || v === undefined) return;
    const parts = v.split(';').map((s) => s.trim().toLowerCase());
    const maxAgePart = parts.find((s) => s.startsWith('max-age'));
    const m = maxAgePart ? /^max-age\s*=\s*"?(\d+)"?$/.exec(maxAgePart) : null;
    const maxAge = m ? Number(m[1]) : undefined;
    const sub = parts.includes('includesubdomains');
    const problems: { en: string; ja: string }[] = [];
    let severity: 'low' | 'medium' = 'low';
    if (maxAge === undefined) {
      severity = 'medium';
      problems.push({ en: 'has no valid max-age, so browsers ignore it', ja: '有効な max-age がないため、ブラウザに無視されます' });
    } else if (maxAge === 0) {
      severity = 'medium';
      problems.push({ en: 'has max-age=0, which switches HSTS off', ja: 'max-age=0 のため HSTS が無効になっています' });
    } else if (maxAge < YEAR) {
      problems.push({ en: `has max-age=${maxAge} (${Math.floor(maxAge / 86400)} days), under one year`, ja: `max-age=${maxAge}（${Math.floor(maxAge / 86400)} 日）で 1 年未満です` });
    }
    if (!sub && maxAge) problems.push({ en: 'lacks includeSubDomains', ja: 'includeSubDomains がありません' });
    if (!problems.length) return;
    ctx.report({
      file: p.url,
      severity,
      message: { en: `Strict-Transport-Security ${problems.map((x) => x.en).join(' and ')}`, ja: `Strict-Transport-Security の設定: ${problems.map((x) => x.ja).join('。')}` },
      evidence: `Strict-Transport-Security: ${v}`.slice(0, 200),
    });
  },
});
