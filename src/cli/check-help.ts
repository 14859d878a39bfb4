import { SHARED_HELP } from './help.js';

export const CHECK_HELP = `Usage: honban check [DIR] [options]
       honban check --init [DIR]

The go-live verdict: in one run, scan DIR (default .), validate the target environment's
variables (when DIR has env files or a variables: schema), probe the live site (with --url or
probe.url in honban.yml), judge host facts (with --host-facts), and evaluate the checklist of
honban.yml. Prints the checklist table first, then the findings, each tagged with its source.

Verdict: not-ready when a P0 item is open or an open finding is at or above --fail-on;
ready-with-waivers when only waived findings or deferred items stand between; else ready.
Every run is stored in the history store (see honban history).

Options:
  --init                 Add a starter checklist (rollback plan, restore tested, monitoring
                         alerts, emergency contacts, architecture doc, configuration backup)
                         to honban.yml, creating it when missing
  --url URL              Probe this deployed URL (default: probe.url in honban.yml)
  --probe-facts FILE     Judge probe facts saved with honban probe --save-facts (no network)
  --ca FILE, --insecure, --header 'K: V', --timeout MS
                         Probe options (see honban probe --help)
  --host-facts FILE      Judge the host facts recorded with honban host --record FILE
  --process-env          honban env: overlay the current process environment
  --secrets-dir DIR      honban env: a directory of Docker secrets
  --store URL            History store: sqlite:PATH or postgres://user@host/db
                         (default: $HONBAN_STORE, history.store in honban.yml, else
                         sqlite:DIR/.honban/history.sqlite)
  --keep N|Nd            Retention: keep the newest N runs, or N days (e.g. 180d)
  --project KEY          Project key in a shared store (default: from the git remote)
  --no-history           Do not store this run
${SHARED_HELP}
Examples:
  honban check --init
  honban check
  honban check . --url https://app.example.com --format html --output go-live.html
  HONBAN_STORE=postgres://honban@db.internal/honban honban check . --keep 180d
  honban history diff

Exit codes: 0 ready or ready-with-waivers; 1 not-ready; 2 usage error, bad honban.yml,
unreadable directory, unreachable history store, or internal crash.
`;

export const HISTORY_HELP = `Usage: honban history [DIR] [options]
       honban history diff [A] [B] [options]

Lists the runs of honban check stored for this project (newest first), or what changed between
two runs (default: the last two): new, fixed and changed findings (matched by fingerprint) and
checklist items. A finding the later run could not judge (its part did not run, its file did not
parse) is listed as unchecked, never as fixed.

Options:
  --dir DIR              The checked directory (default .): its honban.yml and default store
  --store URL            sqlite:PATH or postgres://user@host/db (default: $HONBAN_STORE,
                         history.store in honban.yml, else sqlite:DIR/.honban/history.sqlite)
  --project KEY          Project key (default: from the git remote)
  --env NAME             Only runs for this environment
  --limit N              How many runs to list (default 50)
  -f, --format FORMAT    pretty | json | markdown (default: pretty)
  -o, --output FILE      Write to FILE
  --lang en|ja           Language
  -c, --config FILE      honban.yml to use
  -h, --help             Show this help

JSON: honban history → { project, store, runs: [{ id, at, commit, verdict, summary, … }] };
honban history diff → { from, to, new: [...], fixed: [...], changed: [...], unchecked: [...] }.
`;
