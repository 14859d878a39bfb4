import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CollectContext } from '../contracts/collector.js';
import { ParseError } from '../contracts/errors.js';
import { classifyEnvironment } from '../lib/environment.js';
import type { SourceFile } from '../contracts/types.js';
import collector from './ruby.js';
import { type RubyFacts } from '../facts/ruby.js';

function file(path: string, content: string): SourceFile {
  return { path, content, kind: path.endsWith('.yml') ? 'yaml' : 'ruby', environment: classifyEnvironment(path), gitIgnored: false };
}
function ctx(secrets: string[] = []): CollectContext {
  return { environment: 'production', files: [], customEnvs: [], registerSecret: (v) => secrets.push(v) };
}
async function one(path: string, content: string, secrets: string[] = []): Promise<RubyFacts> {
  const r = await collector.collect(file(path, content), ctx(secrets));
  assert.ok(r && !Array.isArray(r));
  return r;
}
const reads = (f: RubyFacts) => f.envReads.map((r) => `${r.name}@${r.line}:${r.column} ${r.via}${r.hasDefault ? ' default' : ''}${r.defaultValue !== undefined ? `=${r.defaultValue}` : ''}${r.guarded ? ' guarded' : ''}${r.devOnly ? ' dev' : ''}${r.alternatives ? ` alt=${r.alternatives.join(',')}` : ''}`);

test('ruby collector: every form of ENV read, with fallbacks, guards, alternatives and dev-only branches', async () => {
  const f = await one(
    'app/lib/env.rb',
    [
      'a = ENV["A"]',
      "b = ENV.fetch('B')",
      'c = ENV.fetch("C", "dc")',
      'd = ENV.fetch("D") { "dd" }',
      'e = ENV["E"] || "de"',
      'f = ENV.key?("F")',
      'g = ENV.fetch("G") { |k| raise KeyError, k }',
      'h = ENV["H"].presence || ENV["H2"]',
      'i = ENV["I"] == "1"',
      'if Rails.env.development?',
      '  j = ENV["J"]',
      'end',
      'k = ENV["K"] if ENV["K"].present?',
      'l = ::ENV["L"]',
      'm = "日本😀"; n = ENV["N"]',
      'o = ENV["DYN_#{x}"]',
      'ENV["TZ"] = "UTC"',
    ].join('\n'),
  );
  assert.deepEqual(reads(f), [
    'A@1:5 ENV[]',
    'B@2:5 ENV.fetch',
    'C@3:5 ENV.fetch default=dc',
    'D@4:5 ENV.fetch default=dd',
    'E@5:5 ENV[] default=de',
    'F@6:5 ENV.key? default guarded',
    'G@7:5 ENV.fetch',
    'H@8:5 ENV[] default',
    'H2@8:26 ENV[] alt=H',
    'I@9:5 ENV[] default guarded',
    'J@11:7 ENV[] dev',
    'K@13:5 ENV[] default guarded',
    'K@13:17 ENV[] default guarded',
    'L@14:5 ENV[]',
    'N@15:17 ENV[]',
  ]);
});

test('ruby collector: Rails settings with values, the configure anchor and conditional settings', async () => {
  const f = await one(
    'config/environments/production.rb',
    [
      '# frozen_string_literal: true',
      'Rails.application.configure do',
      '  config.force_ssl = true',
      '  config.log_level = ENV.fetch("RAILS_LOG_LEVEL", "info")',
      '  config.cache_store = :mem_cache_store, "a:11211", { namespace: "x" }',
      '  config.session_store :cookie_store, key: "_shop", secure: true',
      '  config.hosts << "example.com"',
      '  config.action_controller.allow_forgery_protection = false if ENV["NO_CSRF"]',
      'end',
    ].join('\n'),
  );
  assert.equal(f.railsConfig, 'environment');
  assert.equal(f.environment, 'production');
  assert.deepEqual(f.anchor, { line: 2, column: 1 });
  assert.deepEqual(
    f.settings.map((s) => `${s.key} ${s.form} ${s.value.kind}${s.conditional ? ' cond' : ''}@${s.line}`),
    ['force_ssl assign bool@3', 'log_level assign env@4', 'cache_store assign list@5', 'session_store call list@6', 'action_controller.allow_forgery_protection assign bool cond@8'],
  );
  const cache = f.settings[2]!.value;
  assert.deepEqual(cache.items!.map((i) => `${i.kind}:${i.value ?? ''}`), ['symbol:mem_cache_store', 'string:a:11211', 'hash:']);
  const log = f.settings[1]!.value;
  assert.equal(log.envDefault, 'info');
  const session = f.settings[3]!.value.items![1]!;
  assert.deepEqual(session.pairs!.map((p) => `${p.key}=${p.value.value}`), ['key=_shop', 'secure=true']);
});

