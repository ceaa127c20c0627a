#!/usr/bin/env bash
# The whole test suite, one command: installs what the tests need when it is missing (as root, from Debian's
# packages: PostgreSQL 15, Chromium, Redis), starts a throwaway PostgreSQL 15 and Redis on loopback ports, runs every test, and ends with "N passed, N failed".
# ./test.sh --mutation runs the mutation tests of the domain's rules instead (scripts/mutation.sh; slow, not in CI).
set -euo pipefail
cd "$(dirname "$0")"

mutation=false
if [ "${1:-}" = "--mutation" ]; then mutation=true; shift; fi

# shellcheck source=scripts/throwaway-postgres.sh
. scripts/throwaway-postgres.sh

need_packages=()
[ -x "$PGBIN/initdb" ] || need_packages+=(postgresql-15)
[ -x /usr/bin/chromium ] || need_packages+=(chromium)      # the browser journeys drive Debian's Chromium
command -v redis-server >/dev/null || need_packages+=(redis-server)
command -v npx >/dev/null || need_packages+=(nodejs npm)   # Redocly lints the OpenAPI document
[ "$mutation" = false ] || command -v jq >/dev/null || need_packages+=(jq)   # reads Stryker's report
if [ ${#need_packages[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "Missing: ${need_packages[*]}. Install them (sudo apt-get install ${need_packages[*]}) and run again." >&2
    exit 2
  fi
  echo "Installing ${need_packages[*]} ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_packages[@]}" >/dev/null
fi

work=$(mktemp -d /tmp/tickethub-test.XXXXXX)
chmod 755 "$work"
pgdata="$work/pg"

redis_pid=""
cleanup() {
  pg_stop "$pgdata"
  if [ -n "$redis_pid" ]; then kill "$redis_pid" 2>/dev/null || true; wait "$redis_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Durability is not under test here; speed is welcome.
pg_start "$pgdata" 55432 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off
pgport=$PGPORT_STARTED
echo "PostgreSQL 15 on 127.0.0.1:$pgport"
redisport=$(free_port 56379)
redis-server --port "$redisport" --bind 127.0.0.1 --save '' --appendonly no --daemonize no >"$work/redis.log" 2>&1 &
redis_pid=$!
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$redisport") 2>/dev/null && break; sleep 0.1; done
echo "Redis on 127.0.0.1:$redisport"
export TICKETHUB_TEST_REDIS="127.0.0.1:$redisport"
export TICKETHUB_TEST_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres;Maximum Pool Size=40"

if [ "$mutation" = true ]; then
  status=0
  scripts/mutation.sh "$@" || status=$?
  exit $status
fi

results="$work/results"
export TICKETHUB_CONFORMANCE_REPORT="$work/conformance.txt"   # the API specs' traffic held against the OpenAPI document
status=0
dotnet test TicketHub.sln --logger "trx;LogFileName=tests.trx" --results-directory "$results" \
  --blame-hang-timeout 10m "$@" || status=$?

# dotnet test's own summary is not read by CI: count the trx results into one plain line.
passed=0; failed=0

# The OpenAPI document the test build generated its client from, under Redocly's recommended rules: any error fails
# the run (counted as one failed test). The version is pinned so a new rule cannot turn a run red by itself.
document=TicketHub.Tests/obj/openapi/TicketHub.Web.json
if [ -f "$document" ] && npx --yes @redocly/cli@2.77.0 lint "$document" --format=stylish >"$work/redocly.log" 2>&1; then
  passed=$((passed + 1)); echo "OpenAPI lint (Redocly recommended): no errors"
else
  failed=$((failed + 1)); status=1; echo "OpenAPI lint (Redocly recommended) failed:"; grep -v '║\|╔\|╚' "$work/redocly.log" 2>/dev/null || echo "no document at $document"
fi
for trx in $(find "$results" -name '*.trx' 2>/dev/null); do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  # Figures some specs report (cells of the authorisation matrix, malformed requests tried, ...).
  sed -n '/<StdOut>/,/<\/StdOut>/p' "$trx" | sed 's/<\/\?StdOut>//g' | grep -E ' (checked|tried)' | sed 's/^ */  reported: /' || true
done
if [ -f "$TICKETHUB_CONFORMANCE_REPORT" ]; then
  sed -n 's/^TOTAL/  reported: API traffic against the OpenAPI document:/p' "$TICKETHUB_CONFORMANCE_REPORT"
fi
if [ $((passed + failed)) -eq 0 ]; then failed=1; status=${status/#0/1}; fi   # no test ran: that is a failure
echo "$passed passed, $failed failed"
exit $status
