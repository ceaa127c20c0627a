#!/usr/bin/env bash
# Mutation testing of the domain's rules with Stryker.NET: stryker-config.json names the files (purchases, resale,
# inventory, accounts, money, validation) and the specs that run against each mutant. Start it with
# ./test.sh --mutation, which provides the PostgreSQL the reservation specs need. Slow, so CI does not run it.
# stryker-config.json mutates the rule files against the SQLite specs; stryker-config.postgres.json mutates
# PostgreSQL's one-statement reservation against the PostgreSQL purchase and settlement specs; Money and PasswordRules
# run on their own with only their specs (stryker-config.money.json, stryker-config.passwords.json): their tables are
# built once per process, and Stryker's test-platform runner reuses its processes across mutants of a wide run, so a
# mutant of that once-per-process code only shows in a run of its own (docs/mutation.md).
# MUTATION_CONFIGS="stryker-config.money.json ..." runs only those configurations.
#
# It works on a copy of the working tree: the mutation build restores other packages (the specs run on the Microsoft
# Testing Platform there, see TicketHub.Tests.csproj) and must not touch this checkout's build outputs. The HTML and
# JSON reports land in artifacts/mutation/<config>/; the score of every file is printed at the end, and the run fails when a
# file scores below 80 %. Extra arguments go to Stryker (e.g. --concurrency 1).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
threshold=80

work=$(mktemp -d /tmp/tickethub-mutation.XXXXXX)
trap 'rm -rf "$work"' EXIT
git ls-files -z --cached --others --exclude-standard \
  | while IFS= read -r -d '' file; do [ -e "$file" ] && printf '%s\0' "$file"; done \
  | tar --null -T - -cf - | tar -xf - -C "$work"

cd "$work"
dotnet tool restore >/dev/null
status=0
for config in ${MUTATION_CONFIGS:-stryker-config.json stryker-config.postgres.json stryker-config.money.json stryker-config.passwords.json}; do
  name=$(basename "$config" .json)
  MutationRun=true dotnet tool run dotnet-stryker --config-file "$config" --output "$work/$name" "$@" || status=$?
  mkdir -p "$root/artifacts/mutation/$name"
  [ ! -d "$work/$name/reports" ] || cp -r "$work/$name/reports/." "$root/artifacts/mutation/$name/"
done

# Stryker's score: killed and timed-out mutants over every mutant that ran or had no spec (compile errors and ignored
# mutants do not count).
scores=$(jq -r --argjson threshold "$threshold" '
  .files | to_entries[] | .key as $file | .value.mutants
  | { killed: map(select(.status == "Killed" or .status == "Timeout")) | length,
      missed: map(select(.status == "Survived" or .status == "NoCoverage")) | length }
  | select(.killed + .missed > 0)
  | (100 * .killed / (.killed + .missed)) as $score
  | "\($score * 10 | floor / 10) %\t\(.killed) killed, \(.missed) not killed\t\($file | sub(".*/TicketHub.Domain/"; ""))"
    + (if $score < $threshold then "\tBELOW \($threshold) %" else "" end)
' "$work"/stryker-config*/reports/mutation-report.json)
echo "Mutation score per file (every mutant: artifacts/mutation/*/mutation-report.html):"
echo "$scores" | column -t -s $'\t'
if grep -q BELOW <<<"$scores"; then exit 1; fi
exit $status
