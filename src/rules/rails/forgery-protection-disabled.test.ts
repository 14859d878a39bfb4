import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectLines, text } from '../../testing/harness.js';
import rule from './forgery-protection-disabled.js';

test('rails/forgery-protection-disabled: allow_forgery_protection = false in production.rb and application.rb', async () => {
  await expectLines(
    rule,
    {
      'config/environments/production.rb': text('Rails.application.configure do', '  config.action_controller.allow_forgery_protection = false', 'end'),
      'config/application.rb': text('class Application < Rails::Application', '  config.action_controller.default_protect_from_forgery = false', 'end'),
    },
    ['config/application.rb:2', 'config/environments/production.rb:2'],
  );
});

test('rails/forgery-protection-disabled: the test.rb twin is silent', async () => {
  await expectLines(rule, { 'config/environments/test.rb': text('Rails.application.configure do', '  config.action_controller.allow_forgery_protection = false', 'end') }, []);
});

test('rails/forgery-protection-disabled: unrestricted skips; ApplicationController is high, others medium', async () => {
  const f = await expectLines(
    rule,
    {
      'app/controllers/application_controller.rb': text('class ApplicationController < ActionController::Base', '  skip_forgery_protection', 'end'),
      'app/controllers/orders_controller.rb': text('class OrdersController < ApplicationController', '  skip_before_action :verify_authenticity_token', 'end'),
      'app/controllers/admin_controller.rb': text('class AdminController < ApplicationController', '  protect_from_forgery with: :exception, if: -> { false }', 'end'),
    },
    ['app/controllers/admin_controller.rb:2', 'app/controllers/application_controller.rb:2', 'app/controllers/orders_controller.rb:2'],
  );
  assert.deepEqual(f.map((x) => x.severity), ['high', 'high', 'medium']);
});

test('rails/forgery-protection-disabled: narrowed skips, API controllers and normal protection are silent', async () => {
  await expectLines(
    rule,
    {
      'app/controllers/webhooks_controller.rb': text('class WebhooksController < ApplicationController', '  skip_forgery_protection only: :stripe', 'end'),
      'app/controllers/api/base_controller.rb': text('class Api::BaseController < ActionController::API', '  skip_before_action :verify_authenticity_token, raise: false', 'end'),
      'app/controllers/application_controller.rb': text('class ApplicationController < ActionController::Base', '  protect_from_forgery with: :exception', 'end'),
    },
    [],
  );
});
