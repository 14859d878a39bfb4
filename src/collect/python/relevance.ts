/**
 * Can any rule use what the python collector would extract from this file? Most modules of a large
 * Python project (models, views, forms, migrations, tests) hold nothing a honban rule reads: the
 * collector then leaves them unparsed, which is most of the parse time of a scan (netbox: 1,165 of
 * 1,220 files, 94 % of the bytes, are never parsed).
 *
 * The check is on the text, linear, and errs towards parsing: a file is parsed when any pattern
 * below occurs, whatever its role in the file (a comment, a string). Each is there for a reader of
 * the fact:
 *
 * - imports, calls, flaskApps, errorHandlers, fileUploads / fileSaves — flask/* and fastapi/* rules
 *   read them only in files that import flask / flask_* / werkzeug / fastapi / starlette / uvicorn
 *   (or a session module: authlib), and `usesFlask`: the module names.
 * - calls `create_app().run()` — isFlaskRun's application factories: `create_app(`, `make_application(` ….
 * - assignments `app.config[…] =`, `app.config.update(…)`, `app.secret_key =` … — flask/* read
 *   them in any file: `.config[`, `.config.update(` … and the app attributes of the extractor
 *   (`.debug =` …).
 * - assignments in a class or base named …Config, …Configuration, …Settings — flask/* (isFlaskSetting)
 *   and pydantic settings: `class …Config`, `class X(… Settings`.
 * - envReads (every library the extractor knows) — derive/env-contract (contract/*, `env init`),
 *   code/hardcoded-secret's env fallbacks: environ (os.environ, environ.Env, environs), getenv,
 *   decouple, starlette, pydantic (`environ` as a word: not `environment`).
 * - literalAssignments — code/hardcoded-secret reports a secret name given a string
 *   (lib/secrets SECRET_NAME_GIVEN_STRING: `token = '…'`, `'password': '…'`) or a URL with a
 *   password (`://user:pass@`) — outside test code and examples, which it leaves out
 *   (facts/common isTestOrExampleCode).
 * - module-level assignments of a gunicorn `-c` file of any name — derive/gunicorn-deployments
 *   reads the settings it knows: `workers =`, `threads =`, `reload =`, `loglevel =`, `timeout =`,
 *   `max_requests =`, `worker_class =` at a line's start.
 *
 * Always parsed whatever their text: Django settings modules (django/*), gunicorn configuration
 * files by name, Flask configuration modules by name (`config.py`, `settings.py`, `*_config.py` …:
 * every module-level name is a setting).
 *
 * Not parsed means: the file's fact is empty (`skimmed: true`) and its syntax errors are not
 * reported (honban is not a Python linter; secretlint still reads every file). A rule that starts
 * reading a new part of the python fact must add its words here: expectLines runs every rule case
 * with a Python file twice — with this check and with every file parsed — and fails when the
 * findings differ; the worker-pool test does the same on the examples and every fixture tree, and
 * `npm run bench:realworld -- DIR --parse-every-file` on real repositories.
 */
import { SECRET_NAME_GIVEN_STRING } from '../../lib/secrets.js';
import { isTestOrExampleCode } from '../../facts/common.js';

/** Libraries and calls (case-insensitive). */
const WORDS = /flask|\bquart\b|werkzeug|fastapi|starlette|uvicorn|\bsanic\b|authlib|environs?\b|getenv|decouple|pydantic|(create|make|build|get|init|new)_?(flask_?)?app(lication)?\(|\.config\s*\[|\.config\.(update|from_mapping|setdefault)\b|\.(secret_key|debug|testing|permanent_session_lifetime|session_cookie_name)\s*=/i;
/** A URL with a password: `scheme://user:password@`. */
const URL_PASSWORD = /:\/\/[^\s'"/@]{0,256}:[^\s'"/@]{1,256}@/;
/** A class, or a class's base, named as configuration (case-sensitive). */
const CONFIG_CLASS = /class\s+\w*(Config|Configuration|Settings)\b|class\s+\w+\s*\([^)]{0,400}(Config|Configuration|Settings)\b/;
/** The settings of gunicorn a configuration file sets (derive/gunicorn-deployments.ts CLI). */
const GUNICORN_SETTING = /(^|\n)[ \t]*(workers|threads|reload|loglevel|timeout|max_requests|worker_class)\s*[:=]/;

/** Every pattern, for the test that times each on large inputs (they must stay linear). */
export const RELEVANCE_PATTERNS: readonly RegExp[] = [WORDS, URL_PASSWORD, CONFIG_CLASS, GUNICORN_SETTING, SECRET_NAME_GIVEN_STRING];

/** Does the file at `path` with this text contain anything a rule reading the python fact can use? */
export function pythonMayMatter(text: string, path = ''): boolean {
  if (WORDS.test(text) || CONFIG_CLASS.test(text) || GUNICORN_SETTING.test(text)) return true;
  // Literals are read by code/hardcoded-secret only, which leaves test code and examples out.
  return !isTestOrExampleCode(path) && (SECRET_NAME_GIVEN_STRING.test(text) || URL_PASSWORD.test(text));
}
