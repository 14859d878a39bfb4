import { defineRule } from '../define.js';
import { appRoot, effectiveSettings, environmentFiles, literalWord } from './_util.js';

export default defineRule({
  id: 'rails/force-ssl-disabled',
  severity: 'high',
  environments: ['production', 'staging'],
  facts: ['ruby'],
  title: {
    en: 'Rails does not force HTTPS in production',
    ja: 'Rails の本番設定で HTTPS が強制されていない',
  },
  description: {
    en: '`config.force_ssl = true` makes Rails redirect HTTP to HTTPS, send Strict-Transport-Security and mark cookies Secure. When it is false in config/environments/production.rb (or in config/application.rb that production inherits) session cookies travel over plain HTTP and browsers never learn to insist on HTTPS. When production.rb does not set it at all, Rails defaults to false: reported with medium severity, because a proxy may do the redirect — but only Rails marks its own cookies Secure. A value computed at run time (`ENV[...] == "true"`) is not judged; the development and test twins are never judged for production.',
    ja: '`config.force_ssl = true` にすると、Rails は HTTP を HTTPS にリダイレクトし、Strict-Transport-Security を返し、Cookie に Secure 属性を付けます。config/environments/production.rb (または本番が引き継ぐ config/application.rb) で false になっていると、セッション Cookie が平文 HTTP で流れ、ブラウザーも HTTPS を強制するようになりません。production.rb で設定していない場合も Rails の既定は false です。リダイレクトはプロキシが行っている可能性があるため重大度は medium としますが、Rails 自身の Cookie に Secure を付けられるのは Rails だけです。実行時に決まる値 (`ENV[...] == "true"` など) は判定しません。development / test 用の設定ファイルは本番の判定対象外です。',
  },
  fix: {
    en: 'Set `config.force_ssl = true` in config/environments/production.rb. Behind a load balancer that terminates TLS, also set `config.assume_ssl = true` (Rails 7.1+) or make the proxy send `X-Forwarded-Proto: https`, so the redirect does not loop; exclude the health-check path with `config.ssl_options = { redirect: { exclude: ->(request) { request.path == "/up" } } }` if the load balancer probes over HTTP.',
    ja: 'config/environments/production.rb に `config.force_ssl = true` を設定してください。TLS をロードバランサーで終端している場合は、リダイレクトがループしないよう `config.assume_ssl = true` (Rails 7.1 以降) を設定するか、プロキシに `X-Forwarded-Proto: https` を付けさせてください。ロードバランサーが HTTP でヘルスチェックする場合は `config.ssl_options = { redirect: { exclude: ->(request) { request.path == "/up" } } }` でそのパスを除外します。',
  },
  references: { cwe: ['CWE-319', 'CWE-614'], equivalents: ['Brakeman CheckForceSSL', 'seed S0.14'] },
  check(facts, ctx) {
    const set = effectiveSettings(facts.ruby, 'force_ssl');
    const appsWithSetting = new Set(set.map((e) => appRoot(e.fact.file)));
    for (const { fact, setting } of set) {
      if (setting.conditional) continue;
      const word = literalWord(setting.value);
      if (word !== 'false' && word !== 'nil') continue;
      ctx.report({
        file: fact.file,
        line: setting.line,
        column: setting.column,
        key: 'force_ssl',
        message: {
          en: `config.force_ssl is ${word} for ${ctx.environment}: Rails serves plain HTTP, sends no HSTS header and does not mark cookies Secure`,
          ja: `${ctx.environment} で config.force_ssl が ${word} です: Rails は平文 HTTP で応答し、HSTS ヘッダーを返さず、Cookie に Secure 属性も付けません`,
        },
      });
    }
    // production.rb that never sets it (and application.rb does not either): Rails' default is false.
    for (const f of environmentFiles(facts.ruby)) {
      if (appsWithSetting.has(appRoot(f.file))) continue;
      ctx.report({
        file: f.file,
        line: f.anchor.line,
        column: f.anchor.column,
        key: 'force_ssl',
        severity: 'medium',
        message: {
          en: `config.force_ssl is not set in ${f.file}: Rails defaults to false, so it neither redirects to HTTPS nor marks cookies Secure`,
          ja: `${f.file} で config.force_ssl が設定されていません: 既定値は false のため、HTTPS へのリダイレクトも Cookie の Secure 属性付与も行われません`,
        },
      });
    }
  },
});
