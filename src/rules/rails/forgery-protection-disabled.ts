import type { ForgeryDirective, RubyValue } from '../../facts/ruby.js';
import { defineRule } from '../define.js';
import { effectiveSettings, literalWord } from './_util.js';

/** Options that narrow a skip to some actions or requests. */
const NARROWING = ['only', 'except', 'if', 'unless'];

function lambdaConstant(v: RubyValue | undefined): string | undefined {
  if (!v) return undefined;
  if (v.kind === 'lambda' && v.body) return literalWord(v.body);
  return literalWord(v);
}

function isApiController(d: ForgeryDirective): boolean {
  return /(^|::)API$/.test(d.superclass ?? '');
}

export default defineRule({
  id: 'rails/forgery-protection-disabled',
  severity: 'high',
  environments: ['production', 'staging'],
  facts: ['ruby'],
  title: {
    en: 'Rails CSRF protection disabled',
    ja: 'Rails の CSRF 保護が無効',
  },
  description: {
    en: 'Rails checks an authenticity token on every non-GET request so another site cannot submit forms with the user\'s cookies. It is off when `config.action_controller.allow_forgery_protection = false` or `default_protect_from_forgery = false` is set in production.rb or application.rb (test.rb sets it on purpose and is not judged), when a controller calls `skip_forgery_protection` / `skip_before_action :verify_authenticity_token` for all its actions, or when `protect_from_forgery` is given a condition that is always false. A skip in ApplicationController disables it for the whole app (high); in another controller for all its actions (medium). Deliberately not reported: skips narrowed with `only:` / `except:` / `if:` (a webhook endpoint that verifies a signature), API-only controllers (ActionController::API has no cookie sessions), and controllers other than ApplicationController that authenticate each request without the session — a webhook signature check (`validate_webhook!`, `construct_event`, HMAC, a `*Signature` header) or token authentication (Doorkeeper, `authenticate_with_http_token`, API keys).',
    ja: 'Rails は GET 以外のリクエストごとに authenticity token を検証し、他のサイトがユーザーの Cookie を使ってフォームを送信できないようにしています。production.rb や application.rb で `config.action_controller.allow_forgery_protection = false` や `default_protect_from_forgery = false` を設定した場合 (test.rb での設定は意図的なもので判定しません)、コントローラーが全アクションに対して `skip_forgery_protection` / `skip_before_action :verify_authenticity_token` を呼んだ場合、`protect_from_forgery` に常に偽となる条件を付けた場合に、この保護は無効になります。ApplicationController でのスキップはアプリ全体を無効にするため high、その他のコントローラーの全アクションのスキップは medium です。意図的に報告しないもの: `only:` / `except:` / `if:` で対象を絞ったスキップ (署名を検証する Webhook など)、API 専用コントローラー (ActionController::API は Cookie セッションを持ちません)、セッションを使わずにリクエストごとに認証する ApplicationController 以外のコントローラー — Webhook の署名検証 (`validate_webhook!`、`construct_event`、HMAC、`*Signature` ヘッダー) やトークン認証 (Doorkeeper、`authenticate_with_http_token`、API キー)。',
  },
  fix: {
    en: 'Remove the setting or the skip and keep `protect_from_forgery with: :exception` (the default since Rails 5.2). For endpoints called by other servers, narrow the skip to those actions (`skip_forgery_protection only: :webhook`) and authenticate them another way (HMAC signature, token header).',
    ja: '設定やスキップを削除し、`protect_from_forgery with: :exception` (Rails 5.2 以降の既定) を維持してください。他のサーバーから呼ばれるエンドポイントは、スキップをそのアクションに絞り (`skip_forgery_protection only: :webhook`)、別の方法 (HMAC 署名、トークンヘッダー) で認証します。',
  },
  references: { cwe: ['CWE-352'], equivalents: ['Brakeman CheckForgerySetting', 'seed S0.9'] },
  check(facts, ctx) {
    for (const key of ['action_controller.allow_forgery_protection', 'action_controller.default_protect_from_forgery']) {
      for (const { fact, setting } of effectiveSettings(facts.ruby, key)) {
        if (setting.conditional || literalWord(setting.value) !== 'false') continue;
        ctx.report({
          file: fact.file,
          line: setting.line,
          column: setting.column,
          key,
          message: {
            en: `config.${key} is false for ${ctx.environment}: no request's authenticity token is checked, so other sites can post forms with the user's session`,
            ja: `${ctx.environment} で config.${key} が false です: authenticity token が検証されず、他のサイトがユーザーのセッションでフォームを送信できます`,
          },
        });
      }
    }
    for (const f of facts.ruby) {
      for (const d of f.forgery) {
        if (isApiController(d)) continue;
        const cls = d.className ?? 'this class';
        if (d.kind === 'protect_from_forgery') {
          const cond = lambdaConstant(d.options.if);
          const unless = lambdaConstant(d.options.unless);
          if (cond === 'false' || cond === 'nil' || unless === 'true') {
            ctx.report({
              file: f.file,
              line: d.line,
              column: d.column,
              key: 'protect_from_forgery',
              message: {
                en: `protect_from_forgery in ${cls} has a condition that is never met: CSRF protection is effectively off`,
                ja: `${cls} の protect_from_forgery に常に満たされない条件が付いています: CSRF 保護は事実上無効です`,
              },
            });
          }
          continue;
        }
        if (NARROWING.some((k) => d.options[k] !== undefined)) continue;
        const app = /(^|::)ApplicationController$/.test(d.className ?? '');
        // A webhook or API controller that authenticates each request by signature or token has no
        // session for another site to ride on.
        if (!app && d.requestAuth?.length) continue;
        const what = d.kind === 'skip_forgery_protection' ? 'skip_forgery_protection' : 'skip_before_action :verify_authenticity_token';
        ctx.report({
          file: f.file,
          line: d.line,
          column: d.column,
          key: d.kind,
          severity: app ? 'high' : 'medium',
          message: app
            ? {
                en: `${what} in ${cls} turns CSRF protection off for every controller`,
                ja: `${cls} の ${what} により、すべてのコントローラーで CSRF 保護が無効になっています`,
              }
            : {
                en: `${what} in ${cls} turns CSRF protection off for all its actions`,
                ja: `${cls} の ${what} により、このコントローラーの全アクションで CSRF 保護が無効になっています`,
              },
        });
      }
    }
  },
});
