export const MAIN_HELP = `honban — find development settings about to reach production (本番)

Usage: honban <command> [options]

Commands:
  scan [PATH…]      Read a repository (code, .env, Dockerfile, compose, nginx, systemd,
                    Terraform) and report what is not ready for the target environment
  env [DIR]         Validate a target environment's variables against the schema
  diff [DIR]        Compare two environments' variables (--from A --to B)
  probe URL         Check the deployed site: redirect, TLS, headers, cookies, CSP, CORS …
  host              Check the server itself (live, or offline with --root DIR): OS, resources,
                    SSH, firewall, the app's unit, env file, nginx, certificates, backups
  rules             List every rule (id, severity, title, description, fix)

Options:
  -h, --help        Show help (also: honban <command> --help)
  -V, --version     Show the version

Exit codes: 0 no open finding at or above --fail-on; 1 open findings at or above it;
            2 usage error, bad config, unreadable target or internal crash.
`;

export const SHARED_HELP = `Shared options:
  --env NAME             Target environment (default: production)
  --lang en|ja           Language of messages (default: from LANG)
  -f, --format FORMAT    pretty | json | sarif | junit | markdown (default: pretty)
  -o, --output FILE      Write the report to FILE instead of stdout
  --fail-on LEVEL        critical | high | medium | low | info | none (default: high)
  -c, --config FILE      honban.yml to use (default: honban.yml at the scanned root)
  --baseline FILE        Report only findings not in FILE (status "baseline" for the rest)
  --write-baseline FILE  Record today's open findings in FILE
  -q, --quiet            No progress; pretty output shows open findings only
  -h, --help             Show this help
`;

export const SCAN_HELP = `Usage: honban scan [PATH…] [options]

Reads files or directories (default: .) and reports every place where development settings
are about to reach the target environment: each finding with file:line, why it matters and
how to fix it.

${SHARED_HELP}  --nginx-test           Also run \`nginx -t\` on a temporary copy of each nginx configuration
                         (needs nginx; missing certificates get throw-away ones; never runs code
                         from the repository: its load_module and Perl/njs/Lua lines are removed)
  -j, --jobs N           Parse files in N worker threads (default: the number of cores)
  --file-timeout SEC     Time budget per file for parsing and extraction (default: 5); a file
                         over it is reported in errors and the scan goes on
  --no-cache             Parse every file, do not read or write the fact cache
  --cache-location DIR   Fact cache directory (default: node_modules/.cache/honban when the
                         scanned root has node_modules, else .honban/cache)

Examples:
  honban scan .
  honban scan . --format sarif --output honban.sarif --fail-on high
  honban scan . --env staging --lang ja
  honban scan . --write-baseline .honban-baseline.json
  honban scan . --baseline .honban-baseline.json

Inline suppression (a reason is required):
  # honban-ignore docker/root-user -- the base image drops privileges itself
`;

export const RULES_HELP = `Usage: honban rules [options]

Lists every rule: id, severity, environments, title, description and fix.

Options:
  -f, --format FORMAT    pretty | json | markdown (default: pretty)
  --lang en|ja           Language (default: from LANG)
  -o, --output FILE      Write to FILE
  -h, --help             Show this help
`;
