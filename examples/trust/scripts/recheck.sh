#!/usr/bin/env bash
# Re-check each school's latest term against the term before it (docs/ci.md in implcheck).
#
#   bash scripts/recheck.sh github   annotations in the job log, a summary per school in
#                                    $GITHUB_STEP_SUMMARY (GitHub Actions)
#   bash scripts/recheck.sh junit    reports/<school>-<initiative>.xml (GitLab, Jenkins)
#
# Layout: schools/<school>/<initiative>/<term>/<role>.yaml, terms named like 2026-autumn.
# Exit: 0 every school passes; 1 a school is not ready or regressed since last term;
#       2 a file is bad (the messages name it); 3 a bug in implcheck.
set -u
mode=${1:-github}
summary=${GITHUB_STEP_SUMMARY:-/dev/null}
worst=0
mkdir -p reports
# Which terms to check, in implcheck's own term order (by name: 2026-autumn, 2027-spring,
# 2027-summer; docs/next-term.md): for each school's initiative, its latest started term and the
# started term before it, one line each. A term with nothing answered yet (next term's files,
# just made with init --from) has not started, and waits until it has.
implcheck portfolio schools --format json > reports/.portfolio.json
worst=$?
plan=$(python3 -c '
import json, os, sys
for group in json.load(open(sys.argv[1]))["groups"]:
    started = [os.path.dirname(term["files"][0]) for term in group["terms"] if term["started"]]
    if started:
        print(started[-1], started[-2] if len(started) > 1 else "", sep="\t")
' reports/.portfolio.json)
rm -f reports/.portfolio.json
while IFS=$'\t' read -r latest previous; do
  [ -n "$latest" ] || continue
  args=("$latest"/*.yaml)
  if [ -n "$previous" ]; then
    args+=(--baseline "$previous")
  fi
  if [ "$mode" = junit ]; then
    name=$(dirname "$latest" | cut -d/ -f2- | tr / -)
    # Written beside the report and moved over it only when implcheck wrote one (exit 0 or 1):
    # a bad file (2) or a bug (3) leaves no empty or partial .xml, and says why on stderr.
    implcheck check "${args[@]}" --format junit > "reports/$name.xml.partial"
    rc=$?
    if [ "$rc" -le 1 ]; then
      mv "reports/$name.xml.partial" "reports/$name.xml"
    else
      rm -f "reports/$name.xml.partial" "reports/$name.xml"
    fi
  else
    implcheck check "${args[@]}" --format github
    rc=$?
    implcheck check "${args[@]}" --format markdown --fail-on never >> "$summary" 2>/dev/null
  fi
  if [ "$rc" -gt "$worst" ]; then
    worst=$rc
  fi
done <<< "$plan"
exit "$worst"
