/**
 * The Terraform model honban builds from HCL (tree-sitter) — shapes shared by the collector
 * (src/collect/terraform.ts) and the tf-aws rules.
 *
 * Two layers:
 * - `Expr`: the syntax of one expression, with positions (what the file says).
 * - `TfValue`: what a reviewer would resolve it to for the target environment (variables from their
 *   defaults / tfvars / module arguments, locals, literal interpolation, jsonencode, JSON strings).
 *   Anything that cannot be resolved is `unknown`; rules never guess on unknown values.
 */
import type { EnvName } from '../../contracts/types.js';
import type { ProvidesVars } from '../common.js';

/** A place in a file (1-based line and column). */
export interface Loc {
  file: string;
  line: number;
  column: number;
}

/** Marks an unknown part inside `TfUnknown.partial` (a private-use character). */
export const UNKNOWN_MARK = '\uE000';

// ---------------------------------------------------------------------------------------------
// Syntax

/** Source offsets of the characters of a string: a number when contiguous from there, else one per character. */
export type Offsets = number | number[];

export type Step = { k: 'attr'; name: string } | { k: 'index'; e: Expr } | { k: 'splat' };

export type TmplPart =
  /** Literal text (escapes already processed) and the source offset of each character. */
  | { s: string; offsets: Offsets }
  /** An interpolation `${…}` starting at source offset `offset`. */
  | { e: Expr; loc: Loc; offset: number }
  /** A `%{ if }` / `%{ for }` directive: the template cannot be rendered statically. */
  | { directive: true; refs: Expr[]; loc: Loc };

export interface ObjItem {
  key: Expr;
  /** The key when it is a bare identifier or a literal string. */
  keyName?: string;
  value: Expr;
  loc: Loc;
}

export type Expr =
  | { t: 'lit'; v: string | number | boolean | null; loc: Loc; offsets?: Offsets }
  | { t: 'tmpl'; parts: TmplPart[]; loc: Loc; heredoc: boolean }
  | { t: 'tuple'; items: Expr[]; loc: Loc }
  | { t: 'object'; items: ObjItem[]; loc: Loc }
  | { t: 'trav'; root: string; steps: Step[]; loc: Loc; text: string }
  | { t: 'call'; name: string; args: Expr[]; loc: Loc; text: string }
  | { t: 'cond'; c: Expr; a: Expr; b: Expr; loc: Loc }
  | { t: 'unop'; op: string; x: Expr; loc: Loc }
  | { t: 'binop'; op: string; l: Expr; r: Expr; loc: Loc }
  /** Postfix access on a non-traversal (`func(...)[0]`, `(expr).attr`). */
  | { t: 'access'; base: Expr; steps: Step[]; loc: Loc; text: string }
  /** `for` expressions and anything else we do not evaluate; `inner` keeps its references. */
  | { t: 'other'; loc: Loc; text: string; inner: Expr[] };

/** An attribute as written (`name = expr`). */
export interface RawAttr {
  name: string;
  loc: Loc;
  expr: Expr;
  /** Source text of the expression (shortened). */
  text: string;
}

/** A block as written (`type "label" … { body }`). */
export interface RawBlock {
  type: string;
  labels: string[];
  loc: Loc;
  endLine: number;
  attrs: RawAttr[];
  blocks: RawBlock[];
}

// ---------------------------------------------------------------------------------------------
// Values

/** Where a literal came from, when it flowed through a variable. */
export interface ValueSource {
  kind: 'variable-default' | 'tfvars' | 'module-argument' | 'module-default';
  /** Variable name (module input name). */
  name: string;
  loc: Loc;
  /** For `module-default`: the registry module and the versions whose default this is. */
  module?: string;
}

export interface ValueBase {
  /** Where the value is written (the literal itself). */
  loc?: Loc;
  /** Resources / data sources / module calls it references: `<id>` or `<id>.<attr>`. */
  refs?: string[];
  /** The variable (default / tfvars / module argument) the value came through, innermost first. */
  from?: ValueSource;
}

/** Maps the characters of a string value back to where they are written. */
export interface CharMap {
  file: string;
  /** Where character `i` of the string is written. */
  loc(i: number): Loc;
}

