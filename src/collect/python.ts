/**
 * The `python` collector: one fact per Python file (tree-sitter-python), see ./python/types.ts for
 * the shape. It parses and extracts; rules judge.
 */
import type { Collector } from '../contracts/collector.js';
import { SHARED, type EnvName } from '../contracts/types.js';
import { firstError, pos, withLiteTree } from './treesitter.js';
import { PythonExtractor } from './python/extract.js';
import { pythonMayMatter } from './python/relevance.js';
import { isFlaskConfigModuleName } from '../facts/python/query.js';
import { isDjangoSettings, type PythonContext } from './file-context.js';
import type { PythonFact } from '../facts/python/types.js';

export { isDjangoSettingsPath } from './file-context.js';

function baseName(path: string): string {
  return path.split('/').pop() ?? path;
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

/** The fact of a file nothing was read from: only where it is and what it is. */
function emptyFact(file: string, environment: EnvName, django: boolean, gunicornConfig: boolean, parseError?: NonNullable<PythonFact['parseError']>): PythonFact {
  return {
    file, environment, imports: [], flaskApps: [], envReads: [], assignments: [], calls: [], fileUploads: [], fileSaves: [], errorHandlers: [], literalAssignments: [],
    django: django ? { starImports: [] } : undefined, gunicornConfig, hasMainGuard: false,
    ...(parseError ? { syntaxErrors: 1, parseError } : { syntaxErrors: 0, skimmed: true }),
  };
}

const collector: Collector<'python'> = {
  fact: 'python',
  kinds: ['python'],
  async collect(file, ctx) {
    let environment = file.environment;
    const django = (ctx.context as PythonContext | undefined)?.django ?? isDjangoSettings(file, ctx.files);
    // Django convention: settings/local.py is the developer's machine (cookiecutter-django and most templates).
    if (django && environment === SHARED && /(^|\/)settings\/local\.py$/i.test(file.path)) environment = 'development';
    const gunicornConfig = isGunicornConfigPath(file.path);
    // A file no rule can use is not parsed (./python/relevance.ts says why each word is needed).
    if (!ctx.exhaustive && !django && !gunicornConfig && !isFlaskConfigModuleName(file.path) && !pythonMayMatter(file.content, file.path)) {
      return emptyFact(file.path, environment, false, false);
    }
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
          // Not thrown: the (empty) fact keeps the file in its settings group, so rules know a part of it is unknown.
          return emptyFact(file.path, environment, django, gunicornConfig, { line: p.line, column: p.column, message: 'Python syntax error: most of the file does not parse, nothing in it was checked', unparsed: true });
        }
      }
      const ex = new PythonExtractor(root, {
        file: file.path,
        environment,
        customEnvs: ctx.customEnvs,
        isDjangoSettings: django,
        isGunicornConfig: gunicornConfig,
        registerSecret: (v) => ctx.registerSecret(v),
      });
      const fact = ex.run();
      if (root.hasError) {
        fact.syntaxErrors = Math.max(1, root.descendantsOfType('ERROR').length);
        const e = firstError(root) ?? root;
        const p = pos(e);
        fact.parseError = { line: p.line, column: p.column, message: `Python syntax error (the rest of the file was read; settings it may set are not reported as missing${django ? ' for its settings group' : ''})` };
      }
      return fact;
    });
  },
};
export default collector;
