import { isFlaskSetting, settingsOf, usesFlask } from '../../facts/python/query.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'flask/secret-key-set-twice',
  severity: 'low',
  facts: ['python'],
  title: { en: 'Flask secret key set in two different ways', ja: 'Flask のシークレットキーを 2 通りの方法で設定' },
  description: {
    en: "`app.secret_key = …` and `app.config['SECRET_KEY'] = …` (or a config class) write the same setting. With both, which one wins depends on the order the code runs, so rotating the key in one place can silently leave the other in force, and sessions or CSRF tokens fail in ways that are hard to trace (seed 000, item A).",
    ja: '`app.secret_key = …` と `app.config[\'SECRET_KEY\'] = …` (または設定クラス) は同じ設定を書き換えます。両方あると、どちらが有効かはコードの実行順で決まり、片方だけキーをローテーションしても他方が効いたままになるなど、原因を追いにくいセッションや CSRF の失敗につながります (seed 000 の A 項)。',
  },
  fix: {
    en: "Set the key in one place only, preferably configuration: `app.config['SECRET_KEY'] = os.environ['FLASK_SECRET_KEY']`, and remove the `app.secret_key` assignment.",
    ja: 'キーは 1 か所だけで設定します。設定側が推奨です: `app.config[\'SECRET_KEY\'] = os.environ[\'FLASK_SECRET_KEY\']`。`app.secret_key` への代入は削除します。',
  },
  references: { cwe: ['CWE-1188'] },
  check(facts, ctx) {
    if (!usesFlask(facts.python)) return;
    const all = settingsOf(facts.python, ctx, new Set(['SECRET_KEY']), isFlaskSetting);
    const attribute = all.filter((s) => s.a.via === 'app-attribute');
    const config = all.filter((s) => s.a.via !== 'app-attribute' && !s.a.inheritedFrom);
    if (!attribute.length || !config.length) return;
    const other = config[0]!;
    for (const { fact, a } of attribute) {
      ctx.report({
        file: fact.file,
        line: a.line,
        column: a.column,
        message: {
          en: `${a.target} sets the secret key that ${other.a.target} at ${other.fact.file}:${other.a.line} also sets: keep one of them`,
          ja: `${a.target} は ${other.fact.file}:${other.a.line} の ${other.a.target} と同じシークレットキーを設定しています。どちらか一方にしてください`,
        },
      });
    }
  },
});
