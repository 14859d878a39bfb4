import type { Lang, Localized } from '../contracts/types.js';

/** A text in both languages. */
export function L(en: string, ja: string): Localized {
  return { en, ja };
}

/** English count with the right noun form: plural(1, 'file') → "1 file", plural(2, 'file') → "2 files". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function localize(text: string | Localized, lang: Lang): string {
  return typeof text === 'string' ? text : text[lang];
}

/**
 * The language of messages before any option is parsed (errors about the options themselves):
 * `--lang en|ja` anywhere in the arguments, then LC_ALL / LC_MESSAGES / LANG.
 */
export function langOf(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v === 'en' || v === 'ja') return v;
  }
  return langOfEnv(env);
}

export function langOfEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  const v = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return v.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
