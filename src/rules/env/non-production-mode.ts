import { normalizeEnvName } from '../../lib/environment.js';
import { DEV_ENV_VALUES } from '../../lib/values.js';
import { defineRule } from '../define.js';
import { at, withRole } from './_common.js';

export default defineRule({
  id: 'env/non-production-mode',
  severity: 'high',
  command: 'env',
  environments: ['production', 'staging'],
  facts: ['envVar'],
  title: {
    en: 'Framework environment is not production',
    ja: 'フレームワークの実行環境名が本番になっていない',
  },
  description: {
    en: 'A variable that selects the framework\'s mode (FLASK_ENV, NODE_ENV, RAILS_ENV, RACK_ENV, APP_ENV, ENVIRONMENT …) names development or test in production — or another environment altogether. Frameworks then load development settings: verbose errors, auto-reload, unminified assets, development config classes with fallback secrets.',
    ja: 'フレームワークの動作モードを選ぶ変数 (FLASK_ENV、NODE_ENV、RAILS_ENV、RACK_ENV、APP_ENV、ENVIRONMENT など) が、本番なのに development や test、あるいは別の環境名になっています。フレームワークは開発用の設定 (詳細なエラー表示、自動リロード、未圧縮のアセット、フォールバックの秘密鍵を持つ開発用設定クラスなど) を読み込みます。',
  },
  fix: {
    en: 'Set it to production (or the name your framework uses for this environment).',
    ja: 'production (またはこの環境に対してフレームワークが使う名前) に設定してください。',
  },
  references: { cwe: ['CWE-489'] },
  check(facts, ctx) {
    for (const v of withRole(facts.envVar, 'env-name')) {
      const raw = v.value.trim();
      const lower = raw.toLowerCase();
      let wrong: boolean;
      if (ctx.environment === 'production') wrong = normalizeEnvName(lower) !== 'production';
      else wrong = DEV_ENV_VALUES.has(lower) || normalizeEnvName(lower) === 'development' || normalizeEnvName(lower) === 'test';
      if (!wrong) continue;
      ctx.report({
        ...at(v),
        severity: DEV_ENV_VALUES.has(lower) || ctx.environment === 'production' ? undefined : 'medium',
        message: { en: `${v.key} is "${raw}" in ${ctx.environment}`, ja: `${ctx.environment} なのに ${v.key} が「${raw}」です` },
        fix: {
          en: `Set ${v.key}=${ctx.environment === 'production' ? 'production' : ctx.environment} for ${ctx.environment}.`,
          ja: `${ctx.environment} では ${v.key}=${ctx.environment === 'production' ? 'production' : ctx.environment} にしてください。`,
        },
        fingerprint: `${v.key} mode`,
      });
    }
  },
});
