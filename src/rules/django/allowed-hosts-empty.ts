import { djangoAnchor, djangoGroups, djangoSetting, fromEnv, readInFull } from '../../facts/python/query.js';
import { defineRule } from '../define.js';
import { isTrue } from './_settings.js';

export default defineRule({
  id: 'django/allowed-hosts-empty',
  severity: 'medium',
  environments: ['production', 'staging'],
  facts: ['python'],
  title: { en: 'Django ALLOWED_HOSTS is empty with DEBUG off', ja: 'DEBUG 無効なのに Django の ALLOWED_HOSTS が空' },
  description: {
    en: 'With DEBUG off, Django rejects every request whose Host is not in ALLOWED_HOSTS with 400 Bad Request. An empty list (the default, or an empty variable split into [\'\']) means the deployed site answers nothing but 400: a failure that only appears once DEBUG is turned off for production.',
    ja: 'DEBUG が無効だと、Django は Host が ALLOWED_HOSTS にないリクエストをすべて 400 Bad Request で拒否します。空のリスト (デフォルト、または空の変数を split した [\'\']) では、デプロイしたサイトが 400 しか返しません。本番用に DEBUG を切って初めて表面化する障害です。',
  },
  fix: { en: "Set the site's names for production: `ALLOWED_HOSTS = os.environ['DJANGO_ALLOWED_HOSTS'].split(',')` and provide the variable in every deployment.", ja: "本番のホスト名を設定します: `ALLOWED_HOSTS = os.environ['DJANGO_ALLOWED_HOSTS'].split(',')` とし、すべてのデプロイで変数を渡します。" },
  references: { equivalents: ['Django security.W020'] },
  check(facts, ctx) {
    for (const group of djangoGroups(facts.python).values()) {
      const debug = djangoSetting(group, ctx, 'DEBUG');
      if (debug && (debug.a.value.resolved === undefined || isTrue(debug.a.value.resolved))) continue; // debug on (another rule) or unknown
      const s = djangoSetting(group, ctx, 'ALLOWED_HOSTS');
      if (!s) {
        if (!readInFull(group)) continue; // a settings file did not parse: ALLOWED_HOSTS may be in it
        const anchor = djangoAnchor(group, ctx.environment);
        ctx.report({ file: anchor.file, line: 1, column: 1, message: { en: 'ALLOWED_HOSTS is not set in the settings production uses and DEBUG is off: every request gets 400 Bad Request', ja: '本番が使う設定に ALLOWED_HOSTS がなく DEBUG が無効のため、すべてのリクエストが 400 Bad Request になります' } });
        continue;
      }
      const r = s.a.value.resolved;
      if (!Array.isArray(r) || r.some((x) => typeof x !== 'string' || x.trim() !== '')) continue;
      const env = fromEnv(s.a.value);
      ctx.report({
        file: s.fact.file,
        line: s.a.line,
        column: s.a.column,
        message: env
          ? { en: `ALLOWED_HOSTS is empty when ${s.a.value.envNames!.join(', ')} is not set and DEBUG is off: every request gets 400 Bad Request`, ja: `${s.a.value.envNames!.join(', ')} が未設定だと ALLOWED_HOSTS が空になり、DEBUG が無効のためすべてのリクエストが 400 Bad Request になります` }
          : { en: 'ALLOWED_HOSTS is empty and DEBUG is off: every request gets 400 Bad Request', ja: 'ALLOWED_HOSTS が空で DEBUG が無効のため、すべてのリクエストが 400 Bad Request になります' },
      });
    }
  },
});
