import type { NginxDirective } from '../../facts/nginx/types.js';
import { inherited, isTls, servers } from '../../facts/nginx/query.js';
import { walk } from '../../facts/nginx/query.js';
import { defineRule } from '../define.js';
import { at, reporter, unknownIncludes } from './_shared.js';

const BROKEN = new Set(['sslv2', 'sslv3']);
const DEPRECATED = new Set(['tlsv1', 'tlsv1.1']);

export default defineRule({
  id: 'nginx/weak-tls-protocol',
  severity: 'medium',
  environments: ['production', 'staging'],
  facts: ['nginx'],
  title: {
    en: 'Obsolete TLS/SSL protocol versions enabled',
    ja: '廃止された TLS/SSL プロトコルが有効',
  },
  description: {
    en: 'SSLv2 and SSLv3 are broken (DROWN, POODLE); TLS 1.0 and 1.1 are deprecated (RFC 8996), fail PCI DSS, and cap an SSL Labs grade at B. Every current browser and client speaks TLS 1.2 and 1.3. When ssl_protocols is not set at all, nginx before 1.23.4 enables TLSv1 and TLSv1.1 by default.',
    ja: 'SSLv2 と SSLv3 は破られています (DROWN, POODLE)。TLS 1.0 と 1.1 は非推奨 (RFC 8996) で、PCI DSS に適合せず、SSL Labs の評価は B 止まりになります。現行のブラウザとクライアントはすべて TLS 1.2 / 1.3 に対応しています。ssl_protocols を設定しない場合、nginx 1.23.4 より前のバージョンは既定で TLSv1 と TLSv1.1 を有効にします。',
  },
  fix: {
    en: 'Set `ssl_protocols TLSv1.2 TLSv1.3;` in the http block (or every TLS server).',
    ja: 'http ブロック（または TLS のすべての server）に `ssl_protocols TLSv1.2 TLSv1.3;` を設定します。',
  },
  references: { cwe: ['CWE-326', 'CWE-327'] },
  check(facts, ctx) {
    const once = reporter(ctx);
    for (const cfg of facts.nginx) {
      walk(cfg.directives, (d: NginxDirective) => {
        if (d.name !== 'ssl_protocols') return;
        const bad = d.words.slice(1).filter((w) => BROKEN.has(w.value.toLowerCase()) || DEPRECATED.has(w.value.toLowerCase()));
        if (!bad.length) return;
        const names = bad.map((w) => w.value);
        const broken = bad.some((w) => BROKEN.has(w.value.toLowerCase()));
        once(`${d.file}:${d.line}`, () =>
          ctx.report({
            file: d.file,
            line: d.line,
            column: bad[0]!.column,
            severity: broken ? 'high' : 'medium',
            message: {
              en: `ssl_protocols enables ${names.join(', ')}: ${broken ? 'SSL 2/3 are broken' : 'TLS 1.0/1.1 are deprecated'}; allow only TLSv1.2 and TLSv1.3`,
              ja: `ssl_protocols で ${names.join(', ')} が有効です: ${broken ? 'SSL 2/3 は破られています' : 'TLS 1.0/1.1 は非推奨です'}。TLSv1.2 と TLSv1.3 だけを許可してください`,
            },
          }),
        );
      });
      for (const s of servers(cfg)) {
        if (!isTls(s) || inherited(s.chain, 'ssl_protocols')) continue;
        // An included file outside the repository (certbot's options-ssl-nginx.conf …) may set it.
        if (unknownIncludes(s.chain, 'tls').length) continue;
        once(`${s.node.file}:${s.node.line}`, () =>
          ctx.report({
            ...at(s.node),
            severity: 'low',
            message: {
              en: 'TLS server does not set ssl_protocols: nginx before 1.23.4 then enables TLSv1 and TLSv1.1 (Ubuntu 20.04/22.04 and Debian 11/12 ship 1.18–1.22)',
              ja: 'TLS の server で ssl_protocols が設定されていません: nginx 1.23.4 より前では TLSv1 と TLSv1.1 が有効になります (Ubuntu 20.04/22.04、Debian 11/12 の nginx は 1.18〜1.22)',
            },
          }),
        );
      }
    }
  },
});
