import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './debug-log-level.js';

const env = (line: string) => text('Rails.application.configure do', '  config.force_ssl = true', line, 'end');

test('rails/debug-log-level: :debug and "debug" in production.rb', async () => {
  await expectLines(rule, { 'config/environments/production.rb': env('  config.log_level = :debug') }, ['config/environments/production.rb:3']);
  await expectLines(rule, { 'config/environments/production.rb': env('  config.log_level = "debug"') }, ['config/environments/production.rb:3']);
});

test('rails/debug-log-level: an ENV.fetch fallback of "debug" points at the read', async () => {
  await expectLines(rule, { 'config/environments/production.rb': env('  config.log_level = ENV.fetch("RAILS_LOG_LEVEL", "debug")') }, ['config/environments/production.rb:3']);
});

test('rails/debug-log-level: info, an info fallback and the development twin are silent', async () => {
  await expectLines(
    rule,
    {
      'config/environments/production.rb': env('  config.log_level = ENV.fetch("RAILS_LOG_LEVEL", "info")'),
      'config/environments/development.rb': env('  config.log_level = :debug'),
    },
    [],
  );
  await expectLines(rule, { 'config/environments/production.rb': env('  config.log_level = :info') }, []);
});
