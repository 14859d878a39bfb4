import { defineRule } from '../define.js';
import { effectiveSettings, literalWord } from './_util.js';

export default defineRule({
  id: 'rails/debug-log-level',
  severity: 'low',
  environments: ['production', 'staging'],
  facts: ['ruby'],
  title: {
    en: 'Rails logs at debug level in production',
    ja: 'Rails の本番ログレベルが debug',
  },
  description: {
    en: '`config.log_level = :debug` in production.rb (the Rails 5 and 6 generators wrote it there) logs every SQL statement with its bound values, cache and view rendering details. Personal data and tokens land in log files and log services, and log volume and cost multiply. A default of "debug" in `ENV.fetch("RAILS_LOG_LEVEL", "debug")` counts too: it applies whenever the variable is not set.',
    ja: 'production.rb の `config.log_level = :debug` (Rails 5・6 のジェネレーターが出力していた設定) は、すべての SQL をバインド値付きで、キャッシュやビュー描画の詳細とともに記録します。個人情報やトークンがログファイルやログサービスに残り、ログの量とコストも膨らみます。`ENV.fetch("RAILS_LOG_LEVEL", "debug")` の既定値 "debug" も対象です。変数が設定されていなければその値が使われます。',
  },
  fix: {
    en: 'Use `config.log_level = ENV.fetch("RAILS_LOG_LEVEL", "info")` in config/environments/production.rb and raise the level only while investigating.',
    ja: 'config/environments/production.rb で `config.log_level = ENV.fetch("RAILS_LOG_LEVEL", "info")` とし、調査中だけ一時的にレベルを上げてください。',
  },
  references: { cwe: ['CWE-532'] },
  check(facts, ctx) {
    for (const { fact, setting } of effectiveSettings(facts.ruby, 'log_level')) {
      if (setting.conditional) continue;
      const v = setting.value;
      const word = literalWord(v)?.toLowerCase();
      const fallback = v.kind === 'env' && v.envHasDefault ? v.envDefault?.toLowerCase() : undefined;
      if (word === 'debug') {
        ctx.report({
          file: fact.file,
          line: setting.line,
          column: setting.column,
          key: 'log_level',
          message: {
            en: `config.log_level is :debug for ${ctx.environment}: SQL with bound values and request details are written to the logs`,
            ja: `${ctx.environment} で config.log_level が :debug です: バインド値付きの SQL やリクエストの詳細がログに書き込まれます`,
          },
        });
      } else if (fallback === 'debug') {
        const name = v.env?.[0] ?? 'the variable';
        ctx.report({
          file: fact.file,
          line: v.line,
          column: v.column,
          key: 'log_level',
          message: {
            en: `config.log_level falls back to "debug" when ${name} is unset in ${ctx.environment}`,
            ja: `${ctx.environment} で ${name} が未設定のとき、config.log_level は "debug" になります`,
          },
        });
      }
    }
  },
});
