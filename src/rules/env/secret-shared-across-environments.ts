import { defineRule } from '../define.js';
import { at } from './_common.js';

const DEPLOYED = (env: string) => env !== 'development' && env !== 'test';

export default defineRule({
  id: 'env/secret-shared-across-environments',
  severity: 'high',
  command: 'env',
  facts: ['envVar'],
  title: {
    en: 'Same secret used by two environments',
    ja: '複数の環境で同じ秘密値を使っている',
  },
  description: {
    en: 'The secret resolves to exactly the same value as in another environment of the repository (compared by keyed hash, never printed). Staging and development are less guarded than production: whoever reads their env files, logs or backups can sign production sessions or log into production services. A secret kept in the shared `.env` is inherited by every environment.',
    ja: '秘密値が、リポジトリ内の別の環境と完全に同じ値に解決されます (鍵付きハッシュで比較し、値は表示しません)。ステージングや開発環境は本番ほど守られていないため、その env ファイルやログ、バックアップを読める人が本番のセッションに署名したり、本番のサービスにログインしたりできてしまいます。共通の `.env` に置いた秘密値はすべての環境に継承されます。',
  },
  fix: {
    en: 'Generate a separate value for each environment, keep each in that environment\'s secrets store (not the shared `.env`), and rotate the shared one in production.',
    ja: '環境ごとに別の値を生成して各環境のシークレットストアに置き (共通の `.env` には置かない)、共有されていた本番の値はローテーションしてください。',
  },
  references: { cwe: ['CWE-1051', 'CWE-798'] },
  check(facts, ctx) {
    for (const v of facts.envVar) {
      // Development and test sharing a throw-away key is not a risk; anything shared with a deployed environment is.
      const shared = v.sharedWith.filter((s) => DEPLOYED(ctx.environment) || DEPLOYED(s.environment));
      if (!v.secret || !shared.length) continue;
      const inherited = shared.filter((s) => s.inherited);
      const copied = shared.filter((s) => !s.inherited);
      const envs = shared.map((s) => s.environment).join(', ');
      const where = `${v.file}${v.line ? ':' + v.line : ''}`;
      const parts: { en: string; ja: string }[] = [];
      if (copied.length) {
        const others = copied.map((s) => `${s.environment} (${s.file}${s.line ? ':' + s.line : ''})`).join(', ');
        parts.push({ en: `has the same value in ${ctx.environment} and ${others}`, ja: `の値が ${ctx.environment} と ${others} で同じです` });
      }
      if (inherited.length) {
        const names = inherited.map((s) => s.environment).join(', ');
        parts.push({ en: `comes from ${where}, which ${names} ${inherited.length === 1 ? 'inherits' : 'inherit'} too`, ja: `は ${where} から来ており、${names} も同じ定義を継承しています` });
      }
      ctx.report({
        ...at(v),
        message: {
          en: `${v.key} ${parts.map((p) => p.en).join('; it also ')}`,
          ja: `${v.key} ${parts.map((p) => p.ja).join('。また ')}`,
        },
        fix: inherited.length
          ? {
              en: `Move ${v.key} out of ${where} into each environment's own file or secrets store, with its own random value; rotate the ${ctx.environment} value.`,
              ja: `${v.key} を ${where} から各環境専用のファイルまたはシークレットストアに移し、環境ごとに別のランダム値を設定してください。${ctx.environment} の値はローテーションしてください。`,
            }
          : {
              en: `Give ${v.key} its own random value in ${ctx.environment} and in ${envs}; rotate the ${ctx.environment} value, since the other environments' files and logs held it.`,
              ja: `${v.key} に ${ctx.environment} と ${envs} それぞれ別のランダム値を設定してください。他の環境のファイルやログにも同じ値があったため、${ctx.environment} の値はローテーションしてください。`,
            },
        secrets: [v.value],
        fingerprint: `${v.key} shared ${envs}`,
      });
    }
  },
});
