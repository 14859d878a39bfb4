/**
 * gitignore-style matching (the `ignore` package), loaded on first use through `require`: importing
 * a CommonJS package from ESM makes Node scan its source for exports at start-up, which costs more
 * than the rest of `honban host`'s own work on a fixture root; most runs never match a pattern.
 */
import { createRequire } from 'node:module';
import type ignoreFactory from 'ignore';

export type { Ignore } from 'ignore';

let factory: typeof ignoreFactory | undefined;

/** A new matcher (`ignore()`), the package loaded on the first call. */
export function gitignore(options?: Parameters<typeof ignoreFactory>[0]): ReturnType<typeof ignoreFactory> {
  factory ??= createRequire(import.meta.url)('ignore') as typeof ignoreFactory;
  return factory(options);
}
