import { defineRule } from '../define.js';
import { debugResponses, roleText } from './_debug.js';

export default defineRule({
  id: 'debug/rails-error-page',
  command: 'probe',
  severity: 'high',
  facts: ['probeResponse'],
  title: { en: 'Rails development error pages exposed', ja: 'Rails の開発用エラーページが公開されている' },
  description: {
    en: 'Rails shows its detailed exception / routing-error pages (with the full route table, request parameters, backtrace and sometimes the web-console) or /rails/info: consider_all_requests_local is true or the app runs in the development environment.',
    ja: 'Rails の詳細な例外・ルーティングエラーページ（全ルート一覧、リクエストパラメータ、バックトレース、場合によっては web-console 付き）や /rails/info が表示されています。consider_all_requests_local が true か、development 環境で動いています。',
  },
  fix: {
    en: 'Run with RAILS_ENV=production; in config/environments/production.rb keep config.consider_all_requests_local = false, and keep web-console in the development group of the Gemfile.',
    ja: 'RAILS_ENV=production で動かし、config/environments/production.rb では config.consider_all_requests_local = false のままにして、web-console は Gemfile の development グループに置いてください。',
  },
  references: { cwe: ['CWE-489', 'CWE-209'], equivalents: ['Brakeman (LocalRequestConfig)'] },
  check(facts, ctx) {
    for (const { r, m } of debugResponses(facts.probeResponse, 'rails')) {
      const via = roleText(r.role);
      ctx.report({
        file: r.url,
        message: { en: `Rails shows its development error page (${m.what}, found via ${via.en})`, ja: `Rails の開発用エラーページが表示されます（${m.what}、${via.ja}で検出）` },
        evidence: m.evidence,
      });
    }
  },
});