export interface TfString extends ValueBase {
  kind: 'string';
  value: string;
  map?: CharMap;
}
export interface TfNumber extends ValueBase {
  kind: 'number';
  value: number;
}
export interface TfBool extends ValueBase {
  kind: 'bool';
  value: boolean;
}
export interface TfNull extends ValueBase {
  kind: 'null';
}
export interface TfList extends ValueBase {
  kind: 'list';
  items: TfValue[];
}
export interface TfEntry {
  key: string;
  keyLoc?: Loc;
  value: TfValue;
}
export interface TfObject extends ValueBase {
  kind: 'object';
  entries: TfEntry[];
}
export interface TfUnknown extends ValueBase {
  kind: 'unknown';
  /** The expression as written (shortened), for messages. */
  text?: string;
  /** A string whose unknown parts are `UNKNOWN_MARK` (`"${aws_ecr_repository.app.repository_url}:latest"`). */
  partial?: string;
  map?: CharMap;
}

export type TfValue = TfString | TfNumber | TfBool | TfNull | TfList | TfObject | TfUnknown;

// ---------------------------------------------------------------------------------------------
// Model

/** An attribute with its resolved value. */
export interface TfAttr {
  name: string;
  line: number;
  column: number;
  file: string;
  value: TfValue;
  /** Source text of the expression (shortened to 120 characters). */
  text: string;
}

/** Attributes and nested blocks. `attrs` has no prototype: `body.attrs['x']` is safe. */
export interface TfBody {
  attrs: Record<string, TfAttr | undefined>;
  blocks: TfBlock[];
}

export interface TfBlock {
  type: string;
  labels: string[];
  file: string;
  line: number;
  column: number;
  body: TfBody;
  /** From a `dynamic` block: `expanded` (for_each was known) or `unknown` (evaluated once, iterator unknown). */
  dynamic?: 'expanded' | 'unknown';
}

export interface TfResource {
  /** Unique in the scan: `<module dir>|<address>` (module dir `.` for the root). */
  id: string;
  /** Other ids references to it use: a registry module's main resource is what `module.<call>` refers to. */
  aliases?: string[];
  /** `aws_vpc.main`, `data.aws_iam_policy_document.app`. */
  address: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  moduleDir: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  body: TfBody;
  /** Has `count` or `for_each` (several instances). */
  multi: boolean;
  /** The `count` / `for_each` keys of the instances this entry stands for, when they were known. */
  instanceKeys?: (string | number)[];
  /** The provider: the `provider` meta-argument's name, else the type's prefix (`aws`, `azurerm`, `google`, `random`). */
  provider: string;
  /** Created by a module call (a local module evaluated with the call's arguments, or a registry module's known resources). */
  module?: TfModuleRef;
  /** Read from a plan (`terraform show -json`): the plan file. */
  plan?: string;
  /** Deployed by an example root module (`examples/complete`): the example's directory. */
  example?: string;
}

/** Where a resource of a module instance comes from. */
export interface TfModuleRef {
  /** `module.db`, `module.app.module.db["x"]` */
  key: string;
  /** The top-level call in the root module (what a user of the configuration edits). */
  call: Loc;
  /** The call's `source` and `version`. */
  source?: string;
  version?: string;
  /** A registry module whose resources honban knows from its facts (not from its source). */
  registry?: { name: string; versions: string };
}

export interface TfVariable {
  name: string;
  moduleDir: string;
  file: string;
  line: number;
  column: number;
  /** The `default` attribute, when present. */
  default?: TfAttr;
  /** The value for the target environment (module argument, tfvars, or default); unknown when none. */
  effective: TfValue;
  sensitive: boolean;
  /** The variable is set by a module argument or a tfvars file (not by its default). */
  overridden: boolean;
}

export interface TfLocal {
  name: string;
  moduleDir: string;
  file: string;
  line: number;
  column: number;
  value: TfValue;
}

export interface TfOutput {
  name: string;
  moduleDir: string;
  file: string;
  line: number;
  column: number;
  value?: TfAttr;
  sensitive: boolean;
}

export interface TfModuleCall {
  /** `<module dir>|module.<name>` */
  id: string;
  name: string;
  moduleDir: string;
  file: string;
  line: number;
  column: number;
  /** The `source` as written. */
  source?: string;
  /** The local module directory it calls (`../modules/rds` resolved), when in the scan. */
  targetDir?: string;
  /** Arguments (source, version, and the module's inputs). */
  body: TfBody;
}

export interface TfProvider {
  name: string;
  alias?: string;
  moduleDir: string;
  file: string;
  line: number;
  column: number;
  body: TfBody;
}

