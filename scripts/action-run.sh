#!/usr/bin/env bash
# The GitHub Action's run step (action.yml): one honban run writes a JSON report; `honban convert`
# renders it as SARIF (for code scanning), in the log format asked for, and as Markdown for the job
# summary. Inputs arrive as INPUT_* environment variables; results go to $GITHUB_OUTPUT.
# The action fails (or not) in its last step, with this run's exit code.
set -uo pipefail

bin=${HONBAN_BIN:?}
command=${INPUT_COMMAND:-scan}
report="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/honban-report-$$.json"
sarif=${INPUT_SARIF_FILE:-honban.sarif}
output=${GITHUB_OUTPUT:-/dev/null}

case "$command" in
  scan | env | probe) ;;
  *)
    echo "::error title=honban::input 'command' must be scan, env or probe, not '$command'"
    echo "exit-code=2" >>"$output"
    exit 0
    ;;
esac

args=("$command")
# path: several paths for scan (space-separated), one directory for env, the URL for probe (for
# probe, "." or nothing means honban.yml's probe.url, or --from-facts in args).
read -r -a paths <<<"${INPUT_PATH:-.}"
if [ "$command" = probe ] && [ "${paths[*]:-.}" = . ]; then paths=(); fi
args+=("${paths[@]}")
args+=(--env "${INPUT_ENV:-production}" --fail-on "${INPUT_FAIL_ON:-high}" --lang "${INPUT_LANG:-en}")
[ -n "${INPUT_CONFIG:-}" ] && args+=(--config "$INPUT_CONFIG")
if [ -n "${INPUT_ARGS:-}" ]; then
  read -r -a extra <<<"$INPUT_ARGS"
  args+=("${extra[@]}")
fi

node "$bin" "${args[@]}" --format json --output "$report" --quiet
code=$?
echo "exit-code=$code" >>"$output"
if [ ! -s "$report" ]; then
  # A usage error (exit 2 before any report): honban said why on stderr.
  echo "::error title=honban::honban $command exited $code without a report (see the log above)"
  exit 0
fi
echo "report-file=$report" >>"$output"

mkdir -p "$(dirname "$sarif")"
node "$bin" convert "$report" --format sarif --output "$sarif" --quiet --fail-on none
echo "sarif-file=$sarif" >>"$output"

format=${INPUT_FORMAT:-github}
if [ "$format" != sarif ]; then node "$bin" convert "$report" --format "$format" >&1 || true; fi

if [ "${INPUT_STEP_SUMMARY:-true}" = true ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  node "$bin" convert "$report" --format markdown >>"$GITHUB_STEP_SUMMARY" || true
fi

# Code scanning needs a file for every result: probe findings are URLs (logical locations).
upload=${INPUT_UPLOAD_SARIF:-auto}
if [ "$upload" = auto ]; then
  if [ "$command" = probe ]; then upload=false; else upload=true; fi
fi
echo "upload=$upload" >>"$output"
exit 0
