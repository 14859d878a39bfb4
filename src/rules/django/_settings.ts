/**
 * Shared checks of the django domain: a settings group (a settings package or a settings.py) as
 * the target environment sees it.
 */
import { djangoAnchor, djangoGroups, djangoSetting, fromEnv, pyRepr, readInFull, type Setting } from '../../facts/python/query.js';
import type { PythonFact } from '../../facts/python/types.js';
import type { Localized, RuleContext, Severity } from '../../contracts/types.js';

export interface SettingCheck {
  key: string;
  /** Django's default when the setting is absent. */
  defaultText: string;
  /** Is this resolved value safe? */
  safe(resolved: unknown): boolean;
  /** Why the unsafe value matters (appended to the message). */
  why: Localized;
  severity?: Severity;
}

/** Reports a setting that is unsafe, falls back to an unsafe value, or is absent (Django's unsafe default). */
export function checkSetting(facts: readonly PythonFact[], ctx: RuleContext, c: SettingCheck): void {
  for (const group of djangoGroups(facts).values()) {
    const s = djangoSetting(group, ctx, c.key);
    if (s) {
      reportValue(s, ctx, c);
      continue;
    }
    if (!readInFull(group)) continue; // a settings file did not parse: the setting may be in it
    const anchor = djangoAnchor(group, ctx.environment);
    ctx.report({
      file: anchor.file,
      line: 1,
      column: 1,
      severity: c.severity,
      message: {
        en: `${c.key} is not set in the settings production uses (Django's default is ${c.defaultText}): ${c.why.en}`,
        ja: `本番が使う設定に ${c.key} がありません (Django のデフォルトは ${c.defaultText})。${c.why.ja}`,
      },
    });
  }
}

function reportValue(s: Setting, ctx: RuleContext, c: SettingCheck): void {
  const { fact, a } = s;
  const r = a.value.resolved;
  if (r === undefined || c.safe(r)) return; // unknown (computed, required variable) or safe
  const env = fromEnv(a.value);
  ctx.report({
    file: fact.file,
    line: a.line,
    column: a.column,
    severity: c.severity,
    message: env
      ? { en: `${a.key} is ${pyRepr(r as never)} when ${a.value.envNames!.join(', ')} is not set: ${c.why.en}`, ja: `${a.key} は ${a.value.envNames!.join(', ')} が未設定のとき ${pyRepr(r as never)} です。${c.why.ja}` }
      : { en: `${a.key} is ${pyRepr(r as never)}: ${c.why.en}`, ja: `${a.key} が ${pyRepr(r as never)} です。${c.why.ja}` },
  });
}

/** Python truthiness of a resolved literal. */
export function isTrue(r: unknown): boolean {
  if (r === null || r === undefined || r === false || r === 0 || r === '') return false;
  if (Array.isArray(r)) return r.length > 0;
  return true;
}
