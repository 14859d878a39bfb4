import { SHARED_HELP } from './help.js';

export const ENV_HELP = `Usage: honban env [DIR] [options]
       honban env init [DIR] [--stdout]
       honban env snapshot [DIR] [--env NAME] [--list]
       honban env drift [DIR] [--env NAME] [--update]

Validates the variables a target environment really gets — env files, Docker secrets and the
process environment, layered and interpolated — against the variables: schema in honban.yml
(or honban's built-in catalog when there is none). Secret values are never printed.

Sources, lowest precedence first (the last definition wins):
  1. env files: .env, .env.<env>, env/<env>/*.env
     (or environments.<env>.files in honban.yml, in order)
  2. Docker secrets: every file of --secrets-dir (db_password → DB_PASSWORD)
  3. X_FILE pointers: DB_PASSWORD_FILE=/run/secrets/db_password provides DB_PASSWORD
  4. the process environment, with --process-env
References \${VAR}, \${VAR:-default} and $VAR are expanded by honban; $(…) is never run.

Options:
  --process-env          Overlay the current process environment (the deploy step's)
  --secrets-dir DIR      A directory of Docker secrets (one file per secret)
  --explain              Show, per key, which source won and what it shadowed
                         (pretty output; --format json puts it under extra.resolution)
${SHARED_HELP}
Examples:
  honban env --env production --process-env           # in the deploy script, before start
  honban env --env production --secrets-dir /run/secrets --explain
  honban env --env staging --format json --output env-audit.json
  honban env init --stdout                             # propose a variables: schema
  honban env snapshot --env production && honban env drift --env production

Exit codes: 0 no open finding at or above --fail-on; 1 open findings at or above it
(drift: 1 when anything changed); 2 usage error, bad honban.yml or unreadable directory.
`;

export const ENV_INIT_HELP = `Usage: honban env init [DIR] [--stdout] [-c FILE]

Proposes a variables: schema for honban.yml from what the repository says: variables the code
reads (required when read without a default), .env.example and other templates (with their
comments as descriptions), the keys of env files, and honban's catalog (secrets, types and
production expectations such as DEBUG=false). Never writes a value of a secret.

Without --stdout the variables not yet declared are added to honban.yml (created when missing;
existing declarations and comments are kept).

Options:
  --stdout               Print the proposed variables: section instead of writing honban.yml
  -c, --config FILE      The honban.yml to update (default: DIR/honban.yml)
  --lang en|ja           Language of messages
  -h, --help             Show this help
`;

export const ENV_SNAPSHOT_HELP = `Usage: honban env snapshot [DIR] [--env NAME] [--process-env] [--secrets-dir DIR] [--list]

Records HMAC fingerprints of the resolved environment under DIR/.honban/ (never values) with
a per-repository random key stored beside them; .honban/ is git-ignored. The last 20
snapshots of each environment are kept, with timestamps.

Options:
  --env NAME             Target environment (default: production)
  --process-env          Overlay the current process environment
  --secrets-dir DIR      A directory of Docker secrets
  --list                 List the snapshots kept instead of taking one
  -f, --format FORMAT    pretty | json (default: pretty)
  --lang en|ja           Language of messages
  -h, --help             Show this help
`;

export const ENV_DRIFT_HELP = `Usage: honban env drift [DIR] [--env NAME] [--process-env] [--secrets-dir DIR] [--update]

Compares the resolved environment with its last snapshot (honban env snapshot) and lists the
keys added, removed and changed since then — never their values. Exit 1 when anything drifted.

Options:
  --env NAME             Target environment (default: production)
  --process-env          Overlay the current process environment
  --secrets-dir DIR      A directory of Docker secrets
  --update               Record a new snapshot after comparing
  -f, --format FORMAT    pretty | json | markdown (default: pretty)
  -o, --output FILE      Write to FILE instead of stdout
  --lang en|ja           Language of messages
  -h, --help             Show this help
`;

export const DIFF_HELP = `Usage: honban diff [DIR] --from A --to B [options]

Compares the variables of two environments (their env files, layered and interpolated as
honban env resolves them): one row per key — same, changed, only-from, only-to. Values are
shown only for non-secrets (URL passwords masked); secrets are compared without being shown.
When the environments have *.tfvars files, their Terraform variables are compared too.

Options:
  --from ENV             The environment to compare from (e.g. production)
  --to ENV               The environment to compare to (e.g. staging)
  --changed-only         Leave out identical rows (pretty, markdown)
  --exit-code            Exit 1 when the environments differ (like git diff --exit-code)
  -f, --format FORMAT    pretty | json | markdown (default: pretty)
  -o, --output FILE      Write to FILE instead of stdout
  -c, --config FILE      honban.yml to use (default: DIR/honban.yml)
  --lang en|ja           Language of messages
  -h, --help             Show this help

Examples:
  honban diff --from production --to staging
  honban diff --from production --to development --format markdown > env-diff.md
`;
