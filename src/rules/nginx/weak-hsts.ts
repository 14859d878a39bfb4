import { headerValue, walk } from '../../facts/nginx/query.js';
import { defineRule } from '../define.js';
import { RFC_HSTS_YEAR, reporter } from './_shared.js';

export default defineRule({
  id: 'nginx/weak-hsts',
  severity: 'low',
  environments: ['production', 'staging'],
  facts: ['nginx'],
  title: {
    en: 'HSTS max-age shorter than one year',
    ja: 'HSTS の max-age が 1 年未満',
  },
  description: {
    en: 'A short Strict-Transport-Security max-age lets the browser forget the HTTPS-only rule between visits, reopening the SSL-stripping window HSTS is meant to close. One year (31536000 s) is the common baseline and the minimum for the preload list; max-age=0 switches HSTS off.',
    ja: 'Strict-Transport-Security の max-age が短いと、訪問の間にブラウザが HTTPS 限定の指示を忘れ、HSTS が塞ぐはずの SSL ストリッピングの隙が再び開きます。1 年 (31536000 秒) が一般的な基準で、preload リストの最低値です。max-age=0 は HSTS を無効にします。',
  },
  fix: {
    en: 'Use `add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;` (raise it step by step if you are still testing).',
    ja: '`add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;` を使います（検証中なら段階的に引き上げます）。',
  },
  references: { cwe: ['CWE-523'] },
  check(facts, ctx) {
    const once = reporter(ctx);
    for (const cfg of facts.nginx) {
      walk(cfg.directives, (d) => {
        if (d.name !== 'add_header' && d.name !== 'more_set_headers') return;
        if (d.name === 'add_header' && d.args[0]?.toLowerCase() !== 'strict-transport-security') return;
        const value = headerValue(d, 'strict-transport-security');
        if (value === undefined) return;
        const m = /max-age\s*=\s*"?(\d+)/i.exec(value);
        const age = m ? Number(m[1]) : undefined;
        if (age !== undefined && age >= RFC_HSTS_YEAR) return;
        once(`${d.file}:${d.line}`, () =>
          ctx.report({
            file: d.file,
            line: d.line,
            column: d.column,
            message:
              age === undefined
                ? { en: 'Strict-Transport-Security has no max-age: browsers ignore the header', ja: 'Strict-Transport-Security に max-age がないため、ブラウザはこのヘッダーを無視します' }
                : age === 0
                  ? { en: 'Strict-Transport-Security max-age=0 switches HSTS off', ja: 'Strict-Transport-Security の max-age=0 は HSTS を無効にします' }
                  : {
                      en: `Strict-Transport-Security max-age=${age} is shorter than one year (31536000 seconds)`,
                      ja: `Strict-Transport-Security の max-age=${age} が 1 年 (31536000 秒) より短いです`,
                    },
          }),
        );
      });
    }
  },
});
