import { defineRule } from '../define.js';

export default defineRule({
  id: 'env/missing-recommended',
  severity: 'low',
  command: 'env',
  facts: ['envSpec'],
  title: {
    en: 'Recommended variable not set',
    ja: '推奨の環境変数が設定されていない',
  },
  description: {
    en: 'The variable is `recommended` for this environment (by honban.yml, or by honban\'s catalog: SENTRY_DSN in production) but not set. The app runs without it, but something production needs — error tracking, monitoring, a tuned setting — is missing.',
    ja: 'この環境で `recommended` とされた変数 (honban.yml、または honban の組み込みカタログ: 本番の SENTRY_DSN など) が設定されていません。アプリは動きますが、エラー追跡や監視、調整済みの設定など、本番に必要なものが欠けています。',
  },
  fix: {
    en: 'Set the variable for this environment, or waive the finding in honban.yml with the reason it is not needed.',
    ja: 'この環境で変数を設定するか、不要な理由を書いて honban.yml の waivers で免除してください。',
  },
  check(facts, ctx) {
    for (const s of facts.envSpec) {
      if (!s.spec.recommended || s.spec.required || s.present || s.unresolved) continue;
      const why = s.spec.origin === 'catalog' ? { en: ' (honban catalog)', ja: ' (honban のカタログ)' } : { en: '', ja: '' };
      ctx.report({
        file: s.file,
        line: s.line,
        column: s.column,
        key: s.key,
        message: {
          en: `${s.key} is recommended in ${ctx.environment}${why.en} but ${s.empty ? 'empty' : 'not set'}${s.spec.description ? `: ${s.spec.description}` : ''}`,
          ja: `${s.key} は ${ctx.environment} で推奨${why.ja}ですが、${s.empty ? '空です' : '設定されていません'}${s.spec.description ? `: ${s.spec.description}` : ''}`,
        },
        fingerprint: `${s.key} recommended`,
      });
    }
  },
});
