/**
 * Fact shapes shared between domains (the env contract reads them from every collector).
 */

import type { EnvName } from '../contracts/types.js';

/** A read of an environment variable in application code. */
export interface EnvRead {
  /** Variable name (`DATABASE_URL`). */
  name: string;
  /** The read has a fallback (`os.environ.get("X", "d")`, `ENV.fetch("X", "d")`, `process.env.X || "d"`). */
  hasDefault: boolean;
  /** The fallback when it is a literal (never print it if the name is secret-like). */
  defaultValue?: string;
  /** How it is read: `os.environ[]`, `os.environ.get`, `os.getenv`, `ENV[]`, `ENV.fetch`, `process.env`. */
  via: string;
  file: string;
  line: number;
  column: number;
}

/** A variable a deployment surface provides (env file, compose, Dockerfile ENV, systemd, ECS, k8s). */
export interface ProvidedVar {
  name: string;
  /** The literal value when the surface holds one (undefined for references / secret mechanisms). */
  value?: string;
  /** How: `env-file`, `environment`, `env_file`, `secret`, `ENV`, `ARG`, `Environment=`, `EnvironmentFile=`, `ecs-environment`, `ecs-secret`, `k8s-env`, `k8s-secretKeyRef`, `k8s-envFrom`. */
  mechanism: string;
  /** Provided through the surface's secrets mechanism (Docker secrets, ECS secrets, k8s secretKeyRef). */
  viaSecretStore: boolean;
  file: string;
  line: number;
  column: number;
}

/** Facts of a deployment surface that provides variables. */
export interface ProvidesVars {
  provides: ProvidedVar[];
  /** The surface has a secrets mechanism the value could have used instead of plain environment. */
  hasSecretMechanism?: boolean;
}

/** A command line a deployment runs (Dockerfile CMD/ENTRYPOINT/RUN, compose command, systemd ExecStart, Procfile). */
export interface CommandLine {
  /** The command as one string (exec form joined with spaces). */
  text: string;
  /** The arguments when known (exec form, or split shell form). */
  argv?: string[];
  /** `dockerfile-cmd` | `dockerfile-entrypoint` | `dockerfile-run` | `compose-command` | `compose-entrypoint` | `systemd-execstart` | `procfile` | `shell` | `k8s-container` */
  source: string;
  file: string;
  line: number;
  column: number;
}

/** A string literal assigned to a name in code or config (`password = "…"`, `app.secret_key = "…"`). */
export interface LiteralAssignment {
  /** The assigned name as written, last segment first-class: `SECRET_KEY`, `app.secret_key`, `config['SECRET_KEY']`. */
  name: string;
  /** The key the secret-name check should judge (`SECRET_KEY`, `secret_key`, `password`). */
  key: string;
  value: string;
  file: string;
  line: number;
  column: number;
}

/**
 * An env read with what code collectors can tell beyond the shared EnvRead shape (all optional).
 * Collectors build it with `envRead` (src/facts/env-read.ts), which makes the judgement.
 */
export interface CodeEnvRead extends EnvRead {
  /** The fallback: none, a literal, a placeholder literal (`changeme`), or an expression. */
  defaultKind?: 'none' | 'literal' | 'placeholder' | 'expression';
  /** What handles a missing variable: a presence guard, a development-only branch, or nothing. */
  guard?: 'presence' | 'dev-only' | 'none';
  /** The read only tests presence or compares (`if ENV["X"]`, `process.env.X === "1"`): absence is handled (hasDefault is true too). */
  guarded?: boolean;
  /** Inside a development / test-only branch (`if Rails.env.development?`, `if (process.env.NODE_ENV !== "production")`, `if __name__ == "__main__":`). */
  devOnly?: boolean;
  /** Variables this read is the fallback of (`ENV["A"] || ENV["B"]`: B's alternatives are [A]). */
  alternatives?: string[];
  /** Read at build time (`import.meta.env.X`): build arguments and build-time .env files provide it. */
  buildTime?: boolean;
  /** The read's environment when it differs from its file's (a read inside `class DevelopmentConfig:`). */
  environment?: EnvName;
}

/** Test code and documentation examples: not what production runs (code/hardcoded-secret leaves them out). */
const TEST_FILE = /(^|\/)(test_[^/]*\.py|[^/]*_test\.(py|rb|go|js|ts)|[^/]*\.(test|spec)\.[cm]?[jt]sx?|conftest\.py|[^/]*_spec\.rb)$/i;
const NON_RUNTIME_DIR = /(^|\/)(fixtures?|__fixtures__|__mocks__|examples?|samples?|docs?|testdata|test_data)\//i;

/** Is this source file test code or a documentation example (`test_x.py`, `app.spec.ts`, `docs/`, `fixtures/`)? */
export function isTestOrExampleCode(path: string): boolean {
  return TEST_FILE.test(path) || NON_RUNTIME_DIR.test(path);
}
