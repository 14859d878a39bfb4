/** Fact `nginx`: one top-level nginx configuration with its includes resolved (collected by src/collect/nginx.ts). */
import type { EnvName } from '../../contracts/types.js';

export interface NginxArg {
  /** The word as nginx sees it (quotes removed, escapes applied). */
  value: string;
  /** The word as written, quotes included. */
  raw: string;
  /** Quote character when the word was quoted. */
  quote?: '"' | "'";
  line: number;
  column: number;
  /** Offset of the raw word in the file's text (UTF-16 code units). */
  offset: number;
}

export interface NginxDirective {
  name: string;
  args: string[];
  /** Positions of `name` (index 0) and every argument (index i + 1). */
  words: NginxArg[];
  /** The file the directive is written in (repository-relative POSIX path). */
  file: string;
  line: number;
  column: number;
  /** Children when the directive has a `{ … }` block. */
  block?: NginxDirective[];
  /** Line of the block's closing `}`. */
  endLine?: number;
  /** For `include`: the repository files it resolved to (in nginx's order). */
  included?: string[];
  /** For `include`: the path names a file outside the repository (e.g. /etc/nginx/mime.types). */
  external?: boolean;
}
export interface NginxProblem {
  kind: 'loop' | 'parse' | 'depth';
  /** Where the offending `include` is written. */
  file: string;
  line: number;
  column: number;
  /** The included file. */
  target: string;
  message: string;
  /** Already reported as a parse error of `target` itself (it is an nginx file of its own). */
  reported: boolean;
}

export interface NginxConfig {
  /** The top-level file. */
  file: string;
  environment: EnvName;
  /**
   * What the top level is: `main` (a complete nginx.conf with `events` / `http`), `http` (a
   * fragment of `server` / `upstream` blocks as in conf.d or sites-enabled), or `server` (a fragment
   * of server-level directives).
   */
  context: 'main' | 'http' | 'server';
  /** nginx's configuration prefix in the repository (directory relative includes resolve against). */
  confPrefix: string;
  /** The configuration with includes expanded in place. */
  directives: NginxDirective[];
  /** Repository files this configuration is made of, the top-level file first. */
  files: string[];
  /** Text of each of `files`, and of included files that failed to parse (for `nginx -t` on a copy of the tree). */
  sources: { path: string; content: string; }[];
  problems: NginxProblem[];
}

declare module '../../contracts/types.js' {
  interface FactTypes {
    nginx: NginxConfig;
  }
}
