/** Fact `javascript`: Express apps, calls, env reads and literals of a JavaScript / TypeScript file (collected by src/collect/javascript.ts). */
import type { CodeLiteralAssignment } from './ruby.js';
import type { BaseFact } from '../contracts/collector.js';
import type { CodeEnvRead } from './common.js';

export type JsValueKind = 'string' | 'template' | 'number' | 'bool' | 'null' | 'undefined' | 'object' | 'array' | 'regex' | 'function' | 'env' | 'identifier' | 'call' | 'other';

export interface JsProp {
  key: string;
  value: JsValue;
  /** Set by a later `x.key = …` assignment to the same object (possibly conditional). */
  assigned?: boolean;
  line: number;
  column: number;
}

/** A JS expression reduced to what rules need. */
export interface JsValue {
  kind: JsValueKind;
  /** string / number / regex text, `true` / `false`, identifier name, callee of a call. */
  value?: string;
  /** kind `env`: the variable, and its fallback (`process.env.S || "dev"`). */
  env?: { name: string; fallback?: JsValue; };
  /** Environment variables read anywhere inside (templates, calls …). */
  envNames?: string[];
  /** kind `object`. */
  props?: JsProp[];
  /** kind `object` has a spread (`...defaults`): props are incomplete. */
  spread?: boolean;
  /** kind `array`. */
  items?: JsValue[];
  /** kind `function`: parameter count; `reflectsAny` when it calls back `(null, true)` for any input (CORS origin). */
  fn?: { params: number; reflectsAny?: boolean; returnsTrue?: boolean; };
  /** kind `call`: the module of the callee's root binding. */
  module?: string;
  line: number;
  column: number;
}

export interface JsImport {
  module: string;
  /** Local binding (`helmet`, `session`), absent for side-effect imports. */
  local?: string;
  /** Imported name for named imports (`{ rateLimit }`); `default` / `*` otherwise. */
  imported?: string;
  line: number;
  column: number;
}

export interface JsCall {
  /** The callee as written without spaces (cut to 80 characters): `app.use`, `session`, `res.status(500).cookie`. */
  callee: string;
  /** Last name of the callee: `use`, `session`, `cookie`. */
  method: string;
  /** Root identifier of a member callee (`app` of `app.use`). */
  object?: string;
  /** Module the callee's root identifier is bound to (`express-session`), or of `require("m")(…)`. */
  module?: string;
  /** Named import the root is bound to (`rateLimit` of `{ rateLimit } from "express-rate-limit"`). */
  imported?: string;
  args: JsValue[];
  line: number;
  column: number;
}

export interface ExpressApp {
  /** Variable holding the app (`app`), if any. */
  name?: string;
  /** `.listen(…)` / `createServer(app)` / `serverless(app)` in this file. */
  listens: boolean;
  /** Exported or returned from the function that creates it. */
  exported: boolean;
  /** Mounted into another app (`app.use("/admin", admin)`): a sub-app. */
  mounted: boolean;
  line: number;
  column: number;
}

export interface ErrorLeak {
  /** `stack`: err.stack; `message`: err.message / String(err) / `${err}`; `error`: the error object itself. */
  what: 'stack' | 'message' | 'error';
  /** Inside a branch that tests the environment (`req.app.get("env") === "development" ? err : {}`). */
  guarded: boolean;
  line: number;
  column: number;
}

/** A 4-argument function passed to `.use(…)`: express error-handling middleware. */
export interface JsErrorHandler {
  params: string[];
  leaks: ErrorLeak[];
  line: number;
  column: number;
}

export interface JavascriptFacts extends BaseFact {
  language: 'javascript' | 'typescript';
  /** Directory of the nearest package.json ('' for the root): the package the file belongs to. */
  packageDir: string;
  envReads: CodeEnvRead[];
  imports: JsImport[];
  calls: JsCall[];
  apps: ExpressApp[];
  errorHandlers: JsErrorHandler[];
  literalAssignments: CodeLiteralAssignment[];
  /**
   * Parts tree-sitter could not parse (newer syntax than the grammar knows, such as
   * `export type * from`): the rest of the file is still read. Absent when the file parsed cleanly.
   */
  syntaxErrors?: number;
}

declare module '../contracts/types.js' {
  interface FactTypes {
    javascript: JavascriptFacts;
  }
}
