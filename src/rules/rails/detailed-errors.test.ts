import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './detailed-errors.js';

const env = (line: string) => text('Rails.application.configure do', line, '  config.force_ssl = true', 'end');

test('rails/detailed-errors: consider_all_requests_local = true in production.rb', async () => {
  await expectLines(rule, { 'config/environments/production.rb': env('  config.consider_all_requests_local = true') }, ['config/environments/production.rb:2']);
});

test('rails/detailed-errors: true in application.rb, not overridden by production.rb', async () => {
  const app = text('class Application < Rails::Application', '  config.consider_all_requests_local = true', 'end');
  await expectLines(rule, { 'config/application.rb': app, 'config/environments/production.rb': env('  config.log_level = :info') }, ['config/application.rb:2']);
  await expectLines(rule, { 'config/application.rb': app, 'config/environments/production.rb': env('  config.consider_all_requests_local = false') }, []);
});

test('rails/detailed-errors: false in production and true in the development twin are silent', async () => {
  await expectLines(
    rule,
    {
      'config/environments/production.rb': env('  config.consider_all_requests_local = false'),
      'config/environments/development.rb': env('  config.consider_all_requests_local = true'),
    },
    [],
  );
});