/** One `required_providers` entry: `aws = { source = "hashicorp/aws", version = "~> 5.0" }`. */
export interface TfRequiredProvider {
  name: string;
  source?: string;
  version?: string;
  file: string;
  line: number;
  column: number;
}

/** One assignment in a `.tfvars` / `.tfvars.json` file. */
export interface TfVarAssignment {
  name: string;
  file: string;
  line: number;
  column: number;
  value: TfValue;
}

/** One IAM policy statement, normalized from JSON, `jsonencode` or `aws_iam_policy_document`. */
export interface TfStatement {
  file: string;
  line: number;
  column: number;
  sid?: string;
  /** `Allow` / `Deny`; undefined when unknown. */
  effect?: string;
  actions: TfPolicyItem[];
  notActions: TfPolicyItem[];
  resources: TfPolicyItem[];
  notResources: TfPolicyItem[];
  /** The statement has a Principal / NotPrincipal (a resource or trust policy). */
  hasPrincipal: boolean;
  hasCondition: boolean;
  /** Some of its actions / resources could not be resolved. */
  partial: boolean;
}

export interface TfPolicyItem {
  /** The literal, or undefined when unknown. */
  value?: string;
  /** For unknown items: the partially known text with UNKNOWN_MARK. */
  partial?: string;
  file: string;
  line: number;
  column: number;
}

export interface TfPolicy {
  /** The resource (or data source) holding it. */
  resourceId: string;
  /** As the holding resource's. */
  module?: TfModuleRef;
  example?: string;
  address: string;
  resourceType: string;
  /** The attribute (`policy`, `assume_role_policy`, `inline_policy.policy`) or `statement` for policy documents. */
  attr: string;
  /** identity: attached to a principal; resource: a bucket / queue / key policy; trust: assume-role. */
  kind: 'identity' | 'resource' | 'trust';
  file: string;
  line: number;
  column: number;
  statements: TfStatement[];
}

export interface TfContainerEnv {
  name: string;
  value: TfValue;
  file: string;
  line: number;
  column: number;
}

/** One container of an `aws_ecs_task_definition`. */
export interface TfContainer {
  taskDefinitionId: string;
  /** As the task definition's. */
  module?: TfModuleRef;
  example?: string;
  taskDefinition: string;
  name?: string;
  /** Where the container definition object starts. */
  file: string;
  line: number;
  column: number;
  image?: TfEntry;
  user?: TfEntry;
  privileged?: TfEntry;
  environment: TfContainerEnv[];
  secrets: TfContainerEnv[];
  /** `environmentFiles` entries (S3 env files: their variables cannot be seen). */
  environmentFiles: { value?: string; file: string; line: number; column: number }[];
  /** `environment` / `secrets` is there but cannot be resolved (a for expression, a variable without value). */
  environmentUnknown: boolean;
  /** The whole definition object. */
  definition: TfObject;
}

/** The facts of one `.tf` or `.tfvars` file. */
export interface TerraformFact extends ProvidesVars {
  file: string;
  environment: EnvName;
  /** `plan`: a `terraform show -json` plan whose configuration is not in the scan (its resources are here). */
  kind: 'terraform' | 'tfvars' | 'plan';
  /** Directory of the module this file belongs to (`.` for the scan root). */
  moduleDir: string;
  /** Managed resources and data sources declared in this file. */
  resources: TfResource[];
  variables: TfVariable[];
  locals: TfLocal[];
  outputs: TfOutput[];
  moduleCalls: TfModuleCall[];
  providers: TfProvider[];
  /** `.tfvars` assignments. */
  assignments: TfVarAssignment[];
  /** IAM policies declared in this file. */
  policies: TfPolicy[];
  /** ECS container definitions of task definitions declared in this file. */
  containers: TfContainer[];
  /** `terraform { required_providers { … } }` entries declared in this file. */
  requiredProviders: TfRequiredProvider[];
  /** A syntax error tree-sitter recovered from (the blocks around it were still collected). */
  syntaxError?: { line: number; column: number; message: string };
  /** The file belongs to an example of a module (`examples/<name>/`, classified shared): its directory. */
  example?: string;
  /** Providers of the file's module: of its resources (meta-argument or type prefix) and provider blocks. */
  providerNames: string[];
}
declare module '../../contracts/types.js' {
  interface FactTypes {
    terraform: TerraformFact;
  }
}
