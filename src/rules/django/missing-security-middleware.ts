import { djangoGroups, djangoList, readInFull } from '../../facts/python/query.js';
import { defineRule } from '../define.js';

const REQUIRED: { path: string; check: string; why: { en: string; ja: string } }[] = [
  { path: 'django.middleware.security.SecurityMiddleware', check: 'security.W001', why: { en: 'SECURE_* settings (SSL redirect, HSTS, nosniff, referrer policy) have no effect', ja: 'SECURE_* 設定 (SSL リダイレクト、HSTS、nosniff、リファラポリシー) が効きません' } },
  { path: 'django.middleware.csrf.CsrfViewMiddleware', check: 'security.W003', why: { en: 'no view is protected against CSRF unless decorated with @csrf_protect', ja: '@csrf_protect を付けたビュー以外は CSRF から保護されません' } },
  { path: 'django.middleware.clickjacking.XFrameOptionsMiddleware', check: 'security.W002', why: { en: 'no X-Frame-Options header is sent, so pages can be framed (clickjacking)', ja: 'X-Frame-Options ヘッダーが送られず、ページをフレームに埋め込まれます (クリックジャッキング)' } },
];

export default defineRule({
  id: 'django/missing-security-middleware',
  severity: 'medium',
  facts: ['python'],
  title: { en: "Django MIDDLEWARE lacks a security middleware", ja: 'Django の MIDDLEWARE にセキュリティ用ミドルウェアがない' },
  description: {
    en: "Django's protections live in middleware: SecurityMiddleware applies SECURE_SSL_REDIRECT, HSTS and nosniff, CsrfViewMiddleware checks CSRF tokens, XFrameOptionsMiddleware sends X-Frame-Options. Removing one (often while debugging an API client or an iframe) silently switches that protection off for the whole site.",
    ja: 'Django の保護機能はミドルウェアで動きます。SecurityMiddleware は SECURE_SSL_REDIRECT・HSTS・nosniff を適用し、CsrfViewMiddleware は CSRF トークンを検証し、XFrameOptionsMiddleware は X-Frame-Options を送ります。(API クライアントや iframe のデバッグ中などに) どれかを外すと、その保護がサイト全体で黙って無効になります。',
  },
  fix: {
    en: "Keep the startproject order: SecurityMiddleware first, then SessionMiddleware, CommonMiddleware, CsrfViewMiddleware, AuthenticationMiddleware, MessageMiddleware, XFrameOptionsMiddleware. Exempt individual views with @csrf_exempt / @xframe_options_exempt instead of removing the middleware.",
    ja: 'startproject の順序を保ちます: 先頭に SecurityMiddleware、続いて SessionMiddleware、CommonMiddleware、CsrfViewMiddleware、AuthenticationMiddleware、MessageMiddleware、XFrameOptionsMiddleware。ミドルウェアを外す代わりに、個別のビューを @csrf_exempt / @xframe_options_exempt で除外します。',
  },
  references: { cwe: ['CWE-352', 'CWE-1021', 'CWE-693'], equivalents: ['Django security.W001', 'Django security.W002', 'Django security.W003'] },
  check(facts, ctx) {
    for (const group of djangoGroups(facts.python).values()) {
      const found = djangoList(group, ctx, 'middleware');
      if (!found || found.list.open) continue; // built at runtime: cannot tell
      if (!readInFull(group)) continue; // a settings file did not parse: the list may be cut short
      const present = new Set(found.list.items.map((i) => i.value));
      for (const r of REQUIRED) {
        if (present.has(r.path)) continue;
        ctx.report({
          file: found.fact.file,
          line: found.list.line,
          column: found.list.column,
          message: { en: `MIDDLEWARE does not include ${r.path}: ${r.why.en} (Django ${r.check})`, ja: `MIDDLEWARE に ${r.path} がありません。${r.why.ja} (Django ${r.check})` },
        });
      }
    }
  },
});
