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

test('rails/forgery-protection-disabled: webhook and API controllers that authenticate each request by signature or token are silent', async () => {
  await expectLines(
    rule,
    {
      'app/controllers/hooks_controller.rb': text(
        'class HooksController < ApplicationController',
        '  skip_before_action :verify_authenticity_token',
        '  def payment',
        '    payload = request.body.read',
        '    PaymentProvider.validate_webhook!(request.headers["Payment-Verification"], payload)',
        '    head :ok',
        '  end',
        '  def billing',
        '    Billing::Event.construct_event(request.body.read, request.env["HTTP_BILLING_SIGNATURE"], secret)',
        '  end',
        'end',
      ),
      'app/controllers/api/v2/base_controller.rb': text(
        'class Api::V2::BaseController < ApplicationController',
        '  include Doorkeeper::Rails::Helpers',
        '  skip_forgery_protection',
        '  before_action :doorkeeper_authorize!',
        'end',
      ),
      'app/controllers/status_controller.rb': text(
        'class StatusController < ApplicationController',
        '  skip_before_action :verify_authenticity_token',
        '  before_action { authenticate_or_request_with_http_token { |t, _| ActiveSupport::SecurityUtils.secure_compare(t, ENV.fetch("STATUS_TOKEN")) } }',
        'end',
      ),
    },
    [],
  );
  // Naming a controller Webhooks does not count: without a check, the skip is reported.
  await expectLines(
    rule,
    { 'app/controllers/webhooks_controller.rb': text('class WebhooksController < ApplicationController', '  skip_before_action :verify_authenticity_token', '  def create', '    Event.create!(payload: params.to_unsafe_h)', '  end', 'end') },
    ['app/controllers/webhooks_controller.rb:2'],
  );
});
