import { walk } from '../../facts/nginx/query.js';
import { defineRule } from '../define.js';
import { reporter } from './_shared.js';

type Category = 'NULL' | 'aNULL' | 'EXPORT' | 'RC4' | '3DES' | 'DES' | 'MD5' | 'LOW' | 'MEDIUM';

/** Weak categories an OpenSSL cipher-list element selects. */
export function categories(element: string): Set<Category> {
  const up = element.toUpperCase();
  const out = new Set<Category>();
  if (up.includes('ANULL') || /(^|\+)(ADH|AECDH)/.test(up) || /(^|[-+])ANON([-+]|$)/.test(up) || up === 'ALL') out.add('aNULL');
  if (/(^|[-+])E?NULL([-+]|$)/.test(up)) out.add('NULL');
  if (/(^|[-+])EXP(ORT)?(40|56|1024)?([-+]|$)/.test(up)) out.add('EXPORT');
  if (/RC4/.test(up)) out.add('RC4');
  if (/(^|[-+])(3DES|DES-CBC3)([-+]|$)/.test(up) || /DES-CBC3/.test(up)) out.add('3DES');
  else if (/(^|[-+])DES(-CBC)?([-+]|$)/.test(up)) out.add('DES');
  if (/(^|[-+])MD5([-+]|$)/.test(up)) out.add('MD5');
  if (up === 'LOW') out.add('LOW');
  if (up === 'MEDIUM') out.add('MEDIUM');
  return out;
}

/**
 * The weak categories a cipher string leaves enabled, following OpenSSL's list semantics:
 * `!X` removes X for good, `-X` removes it until something adds it back, `+X` only reorders.
 */
export function weakCiphers(list: string): Category[] {
  const banned = new Set<Category>();
  const enabled = new Set<Category>();
  for (const raw of list.split(/[:, ]+/)) {
    const el = raw.trim();
    if (!el || el.startsWith('@')) continue;
    if (el.startsWith('!')) {
      for (const c of categories(el.slice(1))) {
        banned.add(c);
        enabled.delete(c);
      }
    } else if (el.startsWith('-')) {
      for (const c of categories(el.slice(1))) enabled.delete(c);
    } else if (!el.startsWith('+')) {
      for (const c of categories(el)) if (!banned.has(c)) enabled.add(c);
    }
  }
  return [...enabled];
}

const NO_PROTECTION = new Set(['NULL', 'aNULL', 'EXPORT']);
const LABEL: Record<Category, string> = {
  NULL: 'NULL (no encryption)',
  aNULL: 'aNULL/ADH (no authentication)',
  EXPORT: 'EXPORT (40/56-bit)',
  RC4: 'RC4',
  '3DES': '3DES (Sweet32)',
  DES: 'DES',
  MD5: 'MD5',
  LOW: 'LOW',
  MEDIUM: 'MEDIUM',
};

export default defineRule({
  id: 'nginx/weak-tls-cipher',
  severity: 'medium',
  environments: ['production', 'staging'],
  facts: ['nginx'],
  title: {
    en: 'Weak ciphers enabled in ssl_ciphers',
    ja: 'ssl_ciphers で弱い暗号スイートが有効',
  },
  description: {
    en: 'The cipher list enables suites that offer no encryption (NULL), no server authentication (aNULL, ADH), export-grade keys, or broken algorithms (RC4, DES, 3DES, MD5). A downgrade or a passive attacker can then read or tamper with traffic. Modern clients need none of them.',
    ja: '暗号スイートの一覧で、暗号化なし (NULL)、サーバー認証なし (aNULL, ADH)、輸出グレードの鍵、または破られたアルゴリズム (RC4, DES, 3DES, MD5) が有効になっています。ダウングレード攻撃や盗聴で通信を読まれ、改ざんされるおそれがあります。現行のクライアントにはどれも不要です。',
  },
  fix: {
    en: "Use Mozilla's intermediate list: `ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384;` with `ssl_prefer_server_ciphers off;`.",
    ja: 'Mozilla の intermediate 設定の一覧を使います: `ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384;` と `ssl_prefer_server_ciphers off;`。',
  },
  references: { cwe: ['CWE-327'] },
  check(facts, ctx) {
    const once = reporter(ctx);
    for (const cfg of facts.nginx) {
      walk(cfg.directives, (d) => {
        if (d.name !== 'ssl_ciphers' || !d.args[0]) return;
        const weak = weakCiphers(d.args.join(':'));
        if (!weak.length) return;
        const severe = weak.some((c) => NO_PROTECTION.has(c));
        const names = weak.map((c) => LABEL[c]).join(', ');
        once(`${d.file}:${d.line}`, () =>
          ctx.report({
            file: d.file,
            line: d.line,
            column: d.words[1]!.column,
            severity: severe ? 'high' : 'medium',
            message: {
              en: `ssl_ciphers enables weak ciphers: ${names}`,
              ja: `ssl_ciphers で弱い暗号スイートが有効です: ${names}`,
            },
          }),
        );
      });
    }
  },
});
