import { normalizeEnvName } from '../../lib/environment.js';
import { catalogEntry } from '../../lib/env-catalog.js';
import { schemaControlsValue } from '../../lib/env-spec.js';
import { DEV_ENV_VALUES, ENV_NAME_KEYS } from '../../lib/values.js';
import { defineRule } from '../define.js';
import { asCanonical, isSet, valueAt } from './_common.js';
import { envLabel } from './_util.js';

export default defineRule({
  id: 'env/development-mode',
  severity: 'high',
  environments: ['production', 'staging'],
  command: ['scan', 'env'],
  facts: ['envVar'],
  title: {
    en: 'Framework environment set to development',
    ja: 'フレームワークの実行環境が development になっている',
  },
  description: {
    en: 'An env file the target environment loads names a development or test environment in FLASK_ENV, NODE_ENV, RAILS_ENV, RACK_ENV, APP_ENV, ENVIRONMENT … The framework then loads its development configuration: Flask < 2.3 turns on the debugger, Express prints stack traces, React and Vue ship unminified development builds, Rails loads config/environments/development.rb. A value naming another deployed environment (staging in production) and a development value in `.flaskenv` (read by the Flask CLI only, in every environment), are reported at medium severity. `honban scan` judges the env files of the repository and `honban env` the resolved environment (every layer, secrets and the process environment included): both report this one id, which replaces env/non-production-mode.',
    ja: 'ターゲット環境が読み込む env ファイルで、FLASK_ENV、NODE_ENV、RAILS_ENV、RACK_ENV、APP_ENV、ENVIRONMENT などが開発用やテスト用の環境を指しています。フレームワークは開発用の設定を読み込みます: Flask 2.3 未満ではデバッガーが有効になり、Express はスタックトレースを表示し、React や Vue は最適化されていない開発ビルドになり、Rails は config/environments/development.rb を読み込みます。別のデプロイ環境 (本番で staging など) を指している場合と、`.flaskenv` (Flask CLI だけがどの環境でも読み込む) の開発用の値は medium として報告します。 `honban scan` はリポジトリの env ファイルを、`honban env` は解決後の環境 (すべてのレイヤー、シークレット、プロセス環境変数を含む) を判定し、どちらもこの 1 つの ID で報告します (env/non-production-mode はこの ID に統合されました)。',
  },
  fix: {
    en: 'Set the variable to the target environment (`FLASK_ENV=production`, `NODE_ENV=production`, `RAILS_ENV=production`) in the env file of that environment.',
    ja: 'その環境の env ファイルで、変数をターゲット環境 (`FLASK_ENV=production`、`NODE_ENV=production`、`RAILS_ENV=production`) に設定してください。',
  },
  references: { cwe: ['CWE-489'] },
  check(facts, ctx) {
    for (const v of facts.envVar) {
      if (!isSet(v) || schemaControlsValue(v.spec)) continue;
      if (!ENV_NAME_KEYS.has(v.key.toUpperCase()) && catalogEntry(v.key)?.role !== 'env-name') continue;
      const raw = v.value.trim().toLowerCase();
      const named = normalizeEnvName(raw);
      const dev = DEV_ENV_VALUES.has(raw) || named === 'development' || named === 'test';
      // In production, another environment's name (`staging`, `qa`) loads that configuration. In
      // staging, `production` is what most frameworks should run (NODE_ENV=production builds).
      const otherDeployed = !dev && ctx.environment === 'production' && named !== 'production';
      if (!dev && !otherDeployed) continue;
      const c = asCanonical(v.key);
      ctx.report({
        ...valueAt(v),
        // .flaskenv reaches the Flask CLI only (`flask run`), never gunicorn or uWSGI.
        severity: dev && v.loader !== 'flask-cli' ? undefined : 'medium',
        message: {
          en: `${v.key} is "${raw}" in ${ctx.environment}${c.en}: the framework runs with its ${dev ? 'development' : raw} configuration`,
          ja: `${envLabel(ctx.environment).ja}環境で ${v.key} が「${raw}」です${c.ja}: フレームワークは${dev ? '開発' : raw}用の設定で動作します`,
        },
        fix: {
          en: `Set ${v.key}=${ctx.environment} in ${v.file}${v.line ? '' : ' (the process environment)'}.`,
          ja: `${v.file} で ${v.key}=${ctx.environment} にしてください。`,
        },
      });
    }
  },
});