test('ruby collector: config. outside a config/ directory is not a Rails setting', async () => {
  const f = await one('lib/thing.rb', 'config.force_ssl = false\nRails.application.config.x.flag = true\n');
  assert.deepEqual(f.settings.map((s) => s.key), ['x.flag']);
});

test('ruby collector: forgery directives with their class and options', async () => {
  const f = await one(
    'app/controllers/hooks_controller.rb',
    ['class HooksController < ApplicationController', '  skip_forgery_protection only: :create', '  skip_before_action :verify_authenticity_token', '  protect_from_forgery', 'end'].join('\n'),
  );
  assert.deepEqual(
    f.forgery.map((d) => `${d.kind} ${d.className}<${d.superclass} ${Object.keys(d.options).join(',')}@${d.line}`),
    ['skip_forgery_protection HooksController<ApplicationController only@2', 'skip_verify_authenticity_token HooksController<ApplicationController @3', 'protect_from_forgery HooksController<ApplicationController @4'],
  );
});

test('ruby collector: literal assignments (constants, hash keys, attributes) register secret-like values; secret_key_base is left to the rails rule', async () => {
  const secrets: string[] = [];
  const f = await one(
    'config/initializers/keys.rb',
    [
      'API_TOKEN = "tok-123"',
      'Stripe.api_key = "sk_live_x"',
      'SMTP = { user_name: "mailer", password: "p4ss" }',
      'Rails.application.config.secret_key_base = "kb-literal"',
      'name = "plain #{x}"',
      'MAIL_KEY = ENV.fetch("MAILGUN_API_KEY", "key-fallback")',
      'Rails.application.config.secret_key_base = ENV["SECRET_KEY_BASE"] || "kb-fallback"',
      'ENV["WEBHOOK_TOKEN"] ||= "wh-default"',
    ].join('\n'),
    secrets,
  );
  assert.deepEqual(f.literalAssignments.map((l) => `${l.how} ${l.name}|${l.key}=${l.value}@${l.line}:${l.column}`), [
    'assign API_TOKEN|API_TOKEN=tok-123@1:1',
    'attribute Stripe.api_key|api_key=sk_live_x@2:1',
    'hash-key user_name|user_name=mailer@3:10',
    'hash-key password|password=p4ss@3:31',
    'env-default MAILGUN_API_KEY|MAILGUN_API_KEY=key-fallback@6:12',
    'index ENV["WEBHOOK_TOKEN"]|WEBHOOK_TOKEN=wh-default@8:1',
  ]);
  assert.deepEqual([...new Set(secrets)].sort(), ['kb-fallback', 'kb-literal', 'key-fallback', 'p4ss', 'sk_live_x', 'tok-123', 'wh-default']);
});

test('ruby collector: ERB YAML — reads and literal secrets per section environment', async () => {
  const secrets: string[] = [];
  const r = await collector.collect(
    file(
      'config/database.yml',
      [
        'default: &default',
        '  adapter: postgresql',
        '  pool: <%= ENV.fetch("RAILS_MAX_THREADS") { 5 } %>',
        '  password: devpass',
        'development:',
        '  <<: *default',
        'production:',
        '  <<: *default',
        '  url: <%= ENV["DATABASE_URL"] %>',
        '  password: "<%= ENV[\'DB_PASSWORD\'] %>"',
      ].join('\n'),
    ),
    ctx(secrets),
  );
  assert.ok(Array.isArray(r));
  assert.deepEqual(r.map((f) => `${f.section}:${f.environment} ${reads(f).join(' ')} ${f.yamlSecrets.map((y) => `${y.key}@${y.line}:${y.column}`).join(' ')}`), [
    'default:shared RAILS_MAX_THREADS@3:13 ENV.fetch default=5 password@4:13',
    'development:development  ',
    'production:production DATABASE_URL@9:12 ENV[] DB_PASSWORD@10:18 ENV[] ',
  ]);
  assert.deepEqual(r[2]!.yamlKeys, ['url', 'password']);
  assert.deepEqual(secrets, ['devpass']);
});

test('ruby collector: other YAML files without ERB are skipped; a Ruby syntax error is a ParseError with its position', async () => {
  assert.equal(await collector.collect(file('config/locales/en.yml', 'en:\n  hello: world\n'), ctx()), undefined);
  await assert.rejects(async () => collector.collect(file('app/x.rb', 'def broken(\n  1 +\nend end\n'), ctx()), (e: unknown) => e instanceof ParseError && typeof e.line === 'number');
});
