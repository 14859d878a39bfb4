import { defineRule } from '../define.js';

/** Middleware that sets the security headers (CSP, HSTS, X-Frame-Options / frame-ancestors, nosniff …). */
const HEADER_MODULES = new Set(['helmet', 'lusca']);

export default defineRule({
  id: 'express/missing-security-headers',
  severity: 'medium',
  environments: ['production', 'staging'],
  facts: ['javascript'],
  title: {
    en: 'Express app without security-header middleware',
    ja: 'Express アプリにセキュリティヘッダーのミドルウェアがない',
  },
  description: {
    en: 'Express sends none of the headers browsers use to defend a site: Content-Security-Policy, Strict-Transport-Security, X-Frame-Options / frame-ancestors (clickjacking), X-Content-Type-Options (MIME sniffing), Referrer-Policy — and it announces itself with X-Powered-By. helmet (or lusca) sets them in one line. Reported once per application — an `express()` call whose result listens, is exported or returned — when no file of the same package (nearest package.json) imports helmet or lusca. Sub-apps mounted into another app are covered by the parent.',
    ja: 'Express は、ブラウザーがサイトを守るために使うヘッダー (Content-Security-Policy、Strict-Transport-Security、クリックジャッキング対策の X-Frame-Options / frame-ancestors、MIME スニッフィング対策の X-Content-Type-Options、Referrer-Policy) を何も送らず、X-Powered-By で自らを名乗ります。helmet (または lusca) なら 1 行で設定できます。listen する・export される・return される `express()` アプリごとに、同じパッケージ (最も近い package.json) のどのファイルも helmet / lusca を import していない場合に 1 件報告します。別のアプリにマウントされるサブアプリは親アプリで判定します。',
  },
  fix: {
    en: 'Install helmet and register it before the routes: `import helmet from "helmet"; app.use(helmet());`. Then tune its Content-Security-Policy for the scripts and styles the app really loads, and check the headers with `honban probe`.',
    ja: 'helmet をインストールし、ルートより前に登録してください: `import helmet from "helmet"; app.use(helmet());`。その後、アプリが実際に読み込むスクリプトやスタイルに合わせて Content-Security-Policy を調整し、`honban probe` でヘッダーを確認します。',
  },
  references: { cwe: ['CWE-693', 'CWE-1021'], equivalents: ['Mozilla Observatory', 'seed S0.12', 'seed S0.18'] },
  check(facts, ctx) {
    const protectedPackages = new Set(facts.javascript.filter((f) => f.imports.some((i) => HEADER_MODULES.has(i.module))).map((f) => f.packageDir));
    for (const f of facts.javascript) {
      if (protectedPackages.has(f.packageDir)) continue;
      for (const app of f.apps) {
        if (app.mounted || !(app.listens || app.exported)) continue;
        const name = app.name ?? 'express()';
        ctx.report({
          file: f.file,
          line: app.line,
          column: app.column,
          key: 'helmet',
          message: {
            en: `Express app ${name} sets no security headers: no helmet or lusca in its package, so responses carry no CSP, HSTS, X-Frame-Options or nosniff`,
            ja: `Express アプリ ${name} がセキュリティヘッダーを設定していません: パッケージ内に helmet も lusca もなく、CSP・HSTS・X-Frame-Options・nosniff のない応答になります`,
          },
        });
      }
    }
  },
});
