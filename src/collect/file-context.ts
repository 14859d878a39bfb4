/**
 * What a file-scoped collector needs to know about other files, computed without a parser where
 * every file is at hand (the main thread): plain data, handed to the collector as `ctx.context` and
 * made part of the file's cache key. Kept apart from the collectors so that the engine can compute
 * it without loading them.
 */
import type { SourceFile } from '../contracts/types.js';

const DJANGO_MARKERS = /\b(INSTALLED_APPS|ROOT_URLCONF|WSGI_APPLICATION|ASGI_APPLICATION|AUTH_PASSWORD_VALIDATORS|DEFAULT_AUTO_FIELD)\b|\bdjango\b/;

function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}

function dirName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** `settings.py`, `settings_prod.py`, `prod_settings.py`, or any module of a `settings/` package — that configures Django. */
export function isDjangoSettingsPath(path: string): boolean {
  const base = baseName(path).toLowerCase();
  const dirs = path.toLowerCase().split('/').slice(0, -1);
  return /^settings([._-].*)?\.py$/.test(base) || /_settings\.py$/.test(base) || dirs[dirs.length - 1] === 'settings';
}

/** A Django settings module: by its path, and Django markers in it or (for `settings/production.py` with only overrides) in a sibling settings module. */
export function isDjangoSettings(file: SourceFile, files: readonly SourceFile[]): boolean {
  if (!isDjangoSettingsPath(file.path)) return false;
  if (DJANGO_MARKERS.test(file.content)) return true;
  const dir = dirName(file.path);
  return files.some((f) => f !== file && f.kind === 'python' && dirName(f.path) === dir && isDjangoSettingsPath(f.path) && DJANGO_MARKERS.test(f.content));
}

/** `ctx.context` of the python collector. */
export interface PythonContext {
  django: boolean;
}

export function pythonContext(file: SourceFile, files: readonly SourceFile[]): PythonContext {
  return { django: isDjangoSettings(file, files) };
}

const packageDirsCache = new WeakMap<readonly SourceFile[], Set<string>>();

/** Directory of the nearest package.json above `path` ('' for the root): the package a file belongs to. */
export function packageDirOf(path: string, files: readonly SourceFile[]): string {
  let dirs = packageDirsCache.get(files);
  if (!dirs) {
    dirs = new Set(files.filter((f) => f.path === 'package.json' || f.path.endsWith('/package.json')).map((f) => f.path.slice(0, -'package.json'.length).replace(/\/$/, '')));
    packageDirsCache.set(files, dirs);
  }
  const parts = path.split('/').slice(0, -1);
  for (let i = parts.length; i > 0; i--) {
    const d = parts.slice(0, i).join('/');
    if (dirs.has(d)) return d;
  }
  return '';
}

/** `ctx.context` of the javascript collector. */
export interface JavascriptContext {
  packageDir: string;
}

export function javascriptContext(file: SourceFile, files: readonly SourceFile[]): JavascriptContext {
  return { packageDir: packageDirOf(file.path, files) };
}

/** Build output and vendored bundles: not source code anyone maintains (the javascript collector skips them). */
export function isBuildOutput(file: SourceFile): boolean {
  if (/(^|\/)(dist|build|coverage|out|\.output|\.svelte-kit|storybook-static|public\/(assets|packs|build|js|vendor))\//.test(file.path)) return true;
  const head = file.content.slice(0, 20000);
  const lines = head.split('\n');
  return lines.length <= 5 && head.length > 5000;
}
