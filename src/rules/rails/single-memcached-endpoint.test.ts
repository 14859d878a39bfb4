import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './single-memcached-endpoint.js';

const env = (line: string) => text('Rails.application.configure do', line, 'end');

test('rails/single-memcached-endpoint: one endpoint assembled from ENV parts (seed 004), one literal, none', async () => {
  await expectLines(
    rule,
    { 'config/environments/production.rb': env(`  config.cache_store = :mem_cache_store, "#{ENV['MEMCACHED_ENDPOINT']}:#{ENV['MEMCACHED_PORT']}"`) },
    ['config/environments/production.rb:2'],
  );
  await expectLines(rule, { 'config/environments/production.rb': env('  config.cache_store = :mem_cache_store, "cache-1.internal:11211", { namespace: "shop" }') }, ['config/environments/production.rb:2']);
  await expectLines(rule, { 'config/application.rb': text('class Application < Rails::Application', '  config.cache_store = :mem_cache_store', 'end') }, ['config/application.rb:2']);
});

test('rails/single-memcached-endpoint: a list, an env-provided list, redis and the development twin are silent', async () => {
  await expectLines(rule, { 'config/environments/production.rb': env('  config.cache_store = :mem_cache_store, "a:11211", "b:11211"') }, []);
  await expectLines(rule, { 'config/environments/production.rb': env('  config.cache_store = :mem_cache_store, ENV.fetch("MEMCACHE_SERVERS").split(","), { failover: true }') }, []);
  await expectLines(rule, { 'config/environments/production.rb': env('  config.cache_store = :mem_cache_store, ENV["MEMCACHE_SERVERS"]') }, []);
  await expectLines(rule, { 'config/environments/production.rb': env('  config.cache_store = :redis_cache_store, { url: ENV["REDIS_URL"] }') }, []);
  await expectLines(rule, { 'config/environments/development.rb': env('  config.cache_store = :mem_cache_store, "localhost:11211"') }, []);
});
