/**
 * Fact shapes of the `python` collector (src/collect/python.ts). Rules of the flask, django,
 * fastapi, gunicorn and code domains read these; the env-contract deriver reads `envReads`.
 *
 * Every position is 1-based; columns count UTF-16 code units (as JavaScript strings do).
 */
import type { CodeEnvRead, LiteralAssignment } from '../common.js';
import type { EnvName } from '../../contracts/types.js';

/** A Python value a rule can reason about: the literal it evaluates to. */
export type PyLiteral = string | number | boolean | null | PyLiteral[] | { [key: string]: PyLiteral };

export interface PyLoc {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

interface PyValueBase extends PyLoc {
  /**
   * What the expression evaluates to when no environment variable is set (fallbacks applied):
   * the value production inherits when a variable is missing. `undefined` when unknown (a call, a
   * name defined elsewhere) or when the read fails without the variable (`os.environ["X"]`).
   * `null` is Python's None.
   */
  resolved?: PyLiteral;
  /** Environment variables the expression reads. */
  envNames?: string[];
}

export interface PyStr extends PyValueBase { kind: 'str'; value: string }
export interface PyNum extends PyValueBase { kind: 'num'; value: number }
export interface PyBool extends PyValueBase { kind: 'bool'; value: boolean }
export interface PyNone extends PyValueBase { kind: 'none' }
/** list, tuple or set. */
export interface PyList extends PyValueBase { kind: 'list'; items: PyValue[]; /** `*spread` or a comprehension: items are incomplete. */ open?: boolean }
export interface PyDictEntry extends PyLoc { key: string; value: PyValue }
export interface PyDict extends PyValueBase { kind: 'dict'; entries: PyDictEntry[]; /** `**spread` or a non-literal key: entries are incomplete. */ open?: boolean }
/** A read of an environment variable (`os.environ.get("X", d)`, `env.bool("X", default=d)`, `os.environ.get("X") or d`). */
export interface PyEnv extends PyValueBase {
  kind: 'env';
  name: string;
  via: string;
  hasDefault: boolean;
  /** The read raises without the variable (`os.environ["X"]`, `env("X")` without default). */
  required: boolean;
  default?: PyValue;
}
/** A call; for a method called on a value (`os.urandom(24).hex()`), `receiver` is that value. */
export interface PyCallValue extends PyValueBase { kind: 'call'; callee: string; args: PyValue[]; kwargs: Record<string, PyValue>; receiver?: PyValue }
/** A name or dotted attribute; `value` is what it is bound to in the same file, when known. */
export interface PyRef extends PyValueBase { kind: 'ref'; name: string; value?: PyValue }
/** Anything else: `text` is the source, cut to 120 characters (may contain code, never judged as a literal). */
export interface PyExpr extends PyValueBase { kind: 'expr'; text: string }

export type PyValue = PyStr | PyNum | PyBool | PyNone | PyList | PyDict | PyEnv | PyCallValue | PyRef | PyExpr;

export type AssignmentVia =
  | 'module' // NAME = … at module level
  | 'class' // NAME = … in a class body
  | 'augmented' // NAME += … at module level
  | 'config-item' // app.config["NAME"] = …
  | 'config-update' // app.config.update(NAME=…) / app.config.update({"NAME": …})
  | 'config-mapping' // app.config.from_mapping(NAME=…)
  | 'config-setdefault' // app.config.setdefault("NAME", …)
  | 'app-attribute'; // app.secret_key = … (key SECRET_KEY), app.debug = … (key DEBUG)

/** One configuration assignment. */
export interface PyAssignment {
  /** The setting name: `SECRET_KEY` (also for `app.secret_key`), `DEBUG`, `workers`. */
  key: string;
  /** The target as written: `SECRET_KEY`, `app.config['SECRET_KEY']`, `app.secret_key`. */
  target: string;
  via: AssignmentVia;
  /** `app` in `app.config[...]` / `app.secret_key`. */
  object?: string;
  /** The class whose attribute this is (for inherited copies: the inheriting class). */
  className?: string;
  classBases?: string[];
  /** Set on copies made for a subclass that inherits the attribute: the class that assigns it. */
  inheritedFrom?: string;
  /**
   * Environments for which subclasses in this file decide the value (they override it, or they
   * inherit it and appear as their own copy): judging such an environment, skip this entry.
   */
  shadowedFor?: EnvName[];
  /** Name of the enclosing function (`create_app`), if any. */
  function?: string;
  /** The value (the whole right-hand side). */
  value: PyValue;
  /** Environment this assignment counts for: the file's, its class's (`ProductionConfig`), or its `if` branch's. */
  environment: EnvName;
  line: number;
  column: number;
}

/** Callees recorded in `calls` (their last name segment). */
export const RECORDED_CALLS = new Set([
  'run', 'Flask', 'Quart', 'Talisman', 'init_app', 'Limiter', 'CORS', 'cross_origin', 'add_middleware', 'Middleware',
  'FastAPI', 'Starlette', 'secure_filename', 'CSRFProtect', 'SeaSurf', 'from_object', 'from_pyfile', 'from_envvar',
  'from_prefixed_env', 'create_app', 'Session', 'LoginManager', 'SocketIO', 'ProxyFix', 'errorhandler', 'register_error_handler',
]);

/** A call a rule needs (`app.run(debug=True)`, `Talisman(app, force_https=False)`). */
export interface PyCall {
  /** Callee as written, dotted: `app.run`, `Talisman`, `uvicorn.run`, `app.add_middleware`. */
  callee: string;
  /** Last segment of the callee: `run`. */
  name: string;
  args: PyValue[];
  kwargs: Record<string, PyValue>;
  /** Positions of the keyword arguments' names. */
  kwargPos: Record<string, { line: number; column: number }>;
  /** `*args` / `**kwargs` spread: arguments are incomplete. */
  spread: boolean;
  /** Inside `if __name__ == "__main__":`. */
  inMainGuard: boolean;
  function?: string;
  environment: EnvName;
  line: number;
  column: number;
}

/** How an error response exposes the exception. */
export type ExposureKind = 'str(e)' | 'repr(e)' | 'f-string' | 'format' | 'e.args' | 'traceback' | 'e' | 'concat';

export interface ErrorExposure {
  kind: ExposureKind;
  /** The returned expression's position. */
  line: number;
  column: number;
  /** Inside an `if` that tests the environment / debug mode (`if app.debug:`, `if ENV != "production":`). */
  guarded: boolean;
}

/** A function that turns exceptions into responses: an error handler, or an `except … as e` in a view. */
export interface ErrorHandler {
  /** `errorhandler` (Flask `@app.errorhandler` / `register_error_handler`), `exception_handler` (FastAPI / Starlette), `except` (an except block in a view). */
  kind: 'errorhandler' | 'exception_handler' | 'except';
  /** The handled exception / status as written (`Exception`, `500`). */
  handles: string;
  function: string;
  exposures: ErrorExposure[];
  environment: EnvName;
  line: number;
  column: number;
}

/** A `.save(…)` of an uploaded file. */
export interface FileSave {
  /** The destination uses the client's `filename` without `secure_filename` (directly or through a variable). */
  rawFilename: boolean;
  function?: string;
  environment: EnvName;
  line: number;
  column: number;
}

export interface ListSettingItem { value: string; line: number; column: number }
/** A list setting (`INSTALLED_APPS`, `MIDDLEWARE`) with every element's position; `+=`, `.append`, `.insert` merged. */
export interface ListSetting {
  items: ListSettingItem[];
  /** Some elements are not string literals (a comprehension, a variable, a splat). */
  open: boolean;
  /** This module only extends the list (`+=`, `.append`, `.insert`): the items add to another module's list. */
  extends?: boolean;
  line: number;
  column: number;
}

export interface DjangoSettings {
  installedApps?: ListSetting;
  middleware?: ListSetting;
  /** `from .base import *` and the like: this module extends another settings module. */
  starImports: string[];
}

/** An environment-variable read (one shape for every language: src/facts/env-read.ts). */
export type PyEnvRead = CodeEnvRead;

/** A string literal assigned to a name, with the environment it counts for. */
export interface PyLiteralAssignment extends LiteralAssignment {
  environment: EnvName;
  /** How: `assign`, `attribute`, `dict-key`, `keyword`, `parameter`, `env-default`. */
  how: string;
  /** The configuration setting the literal feeds (`SECRET_KEY` for `SECRET_KEY = os.environ.get('X', '…')`), when inside one. */
  setting?: string;
}

/** Everything the python collector extracts from one file. */
export interface PythonFact {
  file: string;
  environment: EnvName;
  /** Top-level module names imported (`flask`, `flask_talisman`, `django`, `os`). */
  imports: string[];
  /** Qualified names imported (`flask.session`, `flask_login.LoginManager`, `os`). */
  importedNames?: string[];
  /** Names bound to a Flask application in this file (`app = Flask(__name__)`, `app = create_app()`). */
  flaskApps: string[];
  envReads: PyEnvRead[];
  assignments: PyAssignment[];
  calls: PyCall[];
  /** Positions of `request.files` uses. */
  fileUploads: { line: number; column: number; function?: string }[];
  fileSaves: FileSave[];
  errorHandlers: ErrorHandler[];
  literalAssignments: PyLiteralAssignment[];
  /** Present when this is a Django settings module. */
  django?: DjangoSettings;
  /** This is a gunicorn configuration file (gunicorn.conf.py …): its module-level assignments are gunicorn settings. */
  gunicornConfig: boolean;
  /** The file has `if __name__ == "__main__":`. */
  hasMainGuard: boolean;
  /**
   * The file was not parsed: its text has none of the words a rule reading this fact needs
   * (src/collect/python/relevance.ts), so every list is empty.
   */
  skimmed?: boolean;
  /** The file had syntax errors; what parsed was still collected. */
  syntaxErrors: number;
  /**
   * The first syntax error, when the file did not parse cleanly. The engine reports it as a parse
   * error entry; rules that report a setting as absent ("X is not set") stay silent for a settings
   * group or application one of whose files did not parse — the missing setting may be in the part
   * that failed. `unparsed`: most of the file failed, so nothing was extracted.
   */
  parseError?: { line: number; column: number; message: string; unparsed?: boolean };
}
declare module '../../contracts/types.js' {
  interface FactTypes {
    python: PythonFact;
  }
}
