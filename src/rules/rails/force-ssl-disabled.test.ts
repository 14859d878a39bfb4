import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectLines, text } from '../../testing/harness.js';
import rule from './force-ssl-disabled.js';

const production = (line: string) => text('Rails.application.configure do', '  config.eager_load = true', line, 'end');

test('rails/force-ssl-disabled: force_ssl = false in production.rb', async () => {
  await expectLines(rule, { 'config/environments/production.rb': production('  config.force_ssl = false') }, ['config/environments/production.rb:3']);
});

test('rails/force-ssl-disabled: unset in production.rb is medium, at the configure block', async () => {
  const f = await expectLines(rule, { 'config/environments/production.rb': production('  config.log_level = :info') }, ['config/environments/production.rb:1']);
  assert.equal(f[0]!.severity, 'medium');
});

test('rails/force-ssl-disabled: false in application.rb counts unless production.rb overrides it', async () => {
  const app = text('module Shop', '  class Application < Rails::Application', '    config.force_ssl = false', '  end', 'end');
  await expectLines(rule, { 'config/application.rb': app, 'config/environments/production.rb': production('  config.log_level = :info') }, ['config/application.rb:3']);
  await expectLines(rule, { 'config/application.rb': app, 'config/environments/production.rb': production('  config.force_ssl = true') }, []);
});

test('rails/force-ssl-disabled: true, run-time values and the development twin are silent', async () => {
  await expectLines(rule, { 'config/environments/production.rb': production('  config.force_ssl = true') }, []);
  await expectLines(rule, { 'config/environments/production.rb': production('  config.force_ssl = ENV["FORCE_SSL"] != "false"') }, []);
  await expectLines(rule, { 'config/environments/development.rb': production('  config.force_ssl = false') }, []);
  await expectLines(rule, { 'config/environments/staging.rb': production('  config.force_ssl = false') }, []);
});

test('rails/force-ssl-disabled: judged for staging with staging.rb', async () => {
  await expectLines(rule, { 'config/environments/staging.rb': production('  config.force_ssl = false') }, ['config/environments/staging.rb:3'], { environment: 'staging' });
});
