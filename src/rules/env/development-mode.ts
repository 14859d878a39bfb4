import { normalizeEnvName } from '../../lib/environment.js';
import { DEV_ENV_VALUES, ENV_NAME_KEYS } from '../../lib/values.js';
import { defineRule } from '../define.js';
import { effectiveEntries, envLabel } from './_util.js';

export default defineRule({
  id: 'env/development-mode',
  severity: 'high',
  environments: ['production', 'staging'],
  facts: ['dotenv'],
  title: {
    en: 'Framework environment set to development',
    ja: 'フレームワークの実行環境が development になっている',
  },
  description: {
    en: 'An env file the target environment loads names a development or test environment in FLASK_ENV, NODE_ENV, RAILS_ENV, RACK_ENV, APP_ENV, ENVIRONMENT … The framework then loads its development configuration: Flask < 2.3 turns on the debugger, Express prints stack traces, React and Vue ship unminified development builds, Rails loads config/environments/development.rb. A value naming another deployed environment (staging in production) is reported at medium severity.',
    ja: 'ターゲット環境が読み込む env ファイルで、FLASK_ENV、NODE_ENV、RAILS_ENV、RACK_ENV、APP_ENV、ENVIRONMENT などが開発用やテスト用の環境を指しています。フレームワークは開発用の設定を読み込みます: Flask 2.3 未満ではデバッガーが有効になり、Express はスタックトレースを表示し、React や Vue は最適化されていない開発ビルドになり、Rails は config/environments/development.rb を読み込みます。別のデプロイ環境 (本番で staging など) を指している場合は medium として報告します。',
  },
  fix: {
    en: 'Set the variable to the target environment (`FLASK_ENV=production`, `NODE_ENV=production`, `RAILS_ENV=production`) in the env file of that environment.',
    ja: 'その環境の env ファイルで、変数をターゲット環境 (`FLASK_ENV=production`、`NODE_ENV=production`、`RAILS_ENV=production`) に設定してください。',
  },
  references: { cwe: ['CWE-489'] },
  check(facts, ctx) {
    for (const f of facts.dotenv) {
      for (const e of effectiveEntries(f)) {
        if (!ENV_NAME_KEYS.has(e.key.toUpperCase())) continue;
        const raw = e.value.trim().toLowerCase();
        if (!raw) continue;
        const named = normalizeEnvName(raw);
        const dev = DEV_ENV_VALUES.has(raw) || named === 'development' || named === 'test';
        const otherDeployed = !dev && (named === 'production' || named === 'staging') && named !== ctx.environment;
        if (!dev && !otherDeployed) continue;
        ctx.report({
          file: f.file,
          line: e.valueLine,
          column: e.valueColumn,
          key: e.key,
          severity: dev ? undefined : 'medium',
          message: {
            en: `${e.key} is "${raw}" in an env file loaded in ${ctx.environment}: the framework runs with its ${dev ? 'development' : raw} configuration`,
            ja: `${envLabel(ctx.environment).ja}環境で読み込まれる env ファイルで ${e.key} が "${raw}" になっています: フレームワークが ${dev ? '開発用' : raw + ' 用'}の設定で動きます`,
          },
          fix: {
            en: `Set ${e.key}=${ctx.environment} in ${f.file}.`,
            ja: `${f.file} で ${e.key}=${ctx.environment} に設定してください。`,
          },
        });
      }
    }
  },
});
