/** Fact `ruby`: Rails settings, secrets, env reads and literals of a Ruby or Rails YAML file (collected by src/collect/ruby.ts), and accessors over them. */
import type { BaseFact } from '../contracts/collector.js';
import type { CodeEnvRead } from './common.js';
import type { LiteralAssignment } from './common.js';

export type RubyValueKind = 'symbol' | 'string' | 'interpolated' | 'bool' | 'number' | 'nil' | 'hash' | 'array' | 'list' | 'env' | 'lambda' | 'other';

/** A Ruby expression reduced to what rules need. */
export interface RubyValue {
  kind: RubyValueKind;
  /** symbol name (no colon), string content, `true` / `false`, number text. */
  value?: string;
  /** Names of the environment variables read inside the value (`env`, `interpolated`, `list` …). */
  env?: string[];
  /** kind `env`: the read has a fallback (`ENV.fetch("X", "d")`, `ENV["X"] || "d"`). */
  envHasDefault?: boolean;
  /** kind `env`: the literal fallback. */
  envDefault?: string;
  /** `array` items, or the values of `config.x = a, b` (`list`). */
  items?: RubyValue[];
  /** `hash` pairs. */
  pairs?: RubyPair[];
  /** `lambda` / proc with a single-expression body. */
  body?: RubyValue;
  line: number;
  column: number;
}

export interface RubyPair {
  key: string;
  value: RubyValue;
  line: number;
  column: number;
}

/** `config.<key> = value` (or `config.<key> value, …`) in Rails configuration. */
export interface RailsSetting {
  /** The path after `config.`: `force_ssl`, `action_controller.allow_forgery_protection`, `cache_store`. */
  key: string;
  /** `assign` for `config.x = v`, `call` for `config.session_store :cookie_store, …`. */
  form: 'assign' | 'call';
  value: RubyValue;
  /** Inside an `if` / `unless` / `case` (or a modifier): applies only sometimes. */
  conditional?: boolean;
  line: number;
  column: number;
}

/** `protect_from_forgery`, `skip_forgery_protection`, `skip_before_action :verify_authenticity_token`. */
export interface ForgeryDirective {
  kind: 'protect_from_forgery' | 'skip_forgery_protection' | 'skip_verify_authenticity_token';
  /** Keyword options by name (`with`, `only`, `except`, `if`, `unless`, `prepend`). */
  options: Record<string, RubyValue>;
  /** Enclosing class name and superclass as written. */
  className?: string;
  superclass?: string;
  /**
   * Names in the enclosing class that authenticate a request without a session: signature checks
   * (`validate_webhook!`, `construct_event`, `OpenSSL::HMAC`, a `*Signature*` header), token
   * authentication (`doorkeeper_authorize!`, `authenticate_with_http_token`, `Doorkeeper::Rails::Helpers`).
   */
  requestAuth?: string[];
  line: number;
  column: number;
}

/** A literal value under a secret-like key in a Rails YAML file (`secret_key_base: abc…`, `password: …`). */
export interface YamlSecret {
  /** Dotted path inside the section (`secret_key_base`, `primary.password`). */
  key: string;
  value: string;
  line: number;
  column: number;
}

/** One connection's adapter in config/database.yml. */
export interface DatabaseAdapter {
  /** `''` for the section itself, else the connection name (`primary`, `cache`). */
  connection: string;
  /** The adapter as written (`sqlite3`, `postgresql`), or undefined when an ERB tag computes it. */
  adapter?: string;
  /** Where the adapter is written. */
  line: number;
  column: number;
  /** Where the section takes it from a merge (`<<: *default`), when it is not written in the section. */
  mergedAt?: { line: number; column: number };
  /** The connection sets `url:` from ERB (`<%= ENV['DATABASE_URL'] %>`): the URL decides the adapter at run time. */
  urlFromErb?: boolean;
  /** The `database:` value when it is literal (`db/production.sqlite3`). */
  database?: string;
}

export type RailsConfigRole = 'environment' | 'application' | 'initializer' | 'secrets' | 'database' | 'config-yaml';

export interface RubyFacts extends BaseFact {
  /** `ruby` source or an ERB-templated YAML file. */
  source: 'ruby' | 'yaml';
  /** The file's role in a Rails app, when it has one. */
  railsConfig?: RailsConfigRole;
  /** YAML: the top-level section (as written) these facts come from. */
  section?: string;
  /** Where an absent setting should be reported: the `Rails.application.configure do` / `class Application` line, else 1:1. */
  anchor: { line: number; column: number; };
  envReads: CodeEnvRead[];
  settings: RailsSetting[];
  forgery: ForgeryDirective[];
  yamlSecrets: YamlSecret[];
  /** YAML: every key path the section defines (`password`, `primary.url`), to tell overridden shared values. */
  yamlKeys?: string[];
  /**
   * config/database.yml: the `adapter:` of each connection of the section (the section itself, or
   * `primary` / `cache` / … of a multi-database section), followed through `<<: *default` merges.
   */
  databaseAdapters?: DatabaseAdapter[];
  literalAssignments: CodeLiteralAssignment[];
}

/**
 * A literal assignment with how it was written: `assign` (NAME = "…"), `attribute` (obj.key = "…"),
 * `index` (h[:key] = "…"), `hash-key` (key: "…"), `env-default` (the literal fallback of an
 * environment read: `ENV.fetch("KEY", "…")`, `ENV["KEY"] || "…"`).
 */
export interface CodeLiteralAssignment extends LiteralAssignment {
  how?: 'assign' | 'attribute' | 'index' | 'hash-key' | 'field' | 'env-default';
}

declare module '../contracts/types.js' {
  interface FactTypes {
    ruby: RubyFacts;
  }
}

/** Rails role of a path. */
export function railsRoleOf(path: string): RailsConfigRole | undefined {
  if (/(^|\/)config\/environments\/[^/]+\.rb$/.test(path)) return 'environment';
  if (/(^|\/)config\/application\.rb$/.test(path)) return 'application';
  if (/(^|\/)config\/initializers\/.+\.rb$/.test(path)) return 'initializer';
  if (/(^|\/)config\/secrets\.ya?ml$/.test(path)) return 'secrets';
  if (/(^|\/)config\/database\.ya?ml$/.test(path)) return 'database';
  if (/(^|\/)config\/[^/]+\.ya?ml$/.test(path)) return 'config-yaml';
  return undefined;
}
