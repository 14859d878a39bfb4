/**
 * The `python` collector: one fact per Python file (tree-sitter-python), see ./python/types.ts for
 * the shape. It parses and extracts; rules judge.
 */
import type { Collector } from '../contracts/collector.js';
import { ParseError } from '../contracts/errors.js';
import { SHARED, type SourceFile } from '../contracts/types.js';
import { firstError, pos, withLiteTree } from './treesitter.js';
import { PythonExtractor } from './python/extract.js';

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

function isDjangoSettings(file: SourceFile, files: readonly SourceFile[]): boolean {
  if (!isDjangoSettingsPath(file.path)) return false;
  if (DJANGO_MARKERS.test(file.content)) return true;
  // settings/production.py with only `from .base import *` and overrides: a sibling names Django.
  const dir = dirName(file.path);
  return files.some((f) => f !== file && f.kind === 'python' && dirName(f.path) === dir && isDjangoSettingsPath(f.path) && DJANGO_MARKERS.test(f.content));
}

/** gunicorn.conf.py, gunicorn_config.py, gunicorn.py in a config dir, conf/gunicorn_prod.py … */
export function isGunicornConfigPath(path: string): boolean {
  const base = baseName(path).toLowerCase();
  if (/^gunicorn([._-]?(conf|config|cfg|settings))?([._-]\w+)?\.py$/.test(base) && base !== 'gunicorn.py') return true;
  if (base === 'gunicorn.py') {
    const dirs = path.toLowerCase().split('/').slice(0, -1);
    return dirs.length === 0 || dirs.some((d) => /^(conf|config|configs|configuration|deploy|deployment|etc|gunicorn|docker|ops|infra)$/.test(d));
  }
  return false;
}

const collector: Collector<'python'> = {
  fact: 'python',
  kinds: ['python'],
  async collect(file, ctx) {
    let environment = file.environment;
    const django = isDjangoSettings(file, ctx.files);
    // Django convention: settings/local.py is the developer's machine (cookiecutter-django and most templates).
    if (django && environment === SHARED && /(^|\/)settings\/local\.py$/i.test(file.path)) environment = 'development';
    return withLiteTree('python', file.content, (tree) => {
      const root = tree.rootNode;
      if (root.hasError) {
        // Unusable only when most of the file failed to parse (not Python, or Python 2 beyond repair).
        let errorBytes = 0;
        for (const c of root.children) if (c && c.type === 'ERROR') errorBytes += c.endIndex - c.startIndex;
        const total = root.endIndex - root.startIndex;
        if (root.type === 'ERROR' || (total > 0 && errorBytes / total > 0.5)) {
          const e = firstError(root) ?? root;
          const p = pos(e);
          throw new ParseError('Python syntax error: most of the file does not parse', p.line, p.column);
        }
      }
      const ex = new PythonExtractor(root, {
        file: file.path,
        environment,
        customEnvs: ctx.customEnvs,
        isDjangoSettings: django,
        isGunicornConfig: isGunicornConfigPath(file.path),
        registerSecret: (v) => ctx.registerSecret(v),
      });
      const fact = ex.run();
      if (root.hasError) fact.syntaxErrors = Math.max(1, root.descendantsOfType('ERROR').length);
      return fact;
    });
  },
};
export default collector;
