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
for initiative in schools/*/*/; do
  # Term folders in school-year order: spring, summer, then autumn within a calendar year.
  terms=$(for t in "$initiative"*/; do
            t=$(basename "$t")
            printf '%s %s\n' "$(printf '%s' "$t" | sed 's/-spring$/-1/; s/-summer$/-2/; s/-autumn$/-3/')" "$t"
          done | sort | cut -d' ' -f2)
  latest=$(printf '%s\n' "$terms" | tail -n 1)
  previous=$(printf '%s\n' "$terms" | tail -n 2 | head -n 1)
  args=("$initiative$latest"/*.yaml)
  if [ "$previous" != "$latest" ]; then
    args+=(--baseline "$initiative$previous")
  fi
  if [ "$mode" = junit ]; then
    name=$(printf '%s' "${initiative%/}" | cut -d/ -f2- | tr / -)
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
done
exit "$worst"
