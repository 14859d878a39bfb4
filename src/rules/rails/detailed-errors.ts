import { defineRule } from '../define.js';
import { effectiveSettings, literalWord } from './_util.js';

export default defineRule({
  id: 'rails/detailed-errors',
  severity: 'high',
  environments: ['production', 'staging'],
  facts: ['ruby'],
  title: {
    en: 'Rails shows detailed error pages to every visitor',
    ja: 'Rails が詳細なエラーページを全訪問者に表示する',
  },
  description: {
    en: '`config.consider_all_requests_local = true` treats every request as coming from the developer\'s machine: any exception renders the full debug page — backtrace, source excerpts, request parameters, session and environment details — to whoever triggered it. It belongs in development.rb only; in production.rb (or application.rb, which production inherits) it discloses internals to attackers.',
    ja: '`config.consider_all_requests_local = true` はすべてのリクエストを開発者のマシンからのものとして扱います。例外が起きると、バックトレース、ソースコードの抜粋、リクエストパラメーター、セッションや環境の情報を含むデバッグページが、例外を起こした誰にでも表示されます。この設定は development.rb だけのもので、production.rb (または本番が引き継ぐ application.rb) にあると内部情報を攻撃者に明かしてしまいます。',
  },
  fix: {
    en: 'Set `config.consider_all_requests_local = false` in config/environments/production.rb (and remove it from config/application.rb); report errors to an error tracker instead of the page.',
    ja: 'config/environments/production.rb で `config.consider_all_requests_local = false` にし、config/application.rb からは削除してください。エラーの詳細は画面ではなくエラートラッカーに送ります。',
  },
  references: { cwe: ['CWE-209', 'CWE-215'], equivalents: ['Brakeman CheckDetailedExceptions'] },
  check(facts, ctx) {
    for (const { fact, setting } of effectiveSettings(facts.ruby, 'consider_all_requests_local')) {
      if (setting.conditional || literalWord(setting.value) !== 'true') continue;
      ctx.report({
        file: fact.file,
        line: setting.line,
        column: setting.column,
        key: 'consider_all_requests_local',
        message: {
          en: `config.consider_all_requests_local is true for ${ctx.environment}: every visitor who triggers an exception sees the backtrace, source and request details`,
          ja: `${ctx.environment} で config.consider_all_requests_local が true です: 例外を起こした訪問者全員にバックトレース、ソース、リクエストの詳細が表示されます`,
        },
      });
    }
  },
});
